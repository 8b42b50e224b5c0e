// ProjectStore: tracks, label taxonomy, segments, quality flags and review history.
#include <functional>
#include <unordered_set>

#include "core/project/ProjectStore.h"

namespace tacit::project {

namespace {

constexpr const char *kSegmentColumns =
    "id, recording_id, track_id, label_id, start_ns, end_ns, note, author, created_at_ms, modified_at_ms";
constexpr const char *kFlagColumns =
    "id, recording_id, reason, severity, start_ns, end_ns, note, author, created_at_ms, modified_at_ms";

Segment readSegment(const SqliteStatement &st) {
  Segment s;
  s.id = st.int64(0);
  s.recordingId = st.int64(1);
  s.trackId = st.int64(2);
  s.labelId = st.isNull(3) ? 0 : st.int64(3);
  s.startNs = st.int64(4);
  s.endNs = st.int64(5);
  s.note = st.text(6);
  s.author = st.text(7);
  s.createdAtMs = st.int64(8);
  s.modifiedAtMs = st.int64(9);
  return s;
}

QualityFlag readFlag(const SqliteStatement &st) {
  QualityFlag f;
  f.id = st.int64(0);
  f.recordingId = st.int64(1);
  f.reason = flagReasonFromCode(st.text(2)).value_or(FlagReason::Other);
  f.severity = static_cast<int>(st.int64(3));
  f.wholeRecording = st.isNull(4);
  f.startNs = f.wholeRecording ? 0 : st.int64(4);
  f.endNs = f.wholeRecording ? 0 : st.int64(5);
  f.note = st.text(6);
  f.author = st.text(7);
  f.createdAtMs = st.int64(8);
  f.modifiedAtMs = st.int64(9);
  return f;
}

Label readLabel(const SqliteStatement &st) {
  Label l;
  l.id = st.int64(0);
  l.parentId = st.isNull(1) ? 0 : st.int64(1);
  l.name = st.text(2);
  l.colour = st.text(3);
  l.key = static_cast<int>(st.int64(4));
  l.description = st.text(5);
  l.order = static_cast<int>(st.int64(6));
  return l;
}

ReviewEvent readReview(const SqliteStatement &st) {
  ReviewEvent e;
  e.id = st.int64(0);
  e.recordingId = st.int64(1);
  e.status = reviewStatusFromName(st.text(2)).value_or(ReviewStatus::Unreviewed);
  e.reason = st.text(3);
  e.author = st.text(4);
  e.atMs = st.int64(5);
  return e;
}

template <typename T, typename F>
Result<std::vector<T>> queryAll(SqliteDb &db, const std::string &sql, F read, Id bindId = -1) {
  auto st = db.prepare(sql);
  if (!st)
    return Result<std::vector<T>>::failure(st.error());
  if (bindId >= 0)
    st->bind(1, bindId);
  std::vector<T> out;
  while (st->step())
    out.push_back(read(*st));
  if (st->failed())
    return Result<std::vector<T>>::failure(st->error());
  return out;
}

void bindSegment(SqliteStatement &st, const Segment &s) {
  st.bind(1, s.recordingId).bind(2, s.trackId);
  st.bindIdOrNull(3, s.labelId);
  st.bind(4, s.startNs)
      .bind(5, s.endNs)
      .bind(6, s.note)
      .bind(7, s.author)
      .bind(8, s.createdAtMs)
      .bind(9, s.modifiedAtMs);
}

void bindFlag(SqliteStatement &st, const QualityFlag &f) {
  st.bind(1, f.recordingId).bind(2, flagReasonCode(f.reason)).bind(3, f.severity);
  if (f.wholeRecording)
    st.bindNull(4).bindNull(5);
  else
    st.bind(4, f.startNs).bind(5, f.endNs);
  st.bind(6, f.note).bind(7, f.author).bind(8, f.createdAtMs).bind(9, f.modifiedAtMs);
}

// Parents before children, siblings by (order, id).
std::vector<Label> sortedTree(std::vector<Label> labels) {
  std::unordered_map<Id, std::vector<Label>> children;
  std::unordered_set<Id> ids;
  for (const auto &l : labels)
    ids.insert(l.id);
  for (auto &l : labels)
    children[ids.count(l.parentId) ? l.parentId : 0].push_back(l);
  std::vector<Label> out;
  std::function<void(Id)> walk = [&](Id parent) {
    auto it = children.find(parent);
    if (it == children.end())
      return;
    auto list = it->second;
    std::sort(list.begin(), list.end(),
              [](const Label &a, const Label &b) { return a.order != b.order ? a.order < b.order : a.id < b.id; });
    for (const auto &l : list) {
      out.push_back(l);
      walk(l.id);
    }
  };
  walk(0);
  return out;
}

} // namespace

std::string labelPath(const std::vector<Label> &labels, Id id) {
  std::unordered_map<Id, const Label *> byId;
  for (const auto &l : labels)
    byId[l.id] = &l;
  std::string path;
  for (int guard = 0; id != 0 && guard < 64; ++guard) {
    auto it = byId.find(id);
    if (it == byId.end())
      break;
    path = path.empty() ? it->second->name : it->second->name + "/" + path;
    id = it->second->parentId;
  }
  return path;
}

std::unordered_map<Id, std::string> labelPathMap(const std::vector<Label> &labels) {
  std::unordered_map<Id, const Label *> byId;
  byId.reserve(labels.size());
  for (const auto &l : labels)
    byId[l.id] = &l;
  std::unordered_map<Id, std::string> out;
  out.reserve(labels.size());
  std::vector<const Label *> chain;
  for (const auto &l : labels) {
    // Walk up to the first ancestor whose path is known (or the root), then fill in downwards.
    chain.clear();
    Id id = l.id;
    std::string prefix;
    for (int guard = 0; id != 0 && guard < 64; ++guard) {
      if (auto known = out.find(id); known != out.end()) {
        prefix = known->second;
        break;
      }
      auto it = byId.find(id);
      if (it == byId.end())
        break;
      chain.push_back(it->second);
      id = it->second->parentId;
    }
    for (auto c = chain.rbegin(); c != chain.rend(); ++c) {
      prefix = prefix.empty() ? (*c)->name : prefix + "/" + (*c)->name;
      out.emplace((*c)->id, prefix);
    }
  }
  return out;
}

// --- tracks -------------------------------------------------------------------------------------------

Result<std::vector<Track>> ProjectStore::tracks() {
  return queryAll<Track>(m_db, "SELECT id, name, allow_overlap, ord FROM tracks ORDER BY ord, id",
                         [](const SqliteStatement &st) {
                           return Track{st.int64(0), st.text(1), st.int64(2) != 0, static_cast<int>(st.int64(3))};
                         });
}

Result<std::unordered_map<Id, Track>> ProjectStore::trackMap() {
  auto list = tracks();
  if (!list)
    return Result<std::unordered_map<Id, Track>>::failure(list.error());
  std::unordered_map<Id, Track> out;
  for (auto &t : *list)
    out[t.id] = t;
  return out;
}

Result<Track> ProjectStore::trackByName(const std::string &name) {
  auto list = tracks();
  if (!list)
    return Result<Track>::failure(list.error());
  for (auto &t : *list)
    if (t.name == name)
      return t;
  return Result<Track>::failure(m_path.string() + ": no track named \"" + name + "\"");
}

Result<Track> ProjectStore::addTrack(const std::string &name, bool allowOverlap) {
  if (auto st = requireWritable(); !st.ok())
    return Result<Track>::failure(st.error());
  if (name.empty())
    return Result<Track>::failure(m_path.string() + ": track name is empty");
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare(
      "INSERT INTO tracks(name, allow_overlap, ord) VALUES (?, ?, (SELECT ifnull(max(ord),-1)+1 FROM tracks))");
  if (!st)
    return Result<Track>::failure(st.error());
  if (auto s = st->bind(1, name).bind(2, allowOverlap ? 1 : 0).run(); !s.ok())
    return Result<Track>::failure(s.error());
  const Id id = m_db.lastInsertId();
  audit("track.add", name);
  if (auto s = tx.commit(); !s.ok())
    return Result<Track>::failure(s.error());
  auto all = tracks();
  for (auto &t : *all)
    if (t.id == id)
      return t;
  return Result<Track>::failure(m_path.string() + ": track vanished");
}

// --- labels -------------------------------------------------------------------------------------------

Result<std::vector<Label>> ProjectStore::labels() {
  auto all = queryAll<Label>(m_db, "SELECT id, parent_id, name, colour, key, description, ord FROM labels", readLabel);
  if (!all)
    return all;
  return sortedTree(all.takeValue());
}

Result<Label> ProjectStore::insertLabel(Label l) {
  using R = Result<Label>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  SqliteTransaction tx(m_db);
  auto st =
      m_db.prepare("INSERT INTO labels(id, parent_id, name, colour, key, description, ord) VALUES (?,?,?,?,?,?,?)");
  if (!st)
    return R::failure(st.error());
  st->bindIdOrNull(1, l.id);
  st->bindIdOrNull(2, l.parentId);
  st->bind(3, l.name).bind(4, l.colour).bind(5, l.key).bind(6, l.description).bind(7, l.order);
  if (auto s = st->run(); !s.ok())
    return R::failure(m_path.string() + ": cannot add label \"" + l.name + "\": " + m_db.lastError());
  l.id = m_db.lastInsertId();
  audit("label.add", l.name);
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return l;
}

Status ProjectStore::updateLabel(const Label &l) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare("UPDATE labels SET parent_id = ?, name = ?, colour = ?, key = ?, description = ?, ord = ? "
                         "WHERE id = ?");
  if (!st)
    return Status::failure(st.error());
  st->bindIdOrNull(1, l.parentId);
  st->bind(2, l.name).bind(3, l.colour).bind(4, l.key).bind(5, l.description).bind(6, l.order).bind(7, l.id);
  if (auto s = st->run(); !s.ok())
    return Status::failure(m_path.string() + ": cannot change label \"" + l.name + "\": " + m_db.lastError());
  audit("label.update", l.name);
  return tx.commit();
}

