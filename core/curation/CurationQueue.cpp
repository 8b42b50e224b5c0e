#include "core/curation/CurationQueue.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/curation/AnalysisJson.h"
#include "core/curation/RecordingAnalysis.h"

namespace tacit::curation {

namespace {

std::string formatReason(const MetricDef &d, double v) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "%s %.3g %s (%s from %.3g)", d.label, v, d.normalisedUnit,
                d.higherIsWorse ? "bad" : "bad below", d.bad);
  return buf;
}

} // namespace

void scoreEntry(QueueEntry &e) {
  e.combined = 0;
  e.reasons.clear();
  for (const MetricDef &d : metricCatalogue()) {
    if (d.weight <= 0)
      continue;
    const double v = e.metrics.normalised(d.id);
    const double b = badness(d, v);
    e.combined += d.weight * b;
    if (b >= 0.25)
      e.reasons.push_back({d.id, v, b, formatReason(d, v)});
  }
  std::stable_sort(e.reasons.begin(), e.reasons.end(),
                   [](const QueueReason &a, const QueueReason &b) { return a.badness > b.badness; });
  e.worst = {};
  e.worstMetric.clear();
  for (const QueueReason &r : e.reasons)
    if (const MetricValue *v = e.metrics.get(r.metric); v && !v->worst.empty()) {
      e.worst = v->worst;
      e.worstMetric = r.metric;
      break;
    }
  if (e.worst.empty() && !e.issues.empty()) {
    e.worst = e.issues.front().range;
    e.worstMetric = "integrity";
  }
  if (e.worst.empty() && !e.metrics.span.empty())
    e.worst = {e.metrics.span.begin, std::min(e.metrics.span.end, e.metrics.span.begin + 2 * kNsPerSecond)};
}

Result<std::vector<QueueEntry>> loadQueue(project::ProjectStore &store) {
  using R = Result<std::vector<QueueEntry>>;
  auto recordings = store.recordings();
  if (!recordings)
    return R::failure(recordings.error());
  auto analyses = store.curationAnalyses();
  if (!analyses)
    return R::failure(analyses.error());
  auto states = store.queueStates();
  if (!states)
    return R::failure(states.error());
  std::map<project::Id, const project::CurationAnalysisRecord *> byRecording;
  for (const auto &a : *analyses)
    byRecording[a.recordingId] = &a;
  std::map<project::Id, project::QueueItemState> stateOf;
  for (const auto &s : *states)
    stateOf[s.recordingId] = s;

  R out{std::vector<QueueEntry>{}};
  for (const auto &rec : *recordings) {
    QueueEntry e;
    e.recording = rec;
    e.state.recordingId = rec.id;
    if (auto s = stateOf.find(rec.id); s != stateOf.end())
      e.state = s->second;
    if (auto a = byRecording.find(rec.id); a != byRecording.end()) {
      const auto j = nlohmann::json::parse(a->second->analysisJson, nullptr, false);
      if (j.is_object()) {
        e.analysed = true;
        e.stale = a->second->manifestHash != rec.manifestHash || a->second->version != kAnalysisVersion;
        e.metrics = metricsFromJson(j.value("metrics", nlohmann::json()));
        if (const auto it = j.find("integrity"); it != j.end() && it->is_object())
          e.issues = issuesFromJson(it->value("issues", nlohmann::json()));
        for (const auto &s : suggestionsFromJson(j.value("suggestions", nlohmann::json())))
          e.suggestions.push_back(s.t);
      } else {
        out.addWarning(store.path().string() + ": recording " + std::to_string(rec.id) +
                       ": stored curation analysis is not valid JSON; analyse again");
      }
    }
    out->push_back(std::move(e));
  }
  // Duration outliers among recordings of the same task (Tukey fences).
  std::map<std::string, std::vector<double>> durations;
  for (const QueueEntry &e : *out)
    if (e.analysed)
      durations[e.recording.task].push_back(toSeconds(e.durationNs()));
  for (QueueEntry &e : *out) {
    if (!e.analysed)
      continue;
    const double d = toSeconds(e.durationNs());
    const double outlier = tukeyOutlier(d, durations[e.recording.task]);
    e.metrics.values["duration_outlier"] = {outlier, outlier, e.metrics.span};
    scoreEntry(e);
  }
  return out;
}

std::vector<std::string> queueSortKeys() {
  std::vector<std::string> keys{"combined", "duration"};
  for (const MetricDef &d : metricCatalogue())
    if (std::string(d.id) != "duration_s")
      keys.push_back(d.id);
  return keys;
}

bool sortQueue(std::vector<QueueEntry> &entries, const std::string &by) {
  const MetricDef *def = findMetric(by);
  const bool known = by == "combined" || by == "duration" || def;
  // Key: larger = worse. Unanalysed recordings (NaN) go last.
  auto key = [&](const QueueEntry &e) {
    if (!e.analysed)
      return -1e300;
    if (by == "duration")
      return toSeconds(e.durationNs());
    if (def && by != "combined") {
      const double v = e.metrics.normalised(by);
      if (!std::isfinite(v))
        return -1e299;
      return def->higherIsWorse ? v : -v;
    }
    return e.combined;
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const QueueEntry &a, const QueueEntry &b) { return key(a) > key(b); });
  return known;
}

project::FlagReason suggestedFlagReason(const QueueEntry &e) {
  const std::string &m = e.worstMetric.empty() && !e.reasons.empty() ? e.reasons.front().metric : e.worstMetric;
  using project::FlagReason;
  if (m == "tracking_loss" || m == "longest_dropout_s")
    return FlagReason::TrackingLost;
  if (m == "blur_risk" || m == "blurred_frames")
    return FlagReason::MotionBlur;
  if (m == "exposure_bad")
    return FlagReason::CameraObstructed;
  if (m == "integrity")
    return FlagReason::SyncProblem;
  return FlagReason::Other;
}

} // namespace tacit::curation
