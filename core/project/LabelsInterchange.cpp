#include "core/project/LabelsInterchange.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/project/CsvText.h"
#include "core/project/TaxonomyJson.h"
#include "core/recording/JsonValidator.h"
#include "core/util/Utf8.h"

namespace tacit::project {

using nlohmann::ordered_json;
// Text stored before imports checked UTF-8 could be invalid: write U+FFFD instead of failing.
constexpr auto kInvalidUtf8 = nlohmann::json::error_handler_t::replace;

const std::vector<std::string> &labelsCsvColumns() {
  static const std::vector<std::string> cols{"kind",          "recording",     "track",  "label",       "start_ns",
                                             "end_ns",        "start_s",       "end_s",  "start_frame", "end_frame",
                                             "flag_reason",   "severity",      "status", "note",        "author",
                                             "created_at_ms", "modified_at_ms"};
  return cols;
}

namespace {

struct ProjectSnapshot {
  std::vector<RecordingRecord> recordings;
  std::vector<Track> tracks;
  std::vector<Label> labels;
  std::map<Id, std::vector<Segment>> segments;
  std::map<Id, std::vector<QualityFlag>> flags;
  std::map<Id, std::vector<ReviewEvent>> reviews;
};

Result<ProjectSnapshot> snapshot(ProjectStore &store) {
  ProjectSnapshot s;
  auto recs = store.recordings();
  auto tracks = store.tracks();
  auto labels = store.labels();
  auto segs = store.allSegments();
  auto flags = store.allFlags();
  auto reviews = store.allReviews();
  for (const std::string *err :
       {&recs.error(), &tracks.error(), &labels.error(), &segs.error(), &flags.error(), &reviews.error()})
    if (!err->empty())
      return Result<ProjectSnapshot>::failure(*err);
  s.recordings = recs.takeValue();
  s.tracks = tracks.takeValue();
  s.labels = labels.takeValue();
  std::unordered_map<Id, int> trackOrder;
  for (const auto &t : s.tracks)
    trackOrder[t.id] = t.order;
  for (auto &seg : *segs)
    s.segments[seg.recordingId].push_back(std::move(seg));
  for (auto &[rec, list] : s.segments)
    std::stable_sort(list.begin(), list.end(), [&](const Segment &a, const Segment &b) {
      const auto ka = std::make_tuple(trackOrder[a.trackId], a.trackId, a.startNs, a.id);
      const auto kb = std::make_tuple(trackOrder[b.trackId], b.trackId, b.startNs, b.id);
      return ka < kb;
    });
  for (auto &f : *flags)
    s.flags[f.recordingId].push_back(std::move(f));
  for (auto &e : *reviews)
    s.reviews[e.recordingId].push_back(std::move(e));
  return s;
}

std::string trackName(const ProjectSnapshot &s, Id id) {
  for (const auto &t : s.tracks)
    if (t.id == id)
      return t.name;
  return {};
}

std::unordered_map<Id, std::string> trackNames(const std::vector<Track> &tracks) {
  std::unordered_map<Id, std::string> out;
  for (const auto &t : tracks)
    out[t.id] = t.name;
  return out;
}

// Re-indents a multi-line JSON dump so it nests under `indent` spaces (first line unindented).
std::string indentBlock(const std::string &text, int indent) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n')
      out.append(static_cast<std::size_t>(indent), ' ');
  }
  return out;
}

std::string num(std::int64_t v) {
  return std::to_string(v);
}
std::string secs(Timestamp t) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.9f", toSeconds(t));
  return buf;
}

std::optional<std::int64_t> parseInt(const std::string &s) {
  std::int64_t v = 0;
  const char *b = s.data(), *e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e || s.empty())
    return std::nullopt;
  return v;
}

