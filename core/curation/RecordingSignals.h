#pragma once
// What curation reads from one recording: the manifest, the video's frame times, and the sensor
// series through the core/series readers (so the series cache under them serves curation too).
// Every time here is global (the stream's own clock plus its time_offset_ns).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/recording/RecordingManifest.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"
#include "core/util/Result.h"

namespace tacit::curation {

// How one stream loaded: its id, kind, offset, load statistics, or why it could not be read.
struct StreamLoad {
  std::string id;
  StreamKind kind = StreamKind::Video;
  std::filesystem::path file;
  Timestamp offsetNs = 0;
  series::CsvLoadStats stats; // CSV streams
  std::string error;          // non-empty: unreadable (the rest of the recording is still analysed)
};

// Move-only: the stream pointers below point into `streams`.
struct RecordingSignals {
  RecordingSignals() = default;
  RecordingSignals(RecordingSignals &&) = default;
  RecordingSignals &operator=(RecordingSignals &&) = default;
  RecordingSignals(const RecordingSignals &) = delete;
  RecordingSignals &operator=(const RecordingSignals &) = delete;

  RecordingManifest manifest;
  std::vector<StreamLoad> streams;

  // The first stream of each kind (curation analyses one of each).
  const StreamLoad *video = nullptr, *imuStream = nullptr, *handStream = nullptr, *gazeStream = nullptr,
                   *trajectoryStream = nullptr;
  std::vector<Timestamp> videoFrameTimes; // presentation order, global time
  std::optional<series::ImuSeries> imu;
  std::optional<series::HandSeries> hands;
  std::optional<series::GazeSeries> gaze;
  std::optional<series::TrajectorySeries> trajectory;

  // Global time span covered by any stream (empty when nothing loaded).
  TimeRange span() const;
  Timestamp offsetOf(const StreamLoad *s) const { return s ? s->offsetNs : 0; }
};

struct SignalsOptions {
  bool loadVideo = true;               // frame times (the frame index; cached on disk by the media module)
  std::filesystem::path indexCacheDir; // empty: the media module's default
};

// Reads a recording folder (or its recording.json). Fails only when the manifest cannot be read;
// an unreadable stream is recorded in its StreamLoad::error. progress in [0,1]; false cancels.
Result<RecordingSignals> loadRecordingSignals(const std::filesystem::path &folder, const SignalsOptions &options = {},
                                              const std::function<bool(double)> &progress = {});

} // namespace tacit::curation