Result<LabelRemoval> ProjectStore::removeLabel(Id id) {
  using R = Result<LabelRemoval>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  auto all = labels();
  if (!all)
    return R::failure(all.error());
  LabelRemoval removal;
  std::unordered_set<Id> subtree{id};
  for (const auto &l : *all) // parents come first, so one pass collects the subtree
    if (l.id == id || subtree.count(l.parentId)) {
      subtree.insert(l.id);
      removal.labels.push_back(l);
    }
  if (removal.labels.empty())
    return R::failure(m_path.string() + ": no label with id " + std::to_string(id));
  SqliteTransaction tx(m_db);
  auto seg = m_db.prepare("SELECT id, label_id FROM segments WHERE label_id = ?");
  if (!seg)
    return R::failure(seg.error());
  for (const auto &l : removal.labels) {
    seg->bind(1, l.id);
    while (seg->step())
      removal.segmentLabels.emplace_back(seg->int64(0), seg->int64(1));
    seg->reset();
  }
  auto del = m_db.prepare("DELETE FROM labels WHERE id = ?");
  if (!del)
    return R::failure(del.error());
  if (auto s = del->bind(1, id).run(); !s.ok())
    return R::failure(s.error());
  audit("label.remove", removal.labels.front().name);
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return removal;
}

