#pragma once
// The worst-first queue across every recording of a project (docs/curation.md "Queue"): built from
// the analyses stored in the project (no media is read, so it opens fast), scored, sorted by any
// metric or by the combined score, with the reasons and the worst span of each recording.
#include <map>
#include <string>
#include <vector>

#include "core/curation/DemoMetrics.h"
#include "core/curation/IntegrityIssue.h"
#include "core/project/ProjectStore.h"

namespace tacit::curation {

struct QueueReason {
  std::string metric; // catalogue id, or "integrity"
  double value = 0;   // the normalised value
  double badness = 0; // 0..2
  std::string text;   // "Jerk, 95th percentile 45.2 m/s^3 (bad from 40)"
};

struct QueueEntry {
  project::RecordingRecord recording;
  bool analysed = false; // a stored analysis exists
  bool stale = false;    // ... but the recording changed or curation did since
  MetricSet metrics;     // whole recording, with duration_outlier filled in
  std::vector<IntegrityIssue> issues;
  std::vector<Timestamp> suggestions; // boundary suggestion times (for the window)
  double combined = 0;                // sum of weight x badness
  std::vector<QueueReason> reasons;   // worst first; badness >= 0.25
  TimeRange worst;                    // where to look first
  std::string worstMetric;
  project::QueueItemState state;
  Timestamp durationNs() const { return recording.durationNs > 0 ? recording.durationNs : metrics.span.duration(); }
};

// Reads the stored analyses and states of every recording (one entry per recording).
Result<std::vector<QueueEntry>> loadQueue(project::ProjectStore &store);
// Scores one entry from its metrics (used by loadQueue; exposed for tests).
void scoreEntry(QueueEntry &entry);
// Worst first by `by` ("combined", "duration" or a metric id; unknown ids fall back to combined).
// Ties keep recording order. Returns false when `by` is unknown.
bool sortQueue(std::vector<QueueEntry> &entries, const std::string &by);
// The sort keys `by` accepts.
std::vector<std::string> queueSortKeys();

// The typed flag reason a queue item suggests for its worst metric (e.g. tracking_loss -> tracking_lost).
project::FlagReason suggestedFlagReason(const QueueEntry &entry);

} // namespace tacit::curation
