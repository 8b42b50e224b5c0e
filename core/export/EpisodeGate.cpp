#include "core/export/EpisodeGate.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/time/RecordingTime.h"

namespace tacit::exporting {
namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// A span in recording time ("[0:01.500, 0:02.000)"), or in device ns when the origin is unknown.
std::string spanText(const TimeRange &r, Timestamp origin) {
  if (origin == kInvalidTime)
    return "[" + std::to_string(r.begin) + ", " + std::to_string(r.end) + ") ns";
  return "[" + formatRecordingTime(r.begin - origin) + ", " + formatRecordingTime(r.end - origin) + ")";
}

std::string durationText(Timestamp ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", toSeconds(ns));
  return buf;
}

std::string streamsText(const std::vector<std::string> &streams) {
  std::string out;
  for (const auto &s : streams)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool matchesLabels(const GateSegment &s, const std::vector<std::string> &labels) {
  for (const auto &l : labels)
    if (l == s.track || (!s.label.empty() && l == s.label) || (!s.labelPath.empty() && l == s.labelPath))
      return true;
  return false;
}

// The worker's latest consent event that applies to this recording.
const GateConsent *latestConsent(const GateInput &in, const GateRecording &rec) {
  const GateConsent *best = nullptr;
  for (const auto &c : in.consent)
    if (c.workerId == rec.workerId && (c.recordingId == 0 || c.recordingId == rec.id) && (!best || c.id > best->id))
      best = &c;
  return best;
}

// Reasons the whole recording cannot export (review + consent), and the consent event that allows it.
std::vector<std::string> recordingReasons(const GateInput &in, const GateRecording &rec, const GateOptions &opt,
                                          GateId &consentId) {
  std::vector<std::string> reasons;
  if (rec.reviewStatus != "approved")
    reasons.push_back("recording not approved (review status: " +
                      (rec.reviewStatus.empty() ? std::string("unreviewed") : rec.reviewStatus) + ")");
  const GateConsent *c = latestConsent(in, rec);
  if (!c) {
    reasons.push_back("no consent recorded for worker '" + rec.workerId + "'");
  } else if (c->kind == "withdrawn") {
    reasons.push_back("consent withdrawn by worker '" + rec.workerId + "' (consent event #" + std::to_string(c->id) +
                      ")");
  } else {
    const auto uses = parseConsentScope(c->scope);
    const bool everyUse = trim(c->scope).empty() && c->kind == "granted";
    const bool allowed = everyUse || std::any_of(uses.begin(), uses.end(), [&](const std::string &u) {
                           return u == opt.purpose || u == "*" || u == "all";
                         });
    if (!allowed)
      reasons.push_back("consent scope does not allow '" + opt.purpose + "' (consent event #" + std::to_string(c->id) +
                        ", scope: " + (uses.empty() ? std::string("none") : c->scope) + ")");
    else
      consentId = c->id;
  }
  return reasons;
}

} // namespace

bool GateRedaction::cutsEpisode(const std::vector<std::string> &exported) const {
  return !spatial && (streams.empty() || std::any_of(streams.begin(), streams.end(), [&](const std::string &s) {
                        return std::find(exported.begin(), exported.end(), s) != exported.end();
                      }));
}

std::vector<std::string> parseConsentScope(const std::string &scope) {
  std::vector<std::string> out;
  const std::string s = trim(scope);
  if (s.empty())
    return out;
  if (s.front() == '[' || s.front() == '{') {
    const auto j = nlohmann::json::parse(s, nullptr, false);
    const nlohmann::json *list = &j;
    if (j.is_object() && j.contains("uses"))
      list = &j["uses"];
    if (list->is_array())
      for (const auto &v : *list)
        if (v.is_string())
          out.push_back(trim(v.get<std::string>()));
    return out;
  }
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    const std::string item = trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!item.empty())
      out.push_back(item);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return out;
}

std::vector<GateEpisode> GateResult::episodes() const {
  std::vector<GateEpisode> out;
  for (const auto &c : candidates)
    if (c.included())
      out.insert(out.end(), c.episodes.begin(), c.episodes.end());
  return out;
}

