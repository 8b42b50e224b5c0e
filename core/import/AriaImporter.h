#pragma once
// `tacit-cli import aria-mps`: an Aria recording (VRS, or an already exported RGB video) plus its
// MPS outputs -> a native recording folder. All times are on the glasses' device clock (VRS
// capture_timestamp_ns and MPS tracking_timestamp_us are the same clock, FORMATS §1.2).
// The output folder appears atomically (staging sibling + rename); sources are never modified.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/import/ImportTypes.h"
#include "core/recording/RecordingManifest.h"
#include "core/util/Result.h"

namespace tacit {
class StagingFolder;
}

namespace tacit::import {

struct AriaImportOptions {
  std::filesystem::path mpsDir; // may be empty (VRS only)
  std::filesystem::path vrs;    // exactly one of vrs / video
  std::filesystem::path video;
  std::filesystem::path calibration; // factory calibration JSON; default: VRS calib_json, else online
  std::filesystem::path out;
  std::optional<Timestamp> videoStartNs; // --video: device time of the first frame
  std::string task, workerId, workerName, site;
  Progress progress;
};

struct ImportSummary {
  std::filesystem::path folder;
  RecordingManifest manifest;
  std::vector<std::string> files;
  std::int64_t videoFrames = 0, imuSamples = 0;
};

Result<ImportSummary> importAria(const AriaImportOptions &options);

// Shared by the importers: writes recording.json/calibration.json into the staging folder, reads it
// back with RecordingReader and moves the folder into place.
Status finishRecording(RecordingManifest &manifest, StagingFolder &staging);

} // namespace tacit::import
