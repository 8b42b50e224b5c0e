// ProjectStore::applyImport: the one-transaction bulk path behind `labels import` and taxonomy import.
#include <unordered_set>

#include "core/project/ProjectStore.h"

namespace tacit::project {

namespace {

// Puts parents before children so inserting in order always finds the parent.
std::vector<Label> parentsFirst(const std::vector<Label> &labels) {
  std::vector<Label> out;
  std::unordered_set<Id> placed{0};
  std::vector<Label> pending = labels;
  while (!pending.empty()) {
    std::vector<Label> next;
    for (auto &l : pending)
      (placed.count(l.parentId) ? out : next).push_back(l);
    for (auto &l : out)
      placed.insert(l.id);
    if (next.size() == pending.size()) { // orphans: attach to the root
      for (auto &l : next) {
        l.parentId = 0;
        out.push_back(l);
      }
      break;
    }
    pending = std::move(next);
  }
  return out;
}

} // namespace

Status ProjectStore::applyImport(const BulkImport &imp, const std::string &action) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return tx.begun();
  auto fail = [&](const std::string &what) { return Status::failure(m_db.describe(what)); };

  if (imp.taxonomy && imp.mergeTaxonomy) {
    auto old = labels();
    if (!old)
      return Status::failure(old.error());
    std::unordered_map<std::string, Id> byPath;
    for (const auto &[id, path] : labelPathMap(*old))
      byPath[path] = id;
    auto ins = m_db.prepare("INSERT INTO labels(parent_id, name, colour, key, description, ord) VALUES (?,?,?,?,?,?)");
    if (!ins)
      return Status::failure(ins.error());
    const auto incoming = parentsFirst(*imp.taxonomy);
    const auto incomingPaths = labelPathMap(incoming);
    for (const auto &l : incoming) {
      const std::string path = incomingPaths.at(l.id);
      if (byPath.count(path))
        continue;
      const auto slash = path.rfind('/');
      const Id parent = slash == std::string::npos ? 0 : byPath[path.substr(0, slash)];
      ins->bindIdOrNull(1, parent);
      ins->bind(2, l.name).bind(3, l.colour).bind(4, l.key).bind(5, l.description).bind(6, l.order);
      if (auto s = ins->run(); !s.ok())
        return Status::failure(m_path.string() + ": cannot add label \"" + l.name + "\": " + m_db.lastError());
      byPath[path] = m_db.lastInsertId();
    }
  } else if (imp.taxonomy) {
    auto old = labels();
    if (!old)
      return Status::failure(old.error());
    std::vector<std::pair<Id, std::string>> segPaths;
    {
      auto st = m_db.prepare("SELECT id, label_id FROM segments WHERE label_id IS NOT NULL");
      if (!st)
        return Status::failure(st.error());
      std::unordered_map<Id, std::string> pathOf = labelPathMap(*old);
      while (st->step())
        segPaths.emplace_back(st->int64(0), pathOf[st->int64(1)]);
    }
    if (auto s = m_db.exec("DELETE FROM labels"); !s.ok())
      return s;
    auto ins = m_db.prepare("INSERT INTO labels(parent_id, name, colour, key, description, ord) VALUES (?,?,?,?,?,?)");
    if (!ins)
      return Status::failure(ins.error());
    std::unordered_map<Id, Id> newId;
    std::vector<Label> inserted;
    for (auto l : parentsFirst(*imp.taxonomy)) {
      const Id parent = l.parentId ? newId[l.parentId] : 0;
      ins->bindIdOrNull(1, parent);
      ins->bind(2, l.name).bind(3, l.colour).bind(4, l.key).bind(5, l.description).bind(6, l.order);
      if (auto s = ins->run(); !s.ok())
        return Status::failure(m_path.string() + ": cannot add label \"" + l.name + "\": " + m_db.lastError());
      newId[l.id] = m_db.lastInsertId();
      l.id = newId[l.id];
      l.parentId = parent;
      inserted.push_back(l);
    }
    std::unordered_map<std::string, Id> byPath;
    for (const auto &[id, path] : labelPathMap(inserted))
      byPath[path] = id;
    auto upd = m_db.prepare("UPDATE segments SET label_id = ? WHERE id = ?");
    if (!upd)
      return Status::failure(upd.error());
    for (const auto &[seg, path] : segPaths)
      if (auto it = byPath.find(path); it != byPath.end())
        if (auto s = upd->bind(1, it->second).bind(2, seg).run(); !s.ok())
          return s;
  }

  if (!imp.newTracks.empty()) {
    auto ins = m_db.prepare("INSERT OR IGNORE INTO tracks(name, allow_overlap, ord) VALUES "
                            "(?, ?, (SELECT ifnull(max(ord), -1) + 1 FROM tracks))");
    if (!ins)
      return Status::failure(ins.error());
    for (const auto &t : imp.newTracks)
      if (auto s = ins->bind(1, t.name).bind(2, t.allowOverlap ? 1 : 0).run(); !s.ok())
        return s;
  }
  std::unordered_map<std::string, Id> trackIds;
  if (!imp.segmentTrackNames.empty()) {
    auto all = tracks();
    if (!all)
      return Status::failure(all.error());
    for (const auto &t : *all)
      trackIds[t.name] = t.id;
  }

