#pragma once
// One problem the integrity lane shows (docs/curation.md "Integrity lane"): what, in which stream,
// when (global time), and exactly which frames or rows.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit::curation {

enum class IssueKind {
  DroppedFrames,       // video: an interval of k+1 frame periods (k frames missing)
  DuplicateFrames,     // video: a frame a small fraction of a period after the previous one
  Gap,                 // sensor stream: samples missing at a steady rate
  DuplicateTimestamps, // sensor stream: two rows with the same time
  NonMonotonic,        // the file's timestamps step back
  RateChange,          // the sample rate differs from the stream's median for a while
  ClockOffset,         // a stream's clock is offset from another's (motion cross-correlation)
  TrackingDropout,     // a hand's confidence below the threshold (Aria MPS writes -1 when missing)
  GazeInvalid,         // gaze rows without a finite direction
  Unreadable,          // the stream could not be read at all
};

const char *issueKindName(IssueKind k); // "dropped_frames", "duplicate_frames", "gap", ...
std::optional<IssueKind> issueKindFromName(std::string_view name);
const std::vector<IssueKind> &allIssueKinds();

struct IntegrityIssue {
  IssueKind kind = IssueKind::Gap;
  std::string stream; // stream id ("rgb", "imu", ...)
  std::string hand;   // TrackingDropout: "left" / "right"
  TimeRange range;    // global time; for gaps: from the sample before to the sample after
  // Frame or row indices (presentation order for video, kept-row order for CSV streams):
  //   DroppedFrames/Gap: first = the sample before, last = the sample after; count = samples missing.
  //   DuplicateFrames/DuplicateTimestamps: first = the earlier, last = the duplicate.
  //   NonMonotonic: first = last = the row that steps back.
  //   TrackingDropout/GazeInvalid/RateChange: the first and last affected row; count = rows.
  std::int64_t first = -1, last = -1;
  std::int64_t count = 0;
  double value = 0;        // ClockOffset: ms the stream runs ahead of `reference`; RateChange: Hz
  std::string reference;   // ClockOffset: the stream compared with
  double confidence = 1.0; // ClockOffset: correlation peak (0..1)
  std::string message;     // one line for people
};

} // namespace tacit::curation