std::optional<double> parseDouble(const std::string &s) {
  double v = 0;
  const char *b = s.data(), *e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e || s.empty() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// The rules a flag row follows in both formats (reason code, severity 1-4, a span with both ends or
// none). err(field, message) receives each problem; field is "reason", "severity" or "" (the span).
template <typename Err>
QualityFlag flagFromRow(Id recordingId, const std::string &reasonCode, std::int64_t severity,
                        const std::string &severityText, std::optional<Timestamp> start, std::optional<Timestamp> end,
                        const char *startName, const char *endName, Err err) {
  QualityFlag f;
  f.recordingId = recordingId;
  if (auto reason = flagReasonFromCode(reasonCode))
    f.reason = *reason;
  else
    err("reason", "unknown flag reason \"" + reasonCode + "\"");
  if (severity < kMinSeverity || severity > kMaxSeverity)
    err("severity", "severity \"" + severityText + "\" must be 1-4");
  f.severity = static_cast<int>(std::clamp<std::int64_t>(severity, kMinSeverity, kMaxSeverity));
  if (start.has_value() != end.has_value())
    err("", std::string(startName) + " and " + endName + " must both be set, or both be empty (whole recording)");
  else if (start && *end <= *start)
    err("", "end must be after start");
  f.wholeRecording = !start || !end;
  f.startNs = f.wholeRecording ? 0 : *start;
  f.endNs = f.wholeRecording ? 0 : *end;
  return f;
}

// Everything an import would write, plus where each item came from (for messages).
struct Pending {
  std::vector<Track> fileTracks;
  std::optional<std::vector<Label>> taxonomy;
  std::vector<Segment> segments;
  std::vector<std::string> segTracks, segLabels, segWhere;
  std::vector<QualityFlag> flags;
  std::vector<std::string> flagWhere;
  std::set<std::size_t> brokenSegments; // rows already reported (no span to check)
  std::map<Id, std::vector<ReviewEvent>> reviews;
  std::map<Id, FrameGrid> grids; // frame times per recording, read once
  std::set<Id> recordings;
  std::vector<std::string> errors;
};

} // namespace

// --- export ---------------------------------------------------------------------------------------------

Result<std::string> exportLabelsJson(ProjectStore &store) {
  auto snap = snapshot(store);
  if (!snap)
    return Result<std::string>::failure(snap.error());
  const auto &s = *snap;
  const auto paths = labelPathMap(s.labels);
  const auto names = trackNames(s.tracks);
  // Indented outline, one compact line per segment / flag / event: readable, diffable, and ~half
  // the size of a fully indented dump at 100k segments.
  std::string out;
  std::size_t rows = 0;
  for (const auto &[rec, list] : s.segments)
    rows += list.size();
  out.reserve(256 + s.recordings.size() * 512 + rows * 200);
  out += "{\n  \"format\": \"tacit-labels\",\n  \"version\": 1,\n  \"tracks\": [";
  for (std::size_t i = 0; i < s.tracks.size(); ++i)
    out += std::string(i ? "," : "") + "\n    " +
           ordered_json{{"name", s.tracks[i].name}, {"allow_overlap", s.tracks[i].allowOverlap}}.dump(-1, ' ', false,
                                                                                                      kInvalidUtf8);
  out += s.tracks.empty() ? "],\n" : "\n  ],\n";
  out += "  \"taxonomy\": ";
  const auto taxonomy = taxonomyToJson(s.labels)["labels"];
  out += taxonomy.empty() ? std::string("[]") : indentBlock(taxonomy.dump(2, ' ', false, kInvalidUtf8), 2);
  out += ",\n  \"recordings\": [";
  for (std::size_t ri = 0; ri < s.recordings.size(); ++ri) {
    const auto &r = s.recordings[ri];
    out += std::string(ri ? "," : "") +
           "\n    {\n      \"id\": " + ordered_json(r.uuid).dump(-1, ' ', false, kInvalidUtf8) +
           ",\n      \"path\": " + ordered_json(r.relativePath).dump(-1, ' ', false, kInvalidUtf8) +
           ",\n      \"review\": {\"status\": \"" + reviewStatusName(r.status) + "\", \"history\": [";
    if (auto it = s.reviews.find(r.id); it != s.reviews.end())
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        const auto &e = it->second[i];
        out +=
            std::string(i ? "," : "") + "\n        " +
            ordered_json{
                {"status", reviewStatusName(e.status)}, {"reason", e.reason}, {"author", e.author}, {"at_ms", e.atMs}}
                .dump(-1, ' ', false, kInvalidUtf8);
      }
    out += s.reviews.count(r.id) ? "\n      ]},\n" : "]},\n";
    out += "      \"segments\": [";
    auto segs = s.segments.find(r.id);
    if (segs != s.segments.end())
      for (std::size_t i = 0; i < segs->second.size(); ++i) {
        const auto &seg = segs->second[i];
        auto label = paths.find(seg.labelId);
        out += std::string(i ? "," : "") + "\n        " +
               ordered_json{{"track", names.at(seg.trackId)},
                            {"label", label == paths.end() ? std::string() : label->second},
                            {"start_ns", seg.startNs},
                            {"end_ns", seg.endNs},
                            {"note", seg.note},
                            {"author", seg.author},
                            {"created_at_ms", seg.createdAtMs},
                            {"modified_at_ms", seg.modifiedAtMs}}
                   .dump(-1, ' ', false, kInvalidUtf8);
      }
    out += segs != s.segments.end() ? "\n      ],\n" : "],\n";
    out += "      \"flags\": [";
    auto flags = s.flags.find(r.id);
    if (flags != s.flags.end())
      for (std::size_t i = 0; i < flags->second.size(); ++i) {
        const auto &f = flags->second[i];
        ordered_json jf{{"reason", flagReasonCode(f.reason)}, {"severity", f.severity}};
        jf["start_ns"] = f.wholeRecording ? ordered_json() : ordered_json(f.startNs);
        jf["end_ns"] = f.wholeRecording ? ordered_json() : ordered_json(f.endNs);
        jf["note"] = f.note;
        jf["author"] = f.author;
        jf["created_at_ms"] = f.createdAtMs;
        jf["modified_at_ms"] = f.modifiedAtMs;
        out += std::string(i ? "," : "") + "\n        " + jf.dump(-1, ' ', false, kInvalidUtf8);
      }
    out += flags != s.flags.end() ? "\n      ]\n    }" : "]\n    }";
  }
  out += s.recordings.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

