#include "core/curation/HiddenSpans.h"

#include <algorithm>

namespace tacit::curation {

bool HiddenSpans::hidden(Timestamp t) const {
  return everything || std::any_of(spans.begin(), spans.end(), [&](const TimeRange &r) { return r.contains(t); });
}

bool HiddenSpans::hidden(TimeRange x) const {
  return everything || std::any_of(spans.begin(), spans.end(), [&](const TimeRange &r) { return r.overlaps(x); });
}

Result<HiddenSpans> hiddenForPixels(project::ProjectStore &store, const project::RecordingRecord &rec) {
  HiddenSpans out;
  auto events = store.consentEvents();
  if (!events)
    return Result<HiddenSpans>::failure(events.error());
  // The latest ledger event of this worker that applies to this recording decides.
  const project::ConsentEvent *latest = nullptr;
  for (const auto &e : *events)
    if (e.workerId == rec.workerId && (e.recordingId == 0 || e.recordingId == rec.id))
      latest = &e;
  if (!latest) {
    out.everything = true;
    out.reason = "no consent recorded for worker " + rec.workerId;
  } else if (latest->kind == project::ConsentKind::Withdrawn) {
    out.everything = true;
    out.reason = "consent withdrawn by worker " + rec.workerId;
  }
  auto redactions = store.redactions(rec.id);
  if (!redactions)
    return Result<HiddenSpans>::failure(redactions.error());
  for (const auto &r : *redactions)
    if (r.spatial() || r.coversStream("video"))
      out.spans.push_back({r.startNs, r.endNs});
  return out;
}

} // namespace tacit::curation