  if (imp.replace) {
    auto delS = m_db.prepare("DELETE FROM segments WHERE recording_id = ?");
    auto delF = m_db.prepare("DELETE FROM quality_flags WHERE recording_id = ?");
    if (!delS || !delF)
      return fail("prepare");
    for (Id rec : imp.recordingIds) {
      if (auto s = delS->bind(1, rec).run(); !s.ok())
        return s;
      if (auto s = delF->bind(1, rec).run(); !s.ok())
        return s;
    }
  }

  if (!imp.segments.empty()) {
    std::unordered_map<std::string, Id> byPath;
    if (!imp.segmentLabelPaths.empty()) {
      auto all = labels();
      if (!all)
        return Status::failure(all.error());
      for (const auto &[id, path] : labelPathMap(*all))
        byPath[path] = id;
    }
    auto ins = m_db.prepare("INSERT INTO segments(recording_id, track_id, label_id, start_ns, end_ns, note, author, "
                            "created_at_ms, modified_at_ms) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!ins)
      return Status::failure(ins.error());
    for (std::size_t i = 0; i < imp.segments.size(); ++i) {
      const auto &s = imp.segments[i];
      Id track = s.trackId;
      if (i < imp.segmentTrackNames.size()) {
        auto it = trackIds.find(imp.segmentTrackNames[i]);
        if (it == trackIds.end())
          return Status::failure(m_path.string() + ": unknown track \"" + imp.segmentTrackNames[i] + "\"");
        track = it->second;
      }
      ins->bind(1, s.recordingId).bind(2, track);
      Id label = s.labelId;
      if (i < imp.segmentLabelPaths.size() && !imp.segmentLabelPaths[i].empty()) {
        auto it = byPath.find(imp.segmentLabelPaths[i]);
        if (it == byPath.end())
          return Status::failure(m_path.string() + ": unknown label \"" + imp.segmentLabelPaths[i] + "\"");
        label = it->second;
      }
      ins->bindIdOrNull(3, label);
      ins->bind(4, s.startNs).bind(5, s.endNs).bind(6, s.note).bind(7, s.author).bind(8, s.createdAtMs);
      ins->bind(9, s.modifiedAtMs);
      if (auto st = ins->run(); !st.ok())
        return st;
    }
    // Overlap rule for tracks that forbid it, checked once over the whole table (sorted scan).
    auto overlap = m_db.prepare(
        "SELECT recording_id, start_ns FROM (SELECT s.recording_id, s.start_ns, lag(s.end_ns) OVER "
        "(PARTITION BY s.recording_id, s.track_id ORDER BY s.start_ns) AS prev_end FROM segments s JOIN tracks t "
        "ON t.id = s.track_id WHERE t.allow_overlap = 0) WHERE prev_end > start_ns LIMIT 1");
    if (!overlap)
      return Status::failure(overlap.error());
    if (overlap->step())
      return Status::failure(m_path.string() + ": import would overlap segments in recording " +
                             std::to_string(overlap->int64(0)) + " at " + std::to_string(overlap->int64(1)) + " ns");
  }

  if (!imp.flags.empty()) {
    auto ins = m_db.prepare("INSERT INTO quality_flags(recording_id, reason, severity, start_ns, end_ns, note, "
                            "author, created_at_ms, modified_at_ms) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!ins)
      return Status::failure(ins.error());
    for (const auto &f : imp.flags) {
      ins->bind(1, f.recordingId).bind(2, flagReasonCode(f.reason)).bind(3, f.severity);
      if (f.wholeRecording)
        ins->bindNull(4).bindNull(5);
      else
        ins->bind(4, f.startNs).bind(5, f.endNs);
      ins->bind(6, f.note).bind(7, f.author).bind(8, f.createdAtMs).bind(9, f.modifiedAtMs);
      if (auto st = ins->run(); !st.ok())
        return st;
    }
  }

  if (!imp.reviews.empty()) {
    auto del = m_db.prepare("DELETE FROM reviews WHERE recording_id = ?");
    auto ins = m_db.prepare("INSERT INTO reviews(recording_id, status, reason, author, at_ms) VALUES (?,?,?,?,?)");
    if (!del || !ins)
      return fail("prepare");
    for (const auto &[rec, history] : imp.reviews) {
      if (auto s = del->bind(1, rec).run(); !s.ok())
        return s;
      for (const auto &e : history) {
        ins->bind(1, rec).bind(2, reviewStatusName(e.status)).bind(3, e.reason).bind(4, e.author).bind(5, e.atMs);
        if (auto s = ins->run(); !s.ok())
          return s;
      }
      if (auto s = refreshStatus(rec); !s.ok())
        return s;
    }
  }

  if (auto st = audit(action, std::to_string(imp.segments.size()) + " segments, " + std::to_string(imp.flags.size()) +
                                  " flags, " + std::to_string(imp.reviews.size()) + " review histories");
      !st.ok())
    return st;
  return tx.commit();
}

} // namespace tacit::project
