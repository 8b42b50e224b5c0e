#pragma once
// Spans where tracking is missing: a hand's confidence below a threshold (Aria MPS writes -1 when a
// hand is not found), and gaze rows without a finite direction.
#include "core/curation/IntegrityIssue.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"

namespace tacit::curation {

constexpr double kDefaultMinHandConfidence = 0.3;

// Per hand: runs of rows with confidence < minConfidence (or NaN). Times are shifted by offsetNs;
// each span ends where the next tracked row begins (or one median interval after the last row).
std::vector<IntegrityIssue> handDropouts(const series::HandSeries &hands, const std::string &stream, Timestamp offsetNs,
                                         double minConfidence = kDefaultMinHandConfidence);

std::vector<IntegrityIssue> gazeInvalidSpans(const series::GazeSeries &gaze, const std::string &stream,
                                             Timestamp offsetNs);

} // namespace tacit::curation
