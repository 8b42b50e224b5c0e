#include "core/curation/AnalysisJson.h"

#include <cmath>

namespace tacit::curation {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

ordered_json number(double v) {
  return std::isfinite(v) ? ordered_json(v) : ordered_json();
}

double numberOr(const json &j, const char *key, double fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

std::int64_t intOr(const json &j, const char *key, std::int64_t fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

std::string textOr(const json &j, const char *key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

ordered_json issueJson(const IntegrityIssue &i) {
  ordered_json j;
  j["kind"] = issueKindName(i.kind);
  j["stream"] = i.stream;
  if (!i.hand.empty())
    j["hand"] = i.hand;
  j["start_ns"] = i.range.begin;
  j["end_ns"] = i.range.end;
  j["first"] = i.first;
  j["last"] = i.last;
  j["count"] = i.count;
  if (i.kind == IssueKind::ClockOffset) {
    j["offset_ms"] = i.value;
    j["reference"] = i.reference;
    j["confidence"] = i.confidence;
  } else if (i.kind == IssueKind::RateChange) {
    j["rate_hz"] = i.value;
  }
  j["message"] = i.message;
  return j;
}

ordered_json integrityJson(const IntegrityReport &r) {
  ordered_json j;
  ordered_json counts = ordered_json::object();
  for (IssueKind k : allIssueKinds())
    counts[issueKindName(k)] = r.count(k);
  j["counts"] = std::move(counts);
  ordered_json streams = ordered_json::array();
  for (const auto &s : r.streams) {
    ordered_json e = {{"id", s.id},           {"kind", streamKindName(s.kind)},           {"samples", s.samples},
                      {"rate_hz", s.rateHz},  {"median_interval_ns", s.medianIntervalNs}, {"start_ns", s.range.begin},
                      {"end_ns", s.range.end}};
    if (!s.error.empty())
      e["error"] = s.error;
    streams.push_back(std::move(e));
  }
  j["streams"] = std::move(streams);
  auto offset = [](const std::optional<OffsetEstimate> &e) {
    return e ? ordered_json{{"offset_ms", e->offsetMs}, {"correlation", e->correlation}, {"windows", e->windows}}
             : ordered_json();
  };
  j["offsets"] = {{"imu_vs_trajectory", offset(r.imuTrajectory)}, {"imu_vs_video", offset(r.imuVideo)}};
  ordered_json issues = ordered_json::array();
  for (const auto &i : r.issues)
    issues.push_back(issueJson(i));
  j["issues"] = std::move(issues);
  return j;
}

ordered_json metricsJson(const MetricSet &m) {
  ordered_json j;
  j["start_ns"] = m.span.begin;
  j["end_ns"] = m.span.end;
  ordered_json values = ordered_json::object();
  for (const MetricDef &d : metricCatalogue()) {
    const MetricValue *v = m.get(d.id);
    if (!v)
      continue;
    ordered_json e = {{"value", number(v->value)}, {"normalised", number(v->normalised)}};
    if (!v->worst.empty())
      e["worst"] = {v->worst.begin, v->worst.end};
    values[d.id] = std::move(e);
  }
  j["metrics"] = std::move(values);
  return j;
}

ordered_json suggestionsJson(const std::vector<BoundarySuggestion> &s) {
  ordered_json arr = ordered_json::array();
  for (const auto &b : s)
    arr.push_back({{"t_ns", b.t}, {"confidence", b.confidence}, {"signals", b.firedBy}});
  return arr;
}

ordered_json analysisJson(const RecordingAnalysis &a) {
  ordered_json j;
  j["version"] = kAnalysisVersion;
  j["recording"] = a.recordingUuid;
  j["start_ns"] = a.span.begin;
  j["end_ns"] = a.span.end;
  j["integrity"] = integrityJson(a.integrity);
  j["metrics"] = metricsJson(a.recording);
  ordered_json segs = ordered_json::array();
  for (const auto &s : a.segments) {
    ordered_json e = metricsJson(s.metrics);
    e["segment_id"] = s.segment.id;
    e["label"] = s.segment.label;
    segs.push_back(std::move(e));
  }
  j["segments"] = std::move(segs);
  j["suggestions"] = suggestionsJson(a.suggestions);
  j["sampled_frames"] = a.frames.size();
  if (!a.pixelNote.empty())
    j["pixel_note"] = a.pixelNote;
  return j;
}

MetricSet metricsFromJson(const json &j) {
  MetricSet m;
  if (!j.is_object())
    return m;
  m.span = {intOr(j, "start_ns", 0), intOr(j, "end_ns", 0)};
  const auto it = j.find("metrics");
  if (it == j.end() || !it->is_object())
    return m;
  const double nan = std::nan("");
  for (const auto &[id, e] : it->items()) {
    if (!e.is_object())
      continue;
    MetricValue v{numberOr(e, "value", nan), numberOr(e, "normalised", nan), {}};
    const auto w = e.find("worst");
    if (w != e.end() && w->is_array() && w->size() == 2 && (*w)[0].is_number_integer() && (*w)[1].is_number_integer())
      v.worst = {(*w)[0].get<Timestamp>(), (*w)[1].get<Timestamp>()};
    m.values[id] = v;
  }
  return m;
}

std::vector<IntegrityIssue> issuesFromJson(const json &j) {
  std::vector<IntegrityIssue> out;
  if (!j.is_array())
    return out;
  for (const auto &e : j) {
    if (!e.is_object())
      continue;
    const auto kind = issueKindFromName(textOr(e, "kind"));
    if (!kind)
      continue;
    IntegrityIssue i;
    i.kind = *kind;
    i.stream = textOr(e, "stream");
    i.hand = textOr(e, "hand");
    i.range = {intOr(e, "start_ns", 0), intOr(e, "end_ns", 0)};
    i.first = intOr(e, "first", -1);
    i.last = intOr(e, "last", -1);
    i.count = intOr(e, "count", 0);
    i.value = numberOr(e, "offset_ms", numberOr(e, "rate_hz", 0));
    i.reference = textOr(e, "reference");
    i.confidence = numberOr(e, "confidence", 1);
    i.message = textOr(e, "message");
    out.push_back(std::move(i));
  }
  return out;
}

std::vector<BoundarySuggestion> suggestionsFromJson(const json &j) {
  std::vector<BoundarySuggestion> out;
  if (!j.is_array())
    return out;
  for (const auto &e : j) {
    if (!e.is_object())
      continue;
    BoundarySuggestion b;
    b.t = intOr(e, "t_ns", 0);
    b.confidence = numberOr(e, "confidence", 0);
    if (const auto s = e.find("signals"); s != e.end() && s->is_array())
      for (const auto &x : *s)
        if (x.is_string())
          b.firedBy.push_back(x.get<std::string>());
    out.push_back(std::move(b));
  }
  return out;
}

} // namespace tacit::curation