Result<std::string> exportLabelsCsv(ProjectStore &store, const FrameGridProvider &grids) {
  auto snap = snapshot(store);
  if (!snap)
    return Result<std::string>::failure(snap.error());
  const auto &s = *snap;
  const auto paths = labelPathMap(s.labels);
  const auto names = trackNames(s.tracks);
  std::string out;
  out.reserve(1 << 20);
  for (std::size_t i = 0; i < labelsCsvColumns().size(); ++i)
    out += (i ? "," : "") + labelsCsvColumns()[i];
  out += '\n';
  auto row = [&out](std::initializer_list<std::string> fields) {
    bool first = true;
    for (const auto &f : fields) {
      if (!first)
        out += ',';
      out += csvField(f);
      first = false;
    }
    out += '\n';
  };
  for (const auto &r : s.recordings) {
    const FrameGrid grid = grids ? grids(r) : FrameGrid();
    auto frame = [&grid](Timestamp t) {
      auto f = grid.frameAt(t);
      return f ? num(*f) : std::string();
    };
    if (auto it = s.segments.find(r.id); it != s.segments.end())
      for (const auto &seg : it->second)
        row({"segment", r.uuid, names.at(seg.trackId), paths.count(seg.labelId) ? paths.at(seg.labelId) : "",
             num(seg.startNs), num(seg.endNs), secs(seg.startNs), secs(seg.endNs), frame(seg.startNs), frame(seg.endNs),
             "", "", "", seg.note, seg.author, num(seg.createdAtMs), num(seg.modifiedAtMs)});
    if (auto it = s.flags.find(r.id); it != s.flags.end())
      for (const auto &f : it->second) {
        const bool w = f.wholeRecording;
        row({"flag", r.uuid, "", "", w ? "" : num(f.startNs), w ? "" : num(f.endNs), w ? "" : secs(f.startNs),
             w ? "" : secs(f.endNs), w ? "" : frame(f.startNs), w ? "" : frame(f.endNs), flagReasonCode(f.reason),
             num(f.severity), "", f.note, f.author, num(f.createdAtMs), num(f.modifiedAtMs)});
      }
    if (auto it = s.reviews.find(r.id); it != s.reviews.end())
      for (const auto &e : it->second)
        row({"review", r.uuid, "", "", "", "", "", "", "", "", "", "", reviewStatusName(e.status), e.reason, e.author,
             num(e.atMs), ""});
  }
  return out;
}