Status ProjectStore::restoreLabels(const LabelRemoval &removal) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  auto ins =
      m_db.prepare("INSERT INTO labels(id, parent_id, name, colour, key, description, ord) VALUES (?,?,?,?,?,?,?)");
  auto upd = m_db.prepare("UPDATE segments SET label_id = ? WHERE id = ?");
  if (!ins || !upd)
    return Status::failure(m_db.describe("prepare"));
  for (const auto &l : removal.labels) {
    ins->bind(1, l.id);
    ins->bindIdOrNull(2, l.parentId);
    ins->bind(3, l.name).bind(4, l.colour).bind(5, l.key).bind(6, l.description).bind(7, l.order);
    if (auto s = ins->run(); !s.ok())
      return s;
  }
  for (const auto &[seg, label] : removal.segmentLabels)
    if (auto s = upd->bind(1, label).bind(2, seg).run(); !s.ok())
      return s;
  audit("label.restore", removal.labels.empty() ? "" : removal.labels.front().name);
  return tx.commit();
}

Status ProjectStore::replaceTaxonomy(const std::vector<Label> &labels) {
  BulkImport imp;
  imp.taxonomy = labels;
  return applyImport(imp, "taxonomy.replace");
}

// --- segments -------------------------------------------------------------------------------------------

