#pragma once
// The one rule for folders Tacit writes (export, import, sample; CLI and GUI): an output never is,
// contains or sits inside what it reads (recordings, import inputs), never is or contains the
// project's folder, the current folder, the home folder or `/`, and `force` only replaces a folder
// that an earlier run of the same kind wrote (recognised by its marker file).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit {

struct ProtectedFolder {
  std::filesystem::path path;
  std::string what;   // "recording 3f2a…", "the project's folder", "an input of the import"
  bool nested = true; // also refuse an output inside it (recordings and inputs; not the project folder)
};

struct OutputFolderRules {
  std::vector<ProtectedFolder> protect; // besides the current folder, home and `/` (always protected)
  bool force = false;                   // replace a non-empty folder (only a replaceable one)
  // True when an existing folder is one this kind of output wrote before (its marker file).
  std::function<bool(const std::filesystem::path &)> isReplaceable;
  std::string kind = "export"; // for messages: "export", "import", "sample"
  std::string marker;          // for messages: "tacit_export.json"
  bool forceOption = true;     // false: the command has no --force (import)
};

// Absolute, symlinks resolved as far as the path exists, no trailing '/'.
std::filesystem::path resolvedFolder(const std::filesystem::path &p);
// Checks without creating anything; the error names the folder and the reason.
Status checkOutputFolder(const std::filesystem::path &out, const OutputFolderRules &rules);
// True when `inner` is `outer` or inside it (both resolved).
bool isSameOrInside(const std::filesystem::path &inner, const std::filesystem::path &outer);
// True when the folder holds `markerFile` whose first 64 KiB contain `needle`.
bool hasMarkerFile(const std::filesystem::path &folder, const std::string &markerFile, const std::string &needle);

} // namespace tacit
