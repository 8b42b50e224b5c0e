#pragma once
// Timing problems of one stream from its sample times alone: dropped/duplicated video frames,
// sensor gaps and duplicate timestamps, stretches at another rate, and backward steps in the file.
#include <span>
#include <string>
#include <vector>

#include "core/curation/IntegrityIssue.h"
#include "core/series/CsvTable.h"

namespace tacit::curation {

struct TimingOptions {
  double gapFactor = 1.5;        // an interval above this many median intervals is a gap (>= 1 sample missing)
  double duplicateFactor = 0.25; // an interval below this many median intervals is a duplicate
  double rateTolerance = 0.10;   // a window whose median interval is off by more than this is another rate
  double rateWindowSec = 1.0;    // window length for the rate check
};

// `times` sorted, global. `video` selects the frame wording (DroppedFrames/DuplicateFrames).
std::vector<IntegrityIssue> timingIssues(const std::vector<Timestamp> &times, const std::string &stream, bool video,
                                         const TimingOptions &options = {});

// NonMonotonic issues from the loader's record of backward steps (times shifted by offsetNs).
std::vector<IntegrityIssue> backwardIssues(const series::CsvLoadStats &stats, const std::string &stream,
                                           Timestamp offsetNs);

// Median of the positive intervals (0 with fewer than two samples).
Timestamp medianInterval(std::span<const Timestamp> times);

} // namespace tacit::curation