// --- import: parsing ------------------------------------------------------------------------------------

namespace {

const RecordingRecord *findRecording(const std::vector<RecordingRecord> &recs, const std::string &key) {
  for (const auto &r : recs)
    if (r.uuid == key)
      return &r;
  for (const auto &r : recs)
    if (r.relativePath == key)
      return &r;
  return nullptr;
}

void parseJson(const nlohmann::json &root, const std::string &src, const ProjectSnapshot &snap, Pending &p) {
  auto err = [&](const std::string &where, const std::string &what) {
    p.errors.push_back(src + ": " + where + ": " + what);
  };
  const auto format = root.is_object() ? root.find("format") : root.end();
  if (!root.is_object() || format == root.end() || !format->is_string() || *format != "tacit-labels") {
    err("/format", "not a tacit-labels file");
    return;
  }
  const auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer() || *version != 1)
    err("/version", "unsupported version (expected the integer 1)");
  if (auto t = root.find("tracks"); t != root.end()) {
    if (!t->is_array())
      err("/tracks", "expected an array");
    else
      for (std::size_t i = 0; i < t->size(); ++i) {
        const auto &jt = (*t)[i];
        const std::string w = "/tracks/" + std::to_string(i);
        if (!jt.is_object() || !jt.contains("name") || !jt["name"].is_string() ||
            jt["name"].get<std::string>().empty()) {
          err(w, "track needs a non-empty \"name\"");
          continue;
        }
        bool overlap = false;
        if (auto o = jt.find("allow_overlap"); o != jt.end() && !o->is_null()) {
          if (o->is_boolean())
            overlap = o->get<bool>();
          else
            err(w + "/allow_overlap", "expected true or false");
        }
        p.fileTracks.push_back({0, jt["name"].get<std::string>(), overlap, 0});
      }
  }
  if (auto t = root.find("taxonomy"); t != root.end()) {
    auto labels = taxonomyFromJson(*t, src);
    if (!labels)
      p.errors.push_back(labels.error());
    else
      p.taxonomy = labels.takeValue();
  }
  auto recs = root.find("recordings");
  if (recs == root.end() || !recs->is_array()) {
    err("/recordings", "expected an array");
    return;
  }
  auto getInt = [&](const nlohmann::json &j, const char *key, const std::string &where, bool nullable,
                    std::optional<std::int64_t> &out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (!nullable)
        err(where + "/" + key, "missing");
      return;
    }
    if (!it->is_number_integer() ||
        (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)))
      err(where + "/" + key, "expected an integer (int64)");
    else
      out = it->get<std::int64_t>();
  };
  auto getStr = [&](const nlohmann::json &j, const char *key, const std::string &where) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
      return std::string();
    if (!it->is_string()) {
      err(where + "/" + key, "expected a string");
      return std::string();
    }
    return it->get<std::string>();
  };
  for (std::size_t ri = 0; ri < recs->size(); ++ri) {
    const auto &jr = (*recs)[ri];
    const std::string rw = "/recordings/" + std::to_string(ri);
    if (!jr.is_object()) {
      err(rw, "expected an object");
      continue;
    }
    std::string key = getStr(jr, "id", rw);
    const RecordingRecord *rec = findRecording(snap.recordings, key);
    if (!rec)
      rec = findRecording(snap.recordings, getStr(jr, "path", rw));
    if (!rec) {
      err(rw + "/id", "recording \"" + key + "\" is not in the project (add it first)");
      continue;
    }
    p.recordings.insert(rec->id);
    if (auto segs = jr.find("segments"); segs != jr.end() && segs->is_array())
      for (std::size_t i = 0; i < segs->size(); ++i) {
        const auto &js = (*segs)[i];
        const std::string w = rw + "/segments/" + std::to_string(i);
        if (!js.is_object()) {
          err(w, "expected an object");
          continue;
        }
        std::optional<std::int64_t> start, end, created, modified;
        getInt(js, "start_ns", w, false, start);
        getInt(js, "end_ns", w, false, end);
        getInt(js, "created_at_ms", w, true, created);
        getInt(js, "modified_at_ms", w, true, modified);
        Segment s;
        s.recordingId = rec->id;
        s.startNs = start.value_or(0);
        s.endNs = end.value_or(0);
        s.note = getStr(js, "note", w);
        s.author = getStr(js, "author", w);
        s.createdAtMs = created.value_or(0);
        s.modifiedAtMs = modified.value_or(s.createdAtMs);
        p.segments.push_back(s);
        p.segTracks.push_back(getStr(js, "track", w));
        p.segLabels.push_back(getStr(js, "label", w));
        p.segWhere.push_back(src + ": " + w);
      }
    if (auto flags = jr.find("flags"); flags != jr.end() && flags->is_array())
      for (std::size_t i = 0; i < flags->size(); ++i) {
        const auto &jf = (*flags)[i];
        const std::string w = rw + "/flags/" + std::to_string(i);
        if (!jf.is_object()) {
          err(w, "expected an object");
          continue;
        }
        std::optional<std::int64_t> sev, start, end, created, modified;
        getInt(jf, "severity", w, false, sev);
        getInt(jf, "start_ns", w, true, start);
        getInt(jf, "end_ns", w, true, end);
        getInt(jf, "created_at_ms", w, true, created);
        getInt(jf, "modified_at_ms", w, true, modified);
        // A missing severity was reported by getInt; 1 keeps the shared check quiet.
        const std::int64_t severity = sev.value_or(1);
        QualityFlag f = flagFromRow(
            rec->id, getStr(jf, "reason", w), severity, std::to_string(severity), start, end, "start_ns", "end_ns",
            [&](const std::string &field, const std::string &what) { err(field.empty() ? w : w + "/" + field, what); });
        f.note = getStr(jf, "note", w);
        f.author = getStr(jf, "author", w);
        f.createdAtMs = created.value_or(0);
        f.modifiedAtMs = modified.value_or(f.createdAtMs);
        p.flags.push_back(f);
        p.flagWhere.push_back(src + ": " + w);
      }
    if (auto rv = jr.find("review"); rv != jr.end() && rv->is_object())
      if (auto h = rv->find("history"); h != rv->end() && h->is_array()) {
        auto &history = p.reviews[rec->id];
        for (std::size_t i = 0; i < h->size(); ++i) {
          const auto &je = (*h)[i];
          const std::string w = rw + "/review/history/" + std::to_string(i);
          ReviewEvent e;
          e.recordingId = rec->id;
          const std::string st = getStr(je, "status", w);
          if (auto s = reviewStatusFromName(st))
            e.status = *s;
          else
            err(w + "/status", "unknown review status \"" + st + "\"");
          e.reason = getStr(je, "reason", w);
          e.author = getStr(je, "author", w);
          std::optional<std::int64_t> at;
          getInt(je, "at_ms", w, true, at);
          e.atMs = at.value_or(0);
          history.push_back(e);
        }
      }
  }
}

