#pragma once
// One row of the timeline: a stream's coverage (where it has samples, gaps left empty), or a list of
// segments / flags. Times are global (stream offset applied).
#include <QColor>
#include <QString>
#include <span>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit {

struct TimelineSpan {
  TimeRange range;
  QString label; // segments/flags; empty for coverage
  QColor color;  // invalid = the lane's colour
};

struct TimelineLane {
  enum class Kind { Coverage, Segments, Flags };
  QString id;   // stream id or "segments"/"flags"
  QString name; // shown in the lane header
  Kind kind = Kind::Coverage;
  QColor color;
  std::vector<TimelineSpan> spans;
};

// Coverage spans from sorted sample times: consecutive samples further apart than maxGap start a new
// span. Each span ends one median sample period after its last sample.
std::vector<TimelineSpan> coverageFromTimes(std::span<const Timestamp> sortedTimes, Timestamp maxGap);

} // namespace tacit