GateResult evaluateGate(const GateInput &in, const GateOptions &opt) {
  GateResult result;
  for (const auto &rec : in.recordings) {
    // Candidates of this recording.
    std::vector<GateCandidate> cands;
    std::vector<const GateSegment *> segs;
    if (opt.wholeRecordings) {
      GateCandidate c;
      c.recordingId = rec.id;
      c.recordingUuid = rec.uuid;
      c.label = "recording";
      c.range = rec.span;
      cands.push_back(c);
      segs.push_back(nullptr);
    } else {
      std::vector<const GateSegment *> matching;
      for (const auto &s : in.segments)
        if (s.recordingId == rec.id && matchesLabels(s, opt.labels))
          matching.push_back(&s);
      std::sort(matching.begin(), matching.end(), [](auto *a, auto *b) {
        return a->range.begin != b->range.begin ? a->range.begin < b->range.begin : a->id < b->id;
      });
      for (const auto *s : matching) {
        GateCandidate c;
        c.recordingId = rec.id;
        c.segmentId = s->id;
        c.recordingUuid = rec.uuid;
        c.label = s->labelPath.empty() ? (s->label.empty() ? s->track : s->label) : s->labelPath;
        c.range = s->range;
        cands.push_back(c);
        segs.push_back(s);
      }
    }

    GateId consentId = 0;
    const std::vector<std::string> recReasons = recordingReasons(in, rec, opt, consentId);
    const Timestamp origin = rec.origin;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      GateCandidate &c = cands[k];
      c.origin = origin;
      const GateSegment *seg = segs[k];
      c.reasons = recReasons;
      if (c.range.empty())
        c.reasons.push_back("empty time range " + spanText(c.range, origin));

      // Redactions: span redactions cut (split or drop), spatial ones are burned into the pixels.
      std::vector<TimeRange> pieces = {c.range};
      std::vector<GateId> cutIds, spatialIds;
      for (const auto &r : in.redactions) {
        if (r.recordingId != rec.id || !r.range.overlaps(c.range))
          continue;
        if (r.spatial) {
          spatialIds.push_back(r.id);
          continue;
        }
        if (!r.cutsEpisode(opt.exportedStreams)) {
          c.notes.push_back("redaction #" + std::to_string(r.id) + " " + spanText(r.range, origin) + " hides only " +
                            streamsText(r.streams) + ", which this format does not export: nothing to remove");
          continue;
        }
        cutIds.push_back(r.id);
        if (opt.redactionPolicy == RedactionPolicy::Drop) {
          c.reasons.push_back("redaction #" + std::to_string(r.id) + " " + spanText(r.range, origin) + " overlaps");
          continue;
        }
        std::vector<TimeRange> next;
        for (const auto &p : pieces) {
          if (!p.overlaps(r.range)) {
            next.push_back(p);
            continue;
          }
          if (p.begin < r.range.begin)
            next.push_back({p.begin, r.range.begin});
          if (r.range.end < p.end)
            next.push_back({r.range.end, p.end});
        }
        pieces = next;
      }
      if (opt.redactionPolicy == RedactionPolicy::Split && !cutIds.empty()) {
        std::vector<TimeRange> kept;
        for (const auto &p : pieces) {
          if (p.duration() >= opt.minDurationNs)
            kept.push_back(p);
          else
            c.notes.push_back("piece " + spanText(p, origin) + " left by a redaction is shorter than the minimum " +
                              durationText(opt.minDurationNs) + ": dropped");
        }
        std::string ids;
        for (GateId id : cutIds)
          ids += (ids.empty() ? "#" : ", #") + std::to_string(id);
        if (kept.empty())
          c.reasons.push_back("redaction " + ids + " leaves no part of at least " + durationText(opt.minDurationNs));
        else
          c.notes.push_back("split by redaction " + ids + " into " + std::to_string(kept.size()) + " episode" +
                            (kept.size() == 1 ? "" : "s"));
        pieces = kept;
      }

      // Flags at or above the threshold exclude the pieces they overlap.
      std::vector<TimeRange> clean;
      for (const auto &p : pieces) {
        std::vector<std::string> hits;
        for (const auto &f : in.flags) {
          if (f.recordingId != rec.id || f.severity < opt.maxSeverity)
            continue;
          if (f.wholeRecording || f.range.overlaps(p))
            hits.push_back("flag #" + std::to_string(f.id) + " (" + f.reason + ", severity " +
                           std::to_string(f.severity) + ") " +
                           (f.wholeRecording ? std::string("covers the whole recording")
                                             : "overlaps " + spanText(f.range, origin)));
        }
        if (hits.empty())
          clean.push_back(p);
        else if (pieces.size() == 1)
          c.reasons.insert(c.reasons.end(), hits.begin(), hits.end());
        else
          for (const auto &h : hits)
            c.notes.push_back("piece " + spanText(p, origin) + " dropped: " + h);
      }
      if (clean.empty() && c.reasons.empty())
        c.reasons.push_back("every piece left by redactions is flagged at severity >= " +
                            std::to_string(opt.maxSeverity));

      if (c.reasons.empty()) {
        std::vector<GateId> ids = cutIds;
        ids.insert(ids.end(), spatialIds.begin(), spatialIds.end());
        for (const auto &p : clean) {
          GateEpisode e;
          e.recordingId = rec.id;
          e.segmentId = c.segmentId;
          e.range = p;
          e.consentEventId = consentId;
          e.redactionIds = ids;
          if (seg) {
            e.task = !seg->label.empty() ? seg->label : (!seg->note.empty() ? seg->note : rec.task);
            e.labelRevision = std::to_string(seg->id) + "@" + std::to_string(seg->modifiedAtMs);
          } else {
            e.task = rec.task;
            e.labelRevision = "recording";
          }
          c.episodes.push_back(e);
        }
      }
      result.candidates.push_back(std::move(c));
    }
  }
  return result;
}

} // namespace tacit::exporting
