#pragma once
// Writes a complete synthetic native recording folder (DESIGN §4, docs/recording-format.md):
// rgb.mp4, depth.mkv, imu.csv, trajectory.csv, hands.csv, gaze.csv, calibration.json,
// recording.json and truth.json (the script's ground truth). Same options -> same bytes for every
// text file and the same decoded frames.
#include <filesystem>
#include <functional>

#include "core/sample/SampleOptions.h"
#include "core/util/Result.h"

namespace tacit::sample {

// Bumped whenever the generated content changes (ensureBundledSample regenerates on mismatch).
constexpr int kSampleGeneratorVersion = 1;

struct SampleReport {
  std::filesystem::path folder;
  int videoFrames = 0;
  int depthFrames = 0;
  std::string videoEncoder; // e.g. "libx264"
};

// fraction in [0, 1]; return false to cancel. Called from the generating thread.
using SampleProgress = std::function<bool(double fraction)>;

// Writes `folder` through a hidden staging sibling renamed into place when complete (a failure or
// a full disk leaves nothing). An existing folder must be empty or an earlier sample (truth.json),
// and never the current folder, home, `/` or around them (core/util/OutputFolder.h).
Result<SampleReport> generateSample(const SampleOptions &options, const std::filesystem::path &folder,
                                    const SampleProgress &progress = {});

} // namespace tacit::sample
