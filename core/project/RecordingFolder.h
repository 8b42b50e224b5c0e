#pragma once
// What the project needs from a recording folder: identity fields of recording.json, its SHA-256,
// and the size of every stream file. Reads only recording.json (minimal fields, nlohmann_json);
// the full parse belongs to core/recording's RecordingReader.
#include <filesystem>

#include "core/project/ProjectTypes.h"
#include "core/util/Result.h"

namespace tacit::project {

struct RecordingFolderInfo {
  RecordingRecord record; // id/relativePath/addedAt/status left for the caller
  std::vector<std::string> warnings;
};

// Reads <folder>/recording.json. Errors name the file.
Result<RecordingFolderInfo> readRecordingFolder(const std::filesystem::path &folder);
// SHA-256 hex of bytes.
std::string sha256Hex(std::string_view bytes);
// Compares the folder on disk with a stored record.
MediaState checkRecordingFolder(const std::filesystem::path &folder, const RecordingRecord &record);
// folder relative to base ('/' separators); the absolute path when it cannot be made relative.
std::string relativeFolderPath(const std::filesystem::path &folder, const std::filesystem::path &base);

} // namespace tacit::project