Result<std::vector<Segment>> ProjectStore::segments(Id recordingId) {
  return queryAll<Segment>(m_db,
                           std::string("SELECT ") + kSegmentColumns +
                               " FROM segments WHERE recording_id = ? ORDER BY track_id, start_ns, id",
                           readSegment, recordingId);
}

Result<std::vector<Segment>> ProjectStore::allSegments() {
  return queryAll<Segment>(
      m_db, std::string("SELECT ") + kSegmentColumns + " FROM segments ORDER BY recording_id, track_id, start_ns, id",
      readSegment);
}

Status ProjectStore::checkNoOverlap(const Segment &s) {
  auto st = m_db.prepare("SELECT t.allow_overlap, t.name FROM tracks t WHERE t.id = ?");
  if (!st)
    return Status::failure(st.error());
  st->bind(1, s.trackId);
  if (!st->step())
    return Status::failure(m_path.string() + ": segment refers to unknown track " + std::to_string(s.trackId));
  if (st->int64(0) != 0)
    return okStatus();
  const std::string trackName = st->text(1);
  // Only the latest-starting other segment that starts before our end can overlap us: the others on a
  // no-overlap track end no later than it does (and if two rows of one batch overlap each other, the
  // earlier-starting one's check finds the other). One backwards index step instead of a scan of every
  // earlier segment, which made a 100 000-segment recording quadratic to write.
  auto q = m_db.prepare("SELECT id, start_ns, end_ns FROM segments WHERE recording_id = ? AND track_id = ? "
                        "AND start_ns < ? AND id != ? ORDER BY start_ns DESC LIMIT 1");
  if (!q)
    return Status::failure(q.error());
  q->bind(1, s.recordingId).bind(2, s.trackId).bind(3, s.endNs).bind(4, s.id);
  if (q->step() && q->int64(2) > s.startNs)
    return Status::failure(m_path.string() + ": segment [" + std::to_string(s.startNs) + ", " +
                           std::to_string(s.endNs) + ") overlaps segment " + std::to_string(q->int64(0)) +
                           " on track \"" + trackName + "\"");
  return q->failed() ? Status::failure(q->error()) : okStatus();
}

