#pragma once
// Write-to-temp-then-rename helpers: a crash or a full disk never leaves a half-written file.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/util/Result.h"

namespace tacit {

// Writes `data` to `path` atomically (temp file in the same folder, fsync, rename).
Status writeFileAtomically(const std::filesystem::path &path, std::string_view data);
// "<file>: disk full" for ENOSPC/EDQUOT, else "<file>: write failed: <strerror>".
std::string writeErrorMessage(const std::filesystem::path &path, int err);
// Reads a whole (small) file; error names the file.
Result<std::string> readSmallFile(const std::filesystem::path &path, std::size_t maxBytes = 64u << 20);

} // namespace tacit
