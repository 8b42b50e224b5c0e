#pragma once
// Writes recording.json and calibration.json (docs/recording-format.md) deterministically:
// fixed key order, 2-space indent, shortest round-trip doubles, trailing newline, each file
// replaced atomically. Used by `tacit-cli sample` and the importers.
#include <filesystem>
#include <string>

#include "core/recording/RecordingManifest.h"
#include "core/util/Result.h"

namespace tacit {

class RecordingWriter {
public:
  // Writes <folder>/calibration.json (when the manifest has cameras or a calibration path) and then
  // <folder>/recording.json, creating the folder if needed. The manifest's `folder` is ignored.
  // Refuses a manifest the reader would reject (the message is the reader's, naming the file).
  // Stream files themselves are the caller's job.
  static Status write(const RecordingManifest &manifest, const std::filesystem::path &folder);

  static std::string recordingJson(const RecordingManifest &manifest);
  static std::string calibrationJson(const Calibration &calibration);
};

} // namespace tacit