Result<std::vector<Segment>> ProjectStore::applySegmentChanges(const std::vector<SegmentChange> &changes,
                                                               const std::string &action) {
  using R = Result<std::vector<Segment>>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto del = m_db.prepare("DELETE FROM segments WHERE id = ?");
  auto ins = m_db.prepare("INSERT INTO segments(recording_id, track_id, label_id, start_ns, end_ns, note, author, "
                          "created_at_ms, modified_at_ms, id) VALUES (?,?,?,?,?,?,?,?,?,?)");
  auto upd = m_db.prepare("UPDATE segments SET recording_id = ?, track_id = ?, label_id = ?, start_ns = ?, "
                          "end_ns = ?, note = ?, author = ?, created_at_ms = ?, modified_at_ms = ? WHERE id = ?");
  if (!del || !ins || !upd)
    return R::failure(m_db.describe("prepare"));
  std::vector<Segment> after;
  // Deletes first so an undo of a split (delete + update) never sees a transient overlap.
  for (const auto &c : changes)
    if (c.before && !c.after) {
      if (auto s = del->bind(1, c.before->id).run(); !s.ok())
        return R::failure(s.error());
      if (m_db.changes() != 1)
        return R::failure(m_path.string() + ": segment " + std::to_string(c.before->id) + " does not exist");
    }
  for (const auto &c : changes) {
    if (!c.after)
      continue;
    Segment s = *c.after;
    if (s.endNs <= s.startNs)
      return R::failure(m_path.string() + ": segment end " + std::to_string(s.endNs) + " is not after start " +
                        std::to_string(s.startNs));
    auto &stmt = c.before ? *upd : *ins;
    bindSegment(stmt, s);
    if (c.before)
      stmt.bind(10, c.before->id);
    else if (s.id)
      stmt.bind(10, s.id);
    else
      stmt.bindNull(10);
    if (auto st = stmt.run(); !st.ok())
      return R::failure(st.error());
    if (!c.before)
      s.id = m_db.lastInsertId();
    else if (m_db.changes() != 1)
      return R::failure(m_path.string() + ": segment " + std::to_string(c.before->id) + " does not exist");
    after.push_back(s);
  }
  for (const auto &s : after)
    if (auto st = checkNoOverlap(s); !st.ok())
      return R::failure(st.error());
  if (auto st = audit(action, std::to_string(changes.size()) + " segment change(s)"); !st.ok())
    return R::failure(st.error());
  if (auto st = tx.commit(); !st.ok())
    return R::failure(st.error());
  return after;
}

// --- flags ----------------------------------------------------------------------------------------------

Result<std::vector<QualityFlag>> ProjectStore::flags(Id recordingId) {
  return queryAll<QualityFlag>(
      m_db, std::string("SELECT ") + kFlagColumns + " FROM quality_flags WHERE recording_id = ? ORDER BY id", readFlag,
      recordingId);
}

Result<std::vector<QualityFlag>> ProjectStore::allFlags() {
  return queryAll<QualityFlag>(
      m_db, std::string("SELECT ") + kFlagColumns + " FROM quality_flags ORDER BY recording_id, id", readFlag);
}

Result<std::vector<QualityFlag>> ProjectStore::applyFlagChanges(const std::vector<FlagChange> &changes,
                                                                const std::string &action) {
  using R = Result<std::vector<QualityFlag>>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto del = m_db.prepare("DELETE FROM quality_flags WHERE id = ?");
  auto ins = m_db.prepare("INSERT INTO quality_flags(recording_id, reason, severity, start_ns, end_ns, note, author, "
                          "created_at_ms, modified_at_ms, id) VALUES (?,?,?,?,?,?,?,?,?,?)");
  auto upd = m_db.prepare("UPDATE quality_flags SET recording_id = ?, reason = ?, severity = ?, start_ns = ?, "
                          "end_ns = ?, note = ?, author = ?, created_at_ms = ?, modified_at_ms = ? WHERE id = ?");
  if (!del || !ins || !upd)
    return R::failure(m_db.describe("prepare"));
  std::vector<QualityFlag> after;
  for (const auto &c : changes)
    if (c.before && !c.after)
      if (auto s = del->bind(1, c.before->id).run(); !s.ok())
        return R::failure(s.error());
  for (const auto &c : changes) {
    if (!c.after)
      continue;
    QualityFlag f = *c.after;
    if (f.severity < kMinSeverity || f.severity > kMaxSeverity)
      return R::failure(m_path.string() + ": flag severity " + std::to_string(f.severity) + " is not in 1-4");
    if (!f.wholeRecording && f.endNs <= f.startNs)
      return R::failure(m_path.string() + ": flag end is not after its start");
    auto &stmt = c.before ? *upd : *ins;
    bindFlag(stmt, f);
    if (c.before)
      stmt.bind(10, c.before->id);
    else if (f.id)
      stmt.bind(10, f.id);
    else
      stmt.bindNull(10);
    if (auto st = stmt.run(); !st.ok())
      return R::failure(st.error());
    if (!c.before)
      f.id = m_db.lastInsertId();
    after.push_back(f);
  }
  if (auto st = audit(action, std::to_string(changes.size()) + " flag change(s)"); !st.ok())
    return R::failure(st.error());
  if (auto st = tx.commit(); !st.ok())
    return R::failure(st.error());
  return after;
}

