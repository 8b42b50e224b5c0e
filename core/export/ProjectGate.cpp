#include "core/export/ProjectGate.h"

#include <map>

namespace tacit::exporting {

Result<GateInput> gateInputFromProject(project::ProjectStore &store, const RecordingSpan &spanOf) {
  using R = Result<GateInput>;
  GateInput in;
  auto recs = store.recordings();
  if (!recs)
    return R::failure(recs.error());
  auto labels = store.labels();
  if (!labels)
    return R::failure(labels.error());
  auto tracks = store.tracks();
  if (!tracks)
    return R::failure(tracks.error());
  std::map<project::Id, std::string> trackNames, labelNames;
  for (const auto &t : *tracks) {
    trackNames[t.id] = t.name;
    in.tracks.push_back(t.name);
  }
  for (const auto &l : *labels)
    labelNames[l.id] = l.name;

  for (const auto &r : *recs) {
    GateRecording g;
    g.id = r.id;
    g.uuid = r.uuid;
    g.workerId = r.workerId;
    g.manifestHash = r.manifestHash;
    g.task = r.task;
    g.reviewStatus = project::reviewStatusName(r.status);
    if (spanOf) {
      auto span = spanOf(r);
      if (!span)
        return R::failure(span.error());
      g.span = *span;
    }
    in.recordings.push_back(g);

    auto reds = store.redactions(r.id);
    if (!reds)
      return R::failure(reds.error());
    for (const auto &x : *reds)
      in.redactions.push_back({x.id, x.recordingId, {x.startNs, x.endNs}, x.spatial(), x.streams});
  }
  auto segs = store.allSegments();
  if (!segs)
    return R::failure(segs.error());
  const auto labelPaths = project::labelPathMap(*labels);
  for (const auto &s : *segs) {
    GateSegment g;
    g.id = s.id;
    g.recordingId = s.recordingId;
    g.track = trackNames.count(s.trackId) ? trackNames[s.trackId] : std::string();
    if (s.labelId) {
      g.label = labelNames.count(s.labelId) ? labelNames[s.labelId] : std::string();
      if (auto path = labelPaths.find(s.labelId); path != labelPaths.end())
        g.labelPath = path->second;
    }
    g.note = s.note;
    g.range = s.range();
    g.modifiedAtMs = s.modifiedAtMs;
    in.segments.push_back(g);
  }
  auto flags = store.allFlags();
  if (!flags)
    return R::failure(flags.error());
  for (const auto &f : *flags)
    in.flags.push_back(
        {f.id, f.recordingId, project::flagReasonCode(f.reason), f.severity, f.wholeRecording, {f.startNs, f.endNs}});
  auto consent = store.consentEvents();
  if (!consent)
    return R::failure(consent.error());
  for (const auto &c : *consent)
    in.consent.push_back({c.id, project::consentKindName(c.kind), c.workerId, c.recordingId, c.scope});
  return R(std::move(in));
}

} // namespace tacit::exporting
