#pragma once
// VRS compresses a record's whole payload as one LZ4 frame or one zstd frame (FORMATS §2.1).
#include <cstdint>
#include <string>
#include <vector>

#include "core/import/VrsTypes.h"
#include "core/util/Result.h"

namespace tacit::vrs {

// Decompresses `src` into exactly `expectedSize` bytes. Error text has no file name (caller adds it).
Result<std::vector<std::uint8_t>> decompress(Compression type, const std::uint8_t *src, std::size_t srcSize,
                                             std::size_t expectedSize);

} // namespace tacit::vrs