// --- reviews --------------------------------------------------------------------------------------------

Status ProjectStore::refreshStatus(Id recordingId) {
  auto st = m_db.prepare("UPDATE recordings SET review_status = ifnull((SELECT status FROM reviews WHERE "
                         "recording_id = ?1 ORDER BY id DESC LIMIT 1), 'unreviewed') WHERE id = ?1");
  if (!st)
    return Status::failure(st.error());
  return st->bind(1, recordingId).run();
}

Result<ReviewEvent> ProjectStore::addReview(Id recordingId, ReviewStatus status, const std::string &reason) {
  using R = Result<ReviewEvent>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  if (auto st = checkReviewReason(status, reason); !st.ok())
    return R::failure(m_path.string() + ": " + st.error());
  ReviewEvent e{0, recordingId, status, reason, m_author, nowMs()};
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto st = m_db.prepare("INSERT INTO reviews(recording_id, status, reason, author, at_ms) VALUES (?,?,?,?,?)");
  if (!st)
    return R::failure(st.error());
  st->bind(1, recordingId).bind(2, reviewStatusName(status)).bind(3, reason).bind(4, e.author).bind(5, e.atMs);
  if (auto s = st->run(); !s.ok())
    return R::failure(m_path.string() + ": cannot set review status of recording " + std::to_string(recordingId) +
                      ": " + m_db.lastError());
  e.id = m_db.lastInsertId();
  if (auto s = refreshStatus(recordingId); !s.ok())
    return R::failure(s.error());
  if (auto s = audit("review.set", std::to_string(recordingId) + " " + reviewStatusName(status)); !s.ok())
    return R::failure(s.error());
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return e;
}

Status ProjectStore::removeReview(Id reviewId) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return tx.begun();
  auto rec = m_db.prepare("SELECT recording_id FROM reviews WHERE id = ?");
  if (!rec)
    return Status::failure(rec.error());
  rec->bind(1, reviewId);
  if (!rec->step())
    return Status::failure(m_path.string() + ": no review event " + std::to_string(reviewId));
  const Id recordingId = rec->int64(0);
  rec->reset();
  auto del = m_db.prepare("DELETE FROM reviews WHERE id = ?");
  if (!del)
    return Status::failure(del.error());
  if (auto s = del->bind(1, reviewId).run(); !s.ok())
    return s;
  if (auto s = refreshStatus(recordingId); !s.ok())
    return s;
  audit("review.undo", std::to_string(recordingId));
  return tx.commit();
}

Result<std::vector<ReviewEvent>> ProjectStore::reviewHistory(Id recordingId) {
  return queryAll<ReviewEvent>(
      m_db, "SELECT id, recording_id, status, reason, author, at_ms FROM reviews WHERE recording_id = ? ORDER BY id",
      readReview, recordingId);
}

Result<std::vector<ReviewEvent>> ProjectStore::allReviews() {
  return queryAll<ReviewEvent>(
      m_db, "SELECT id, recording_id, status, reason, author, at_ms FROM reviews ORDER BY recording_id, id",
      readReview);
}

Status ProjectStore::replaceReviewHistory(Id recordingId, const std::vector<ReviewEvent> &history) {
  BulkImport imp;
  imp.reviews.emplace_back(recordingId, history);
  return applyImport(imp, "review.replace");
}

} // namespace tacit::project
