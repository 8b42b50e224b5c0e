#pragma once
// Missing or unusable streams are never silent (issue #14): for every exported episode, which of the
// sensor streams the writers fill (imu, hands, trajectory, gaze) has no data, or only NaN/inf values,
// in the episode's span. The export warns (stderr, GUI, manifest, dry run) and --require-streams
// turns the listed streams' problems into errors.
#include <string>
#include <vector>

#include "core/recording/RecordingContext.h"
#include "core/time/Timestamp.h"

namespace tacit::exporting {

struct StreamIssue {
  std::string stream;   // "imu", "hands", "trajectory", "gaze"
  std::string problem;  // "no stream in the recording", "no samples in the episode", ...
  bool unusable = true; // false: partly NaN/inf, the rest is usable
};

// The streams an export reads besides the video, in a fixed order.
const std::vector<std::string> &checkedStreamNames();
// Problems of each checked stream of `recording` inside `range` (timeline time).
std::vector<StreamIssue> checkEpisodeStreams(const RecordingContext &recording, TimeRange range);
// "imu: no samples in the episode; hands: ..." for messages.
std::string describeIssues(const std::vector<StreamIssue> &issues);

} // namespace tacit::exporting
