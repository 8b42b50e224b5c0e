#pragma once
// Per-frame alignment (docs/export.md): picks the exported video frames of an episode at the export
// frame rate and resamples hands, trajectory, IMU and gaze to those frames' exact times.
#include <cstdint>
#include <string>
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/recording/RecordingContext.h"

namespace tacit::exporting {

struct AlignedEpisode {
  EpisodeData data;
  std::vector<std::int64_t> sourceFrames; // source video frame index of every exported frame
  std::vector<std::string> warnings;      // non-finite source values that were replaced (see below)
};

// Export frame k has nominal time t_k = t_0 + round(k * 1e9 / fps), t_0 = first source frame time
// >= range.begin, k while t_k < range.end; it shows the source frame nearest t_k (earlier on a tie).
// Times are on the recording timeline (RecordingContext): the main video's frame times, and each
// sensor sampled where the review window shows it at that time (its streamOffset applied), so the
// export holds at t what the operator saw at t. Fails when no source frame lies in range or the
// recording has no colour video.
// No exported value is NaN or inf: a non-finite palm counts as untracked (held, valid 0), a non-finite
// pose keeps the previous one (identity at first), a non-finite IMU or gaze component holds the last
// finite value (0 before the first); each replacement is counted in a warning.
Result<AlignedEpisode> alignEpisode(const RecordingContext &recording, TimeRange range, int fps);

// Exposed for tests: the nominal-time selection on a list of source frame times.
std::vector<std::int64_t> selectFrames(const std::vector<Timestamp> &sourcePts, TimeRange range, int fps);

} // namespace tacit::exporting
