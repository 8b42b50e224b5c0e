#pragma once
// The integrity lane of one recording (docs/curation.md): timing problems of every stream, hand
// tracking dropouts, gaze invalid spans and clock offsets, each with its exact frames or rows.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/curation/ClockOffset.h"
#include "core/curation/IntegrityIssue.h"
#include "core/curation/RecordingSignals.h"
#include "core/curation/StreamTiming.h"
#include "core/curation/TrackingValidity.h"

namespace tacit::curation {

struct StreamTimingSummary {
  std::string id;
  StreamKind kind = StreamKind::Video;
  std::size_t samples = 0;
  double rateHz = 0;
  Timestamp medianIntervalNs = 0;
  TimeRange range; // global
  std::string error;
};

struct IntegrityOptions {
  TimingOptions timing;
  double minHandConfidence = kDefaultMinHandConfidence;
  double offsetToleranceMs = 10;      // IMU vs trajectory: larger offsets are issues
  double videoOffsetToleranceMs = 25; // IMU vs video (frame-rate limited)
  bool checkVideoMotion = true;       // decode a few seconds of video for the IMU-video check
  OffsetOptions offsets;
};

struct IntegrityReport {
  std::vector<StreamTimingSummary> streams;
  std::vector<IntegrityIssue> issues; // sorted by start time
  std::optional<OffsetEstimate> imuTrajectory, imuVideo;
  std::size_t count(IssueKind kind) const;
};

IntegrityReport analyzeIntegrity(const RecordingSignals &recording, const IntegrityOptions &options = {},
                                 const std::function<bool()> &cancelled = {});

} // namespace tacit::curation
