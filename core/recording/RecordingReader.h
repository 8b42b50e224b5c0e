#pragma once
// Reads and validates a native recording folder (DESIGN §4, docs/recording-format.md):
// recording.json plus the calibration.json it references, into a RecordingManifest.
//
// Errors name the file, the JSON path and what was expected, e.g.
//   rec/recording.json: $.streams[2].kind: expected one of video, depth, ..., got "lidar"
// A stream path that is absolute, climbs out with "..", or is a symlink resolving outside the
// folder is an error. A stream whose file does not exist is a warning and the stream is dropped
// from the manifest (the rest of the recording stays usable); so is a missing calibration file.
#include <filesystem>
#include <string>

#include "core/recording/RecordingManifest.h"
#include "core/util/Result.h"

namespace tacit {

inline constexpr const char *kRecordingFileName = "recording.json";
inline constexpr const char *kCalibrationFileName = "calibration.json";
inline constexpr const char *kRecordingFormatTag = "tacit-recording";
inline constexpr int kRecordingFormatVersion = 1;

class RecordingReader {
public:
  // `path` is the recording folder or its recording.json. manifest.folder is the absolute,
  // symlink-resolved folder.
  static Result<RecordingManifest> read(const std::filesystem::path &path);

  // recording.json text only (no calibration loaded, no file-existence checks); `fileLabel`
  // starts every message. Used by read() and by tools that hold the text in memory.
  static Result<RecordingManifest> parseManifest(const std::string &text, const std::string &fileLabel);

  // calibration.json text.
  static Result<Calibration> parseCalibration(const std::string &text, const std::string &fileLabel);
};

} // namespace tacit
