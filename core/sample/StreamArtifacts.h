#pragma once
// Data-integrity knobs of the synthetic recording (DegradationOptions): which video frames are
// dropped or duplicated, which IMU rows are missing and which stream's clock runs ahead. Planned
// once from the seed (their own random stream), then applied by the stream writers and listed in
// truth.json.
#include <cstdint>
#include <vector>

#include "core/sample/Degradation.h"
#include "core/sample/SceneScript.h"

namespace tacit::sample {

// Inclusive range of nominal sample (or frame slot) indices.
struct IndexSpan {
  std::int64_t first = 0, last = 0;
};

// rgb.mp4's frames: without knobs, frame i is slot i at start + round(i * 1e9 / fps).
struct VideoPlan {
  std::vector<Timestamp> times;         // per encoded frame (device time)
  std::vector<std::int64_t> pts;        // per encoded frame, in 1 / timeBaseDen
  int timeBaseDen = 30;                 // fps, or fps * 1000 when a frame is duplicated
  std::vector<IndexSpan> dropped;       // slots missing from the file
  std::vector<std::int64_t> duplicated; // encoded index of each extra frame (1 tick after the previous)
};

// Row timing of a fixed-rate text stream (imu.csv, trajectory.csv).
struct RowTiming {
  std::vector<IndexSpan> missing; // nominal rows left out, sorted
  Timestamp offsetNs = 0;         // added to every written timestamp (the content stays true)
  bool skips(std::int64_t row) const;
};

VideoPlan planVideo(const std::vector<Timestamp> &nominalTimes, int fps, const DegradationOptions &d,
                    std::uint64_t seed);
RowTiming planImuTiming(std::size_t rows, int hz, const DegradationOptions &d, std::uint64_t seed);
RowTiming planTrajectoryTiming(const DegradationOptions &d);

} // namespace tacit::sample