void parseCsvLabels(const std::string &text, const std::string &src, const ProjectSnapshot &snap,
                    const FrameGridProvider &grids, Pending &p) {
  std::string parseError;
  auto records = parseCsv(text, &parseError);
  if (!parseError.empty())
    p.errors.push_back(src + ": " + parseError);
  if (records.empty()) {
    p.errors.push_back(src + ": empty file");
    return;
  }
  std::unordered_map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < records[0].fields.size(); ++i)
    col[records[0].fields[i]] = i;
  for (const char *required : {"kind", "recording"})
    if (!col.count(required)) {
      p.errors.push_back(src + ": line 1: missing column \"" + std::string(required) + "\"");
      return;
    }
  std::map<Id, FrameGrid> &gridCache = p.grids;
  for (std::size_t ri = 1; ri < records.size(); ++ri) {
    const auto &rec = records[ri];
    const std::string w = src + ": line " + std::to_string(rec.line);
    auto get = [&](const char *name) {
      auto it = col.find(name);
      return it != col.end() && it->second < rec.fields.size() ? rec.fields[it->second] : std::string();
    };
    auto err = [&](const std::string &what) { p.errors.push_back(w + ": " + what); };
    if (rec.fields.size() != records[0].fields.size()) {
      err("expected " + std::to_string(records[0].fields.size()) + " columns, got " +
          std::to_string(rec.fields.size()));
      continue;
    }
    const std::string kind = get("kind");
    const RecordingRecord *r = findRecording(snap.recordings, get("recording"));
    if (!r) {
      err("recording \"" + get("recording") + "\" is not in the project (add it first)");
      continue;
    }
    p.recordings.insert(r->id);
    // Time from ns, else frame number (needs the video's frame grid), else seconds.
    auto time = [&](const char *ns, const char *frame, const char *s, bool optional) -> std::optional<Timestamp> {
      if (const auto v = get(ns); !v.empty()) {
        if (auto t = parseInt(v))
          return *t;
        err(std::string(ns) + " \"" + v + "\" is not an integer");
        return std::nullopt;
      }
      if (const auto v = get(frame); !v.empty()) {
        auto f = parseInt(v);
        if (!gridCache.count(r->id))
          gridCache[r->id] = grids ? grids(*r) : FrameGrid();
        const auto &g = gridCache[r->id];
        if (f && *f >= 0 && *f < static_cast<std::int64_t>(g.times().size()))
          return g.times()[static_cast<std::size_t>(*f)];
        err(std::string(frame) + " \"" + v + "\" is not a frame of the recording's video");
        return std::nullopt;
      }
      if (const auto v = get(s); !v.empty()) {
        if (auto d = parseDouble(v); d && std::abs(*d) < 9.2e9) // int64 ns reach 292 years
          return fromSeconds(*d);
        err(std::string(s) + " \"" + v + "\" is not a number");
        return std::nullopt;
      }
      if (!optional)
        err(std::string("missing ") + ns);
      return std::nullopt;
    };
    auto optInt = [&](const char *name) -> std::int64_t {
      const auto v = get(name);
      if (v.empty())
        return 0;
      if (auto i = parseInt(v))
        return *i;
      err(std::string(name) + " \"" + v + "\" is not an integer");
      return 0;
    };
    if (kind == "segment") {
      auto start = time("start_ns", "start_frame", "start_s", false);
      auto end = time("end_ns", "end_frame", "end_s", false);
      Segment s;
      s.recordingId = r->id;
      s.startNs = start.value_or(0);
      s.endNs = end.value_or(0);
      s.note = get("note");
      s.author = get("author");
      s.createdAtMs = optInt("created_at_ms");
      s.modifiedAtMs = optInt("modified_at_ms");
      if (!start || !end) {
        s.endNs = s.startNs + 1; // already reported; keep later checks quiet
        p.brokenSegments.insert(p.segments.size());
      }
      p.segments.push_back(s);
      p.segTracks.push_back(get("track"));
      p.segLabels.push_back(get("label"));
      p.segWhere.push_back(w);
    } else if (kind == "flag") {
      auto start = time("start_ns", "start_frame", "start_s", true);
      auto end = time("end_ns", "end_frame", "end_s", true);
      QualityFlag f =
          flagFromRow(r->id, get("flag_reason"), parseInt(get("severity")).value_or(0), get("severity"), start, end,
                      "start", "end", [&](const std::string &, const std::string &what) { err(what); });
      f.note = get("note");
      f.author = get("author");
      f.createdAtMs = optInt("created_at_ms");
      f.modifiedAtMs = optInt("modified_at_ms");
      p.flags.push_back(f);
      p.flagWhere.push_back(w);
    } else if (kind == "review") {
      ReviewEvent e;
      e.recordingId = r->id;
      if (auto s = reviewStatusFromName(get("status")))
        e.status = *s;
      else
        err("unknown review status \"" + get("status") + "\"");
      e.reason = get("note");
      e.author = get("author");
      e.atMs = optInt("created_at_ms");
      p.reviews[r->id].push_back(e);
    } else {
      err("unknown kind \"" + kind + "\" (segment, flag or review)");
    }
  }
}

} // namespace

// --- import: validation and apply -----------------------------------------------------------------------

Result<LabelsImportSummary> importLabels(ProjectStore &store, const std::string &text, const std::string &source,
                                         bool replace, LabelsFormat format, const FrameGridProvider &grids) {
  using R = Result<LabelsImportSummary>;
  if (store.isReadOnly())
    return R::failure(store.path().string() + ": project is read-only (" + store.readOnlyReason() + ")");
  auto snap = snapshot(store);
  if (!snap)
    return R::failure(snap.error());
  if (format == LabelsFormat::Auto) {
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    format = first != std::string::npos && text[first] == '{' ? LabelsFormat::Json : LabelsFormat::Csv;
  }
  Pending p;
  if (format == LabelsFormat::Json) {
    auto root = recording::parseJsonText(text, source);
    if (!root)
      return R::failure(root.error());
    parseJson(*root, source, *snap, p);
  } else {
    // SQLite TEXT must stay UTF-8: a Latin-1 file would poison every later export of the project.
    if (std::string bad = utf8Error(text, source); !bad.empty())
      return R::failure(bad + "\n1 error(s); nothing was imported");
    parseCsvLabels(text, source, *snap, grids, p);
  }

  // Spans must lie inside their recording (a mistyped end_ns would make an unbounded episode).
  auto gridOf = [&](Id rec) -> const FrameGrid & {
    auto it = p.grids.find(rec);
    if (it == p.grids.end()) {
      FrameGrid g;
      if (grids)
        for (const auto &r : snap->recordings)
          if (r.id == rec)
            g = grids(r);
      it = p.grids.emplace(rec, std::move(g)).first;
    }
    return it->second;
  };
  for (std::size_t i = 0; i < p.segments.size(); ++i) {
    const auto &s = p.segments[i];
    if (s.endNs > s.startNs && !p.brokenSegments.count(i))
      if (std::string problem = spanProblem(s.startNs, s.endNs, gridOf(s.recordingId)); !problem.empty())
        p.errors.push_back(p.segWhere[i] + ": " + problem);
  }
  for (std::size_t i = 0; i < p.flags.size(); ++i) {
    const auto &f = p.flags[i];
    if (!f.wholeRecording && f.endNs > f.startNs)
      if (std::string problem = spanProblem(f.startNs, f.endNs, gridOf(f.recordingId)); !problem.empty())
        p.errors.push_back(p.flagWhere[i] + ": " + problem);
  }

  // Tracks: the project's plus the file's; track names must resolve.
  std::map<std::string, bool> overlapAllowed;
  for (const auto &t : snap->tracks)
    overlapAllowed[t.name] = t.allowOverlap;
  std::vector<Track> newTracks;
  for (const auto &t : p.fileTracks)
    if (!overlapAllowed.count(t.name)) {
      overlapAllowed[t.name] = t.allowOverlap;
      newTracks.push_back(t);
    }
  // Labels: the taxonomy after the import.
  std::set<std::string> labelPaths;
  const bool replaceTaxonomy = replace && p.taxonomy;
  if (!replaceTaxonomy)
    for (auto &[id, path] : labelPathMap(snap->labels))
      labelPaths.insert(std::move(path));
  if (p.taxonomy)
    for (auto &[id, path] : labelPathMap(*p.taxonomy))
      labelPaths.insert(std::move(path));

  std::map<std::pair<Id, std::string>, std::vector<std::pair<TimeRange, std::string>>> byTrack;
  for (std::size_t i = 0; i < p.segments.size(); ++i) {
    const auto &s = p.segments[i];
    const auto &w = p.segWhere[i];
    if (!overlapAllowed.count(p.segTracks[i]))
      p.errors.push_back(w + ": unknown track \"" + p.segTracks[i] + "\"");
    if (!p.segLabels[i].empty() && !labelPaths.count(p.segLabels[i]))
      p.errors.push_back(w + ": unknown label \"" + p.segLabels[i] + "\"");
    if (s.endNs <= s.startNs)
      p.errors.push_back(w + ": end must be after start");
    else
      byTrack[{s.recordingId, p.segTracks[i]}].push_back({s.range(), w});
  }
  if (!replace)
    for (const auto &[rec, list] : snap->segments)
      for (const auto &s : list) {
        const auto name = trackName(*snap, s.trackId);
        auto it = byTrack.find({rec, name});
        if (it != byTrack.end())
          it->second.push_back({s.range(), "existing segment " + std::to_string(s.id)});
      }
  for (auto &[key, list] : byTrack) {
    if (overlapAllowed[key.second])
      continue;
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.first.begin < b.first.begin; });
    for (std::size_t i = 1; i < list.size(); ++i)
      if (list[i].first.begin < list[i - 1].first.end) {
        // Name the imported item first ("existing segment N" only ever as the other party).
        const bool existing = list[i].second.rfind("existing", 0) == 0;
        const auto &mine = existing ? list[i - 1] : list[i], &other = existing ? list[i] : list[i - 1];
        p.errors.push_back(mine.second + ": overlaps " + other.second + " on track \"" + key.second + "\"");
      }
  }
  if (!p.errors.empty()) {
    std::string msg;
    for (const auto &e : p.errors)
      msg += (msg.empty() ? "" : "\n") + e;
    return R::failure(msg + "\n" + std::to_string(p.errors.size()) + " error(s); nothing was imported");
  }

  ProjectStore::BulkImport imp;
  imp.replace = replace;
  imp.recordingIds.assign(p.recordings.begin(), p.recordings.end());
  imp.segments = std::move(p.segments);
  imp.segmentTrackNames = std::move(p.segTracks);
  imp.segmentLabelPaths = std::move(p.segLabels);
  imp.flags = std::move(p.flags);
  imp.newTracks = std::move(newTracks);
  imp.taxonomy = std::move(p.taxonomy);
  imp.mergeTaxonomy = !replaceTaxonomy;
  LabelsImportSummary summary;
  for (auto &[rec, events] : p.reviews) {
    std::vector<ReviewEvent> merged = events;
    if (!replace) { // union with the existing history, ordered by time
      auto it = snap->reviews.find(rec);
      if (it != snap->reviews.end()) {
        merged = it->second;
        for (const auto &e : events) {
          const bool dup = std::any_of(merged.begin(), merged.end(), [&](const ReviewEvent &x) {
            return x.atMs == e.atMs && x.status == e.status && x.author == e.author && x.reason == e.reason;
          });
          if (!dup)
            merged.push_back(e);
        }
        std::stable_sort(merged.begin(), merged.end(),
                         [](const ReviewEvent &a, const ReviewEvent &b) { return a.atMs < b.atMs; });
      }
    }
    summary.reviewEvents += static_cast<int>(events.size());
    imp.reviews.emplace_back(rec, std::move(merged));
  }
  if (replace) // recordings in the file without a history lose theirs too
    for (Id rec : imp.recordingIds)
      if (!p.reviews.count(rec))
        imp.reviews.emplace_back(rec, std::vector<ReviewEvent>{});
  summary.recordings = static_cast<int>(imp.recordingIds.size());
  summary.segments = static_cast<int>(imp.segments.size());
  summary.flags = static_cast<int>(imp.flags.size());
  if (auto st = store.applyImport(imp, std::string("labels.import ") + source + (replace ? " --replace" : ""));
      !st.ok())
    return R::failure(st.error());
  return summary;
}

} // namespace tacit::project
