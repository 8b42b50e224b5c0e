// ProjectStore: redactions, the hash-chained consent ledger, exports and the audit log.
#include <nlohmann/json.hpp>

#include "core/project/ProjectStore.h"
#include "core/project/RecordingFolder.h"

namespace tacit::project {

namespace {

std::string streamsJson(const Redaction &r) {
  return nlohmann::json(r.streams).dump();
}

std::string boxesJson(const Redaction &r) {
  auto arr = nlohmann::json::array();
  for (const auto &b : r.boxes) // [x, y, w, h] or, for a box track, [x, y, w, h, key ns]
    arr.push_back(b.keyed() ? nlohmann::json{b.x, b.y, b.w, b.h, b.atNs} : nlohmann::json{b.x, b.y, b.w, b.h});
  return arr.dump();
}

void parseRedactionJson(Redaction &r, const std::string &streams, const std::string &boxes) {
  try {
    for (const auto &s : nlohmann::json::parse(streams))
      if (s.is_string())
        r.streams.push_back(s.get<std::string>());
    for (const auto &b : nlohmann::json::parse(boxes))
      if (b.is_array() && (b.size() == 4 || b.size() == 5))
        r.boxes.push_back({b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>(),
                           b.size() == 5 ? b[4].get<Timestamp>() : kInvalidTime});
  } catch (const nlohmann::json::exception &) {
  }
}

ConsentEvent readConsent(const SqliteStatement &st) {
  ConsentEvent e;
  e.id = st.int64(0);
  e.kind = consentKindFromName(st.text(1)).value_or(ConsentKind::Granted);
  e.workerId = st.text(2);
  e.recordingId = st.isNull(3) ? 0 : st.int64(3);
  e.scope = st.text(4);
  e.signature = st.text(5);
  e.atMs = st.int64(6);
  e.prevHash = st.text(7);
  e.rowHash = st.text(8);
  return e;
}

} // namespace

// --- redactions -------------------------------------------------------------------------------------------

Result<Redaction> ProjectStore::addRedaction(Redaction r) {
  using R = Result<Redaction>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  if (r.endNs <= r.startNs)
    return R::failure(m_path.string() + ": redaction end is not after its start");
  if (r.author.empty())
    r.author = m_author;
  if (r.createdAtMs == 0)
    r.createdAtMs = nowMs();
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare("INSERT INTO redactions(recording_id, start_ns, end_ns, streams, boxes, reason, author, "
                         "created_at_ms, id) VALUES (?,?,?,?,?,?,?,?,?)");
  if (!st)
    return R::failure(st.error());
  st->bind(1, r.recordingId).bind(2, r.startNs).bind(3, r.endNs).bind(4, streamsJson(r)).bind(5, boxesJson(r));
  st->bind(6, r.reason).bind(7, r.author).bind(8, r.createdAtMs);
  if (r.id)
    st->bind(9, r.id);
  else
    st->bindNull(9);
  if (auto s = st->run(); !s.ok())
    return R::failure(s.error());
  r.id = m_db.lastInsertId();
  audit("redaction.add", std::to_string(r.recordingId) + " " + std::to_string(r.id));
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return r;
}

Status ProjectStore::removeRedaction(Id id) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare("DELETE FROM redactions WHERE id = ?");
  if (!st)
    return Status::failure(st.error());
  if (auto s = st->bind(1, id).run(); !s.ok())
    return s;
  audit("redaction.remove", std::to_string(id));
  return tx.commit();
}

Result<std::vector<Redaction>> ProjectStore::redactions(Id recordingId) {
  using R = Result<std::vector<Redaction>>;
  auto st = m_db.prepare("SELECT id, recording_id, start_ns, end_ns, streams, boxes, reason, author, created_at_ms "
                         "FROM redactions WHERE recording_id = ? ORDER BY start_ns, id");
  if (!st)
    return R::failure(st.error());
  st->bind(1, recordingId);
  std::vector<Redaction> out;
  while (st->step()) {
    Redaction r;
    r.id = st->int64(0);
    r.recordingId = st->int64(1);
    r.startNs = st->int64(2);
    r.endNs = st->int64(3);
    parseRedactionJson(r, st->text(4), st->text(5));
    r.reason = st->text(6);
    r.author = st->text(7);
    r.createdAtMs = st->int64(8);
    out.push_back(std::move(r));
  }
  if (st->failed())
    return R::failure(st->error());
  return out;
}

// --- consent ledger ---------------------------------------------------------------------------------------

std::string ProjectStore::consentRowHash(const ConsentEvent &e) {
  // Length-prefixed fields: no separator ambiguity, stable across versions.
  std::string buf;
  auto add = [&buf](const std::string &s) {
    buf += std::to_string(s.size());
    buf += ':';
    buf += s;
  };
  add(e.prevHash);
  add(std::to_string(e.id));
  add(consentKindName(e.kind));
  add(e.workerId);
  add(std::to_string(e.recordingId));
  add(e.scope);
  add(e.signature);
  add(std::to_string(e.atMs));
  return sha256Hex(buf);
}

Result<ConsentEvent> ProjectStore::appendConsent(ConsentEvent e) {
  using R = Result<ConsentEvent>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  if (e.workerId.empty())
    return R::failure(m_path.string() + ": consent event without a worker id");
  if (e.atMs == 0)
    e.atMs = nowMs();
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto last = m_db.prepare("SELECT id, row_hash FROM consent_events ORDER BY id DESC LIMIT 1");
  if (!last)
    return R::failure(last.error());
  e.id = 1;
  e.prevHash.clear();
  if (last->step()) {
    e.id = last->int64(0) + 1;
    e.prevHash = last->text(1);
  }
  e.rowHash = consentRowHash(e);
  auto st = m_db.prepare("INSERT INTO consent_events(id, kind, worker_id, recording_id, scope, signature, at_ms, "
                         "prev_hash, row_hash) VALUES (?,?,?,?,?,?,?,?,?)");
  if (!st)
    return R::failure(st.error());
  st->bind(1, e.id).bind(2, consentKindName(e.kind)).bind(3, e.workerId);
  if (e.recordingId)
    st->bind(4, e.recordingId);
  else
    st->bindNull(4);
  st->bind(5, e.scope).bind(6, e.signature).bind(7, e.atMs).bind(8, e.prevHash).bind(9, e.rowHash);
  if (auto s = st->run(); !s.ok())
    return R::failure(s.error());
  audit("consent.append", std::string(consentKindName(e.kind)) + " " + e.workerId);
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return e;
}

Result<std::vector<ConsentEvent>> ProjectStore::consentEvents() {
  using R = Result<std::vector<ConsentEvent>>;
  auto st = m_db.prepare("SELECT id, kind, worker_id, recording_id, scope, signature, at_ms, prev_hash, row_hash "
                         "FROM consent_events ORDER BY id");
  if (!st)
    return R::failure(st.error());
  std::vector<ConsentEvent> out;
  while (st->step())
    out.push_back(readConsent(*st));
  if (st->failed())
    return R::failure(st->error());
  return out;
}

Result<std::optional<Id>> ProjectStore::verifyConsentChain() {
  auto events = consentEvents();
  if (!events)
    return Result<std::optional<Id>>::failure(events.error());
  std::string prev;
  for (const auto &e : *events) {
    if (e.prevHash != prev || consentRowHash(e) != e.rowHash)
      return std::optional<Id>(e.id);
    prev = e.rowHash;
  }
  return std::optional<Id>();
}

// --- exports and audit ------------------------------------------------------------------------------------

Result<ExportRecord> ProjectStore::addExport(ExportRecord e) {
  using R = Result<ExportRecord>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  if (e.atMs == 0)
    e.atMs = nowMs();
  if (e.author.empty())
    e.author = m_author;
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare("INSERT INTO exports(format, destination, manifest_hash, author, at_ms) VALUES (?,?,?,?,?)");
  auto item = m_db.prepare(
      "INSERT INTO export_items(export_id, recording_id, segment_id, start_ns, end_ns) VALUES (?,?,?,?,?)");
  if (!st || !item)
    return R::failure(m_db.describe("prepare"));
  st->bind(1, e.format).bind(2, e.destination).bind(3, e.manifestHash).bind(4, e.author).bind(5, e.atMs);
  if (auto s = st->run(); !s.ok())
    return R::failure(s.error());
  e.id = m_db.lastInsertId();
  for (const auto &i : e.items) {
    item->bind(1, e.id).bind(2, i.recordingId);
    if (i.segmentId)
      item->bind(3, i.segmentId);
    else
      item->bindNull(3);
    item->bind(4, i.startNs).bind(5, i.endNs);
    if (auto s = item->run(); !s.ok())
      return R::failure(s.error());
  }
  audit("export.add", e.format + " " + e.destination);
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return e;
}

Result<std::vector<ExportRecord>> ProjectStore::exports() {
  using R = Result<std::vector<ExportRecord>>;
  auto st = m_db.prepare("SELECT id, format, destination, manifest_hash, author, at_ms FROM exports ORDER BY id");
  auto items = m_db.prepare(
      "SELECT recording_id, segment_id, start_ns, end_ns FROM export_items WHERE export_id = ? ORDER BY rowid");
  if (!st || !items)
    return R::failure(m_db.describe("prepare"));
  std::vector<ExportRecord> out;
  while (st->step()) {
    ExportRecord e;
    e.id = st->int64(0);
    e.format = st->text(1);
    e.destination = st->text(2);
    e.manifestHash = st->text(3);
    e.author = st->text(4);
    e.atMs = st->int64(5);
    items->bind(1, e.id);
    while (items->step())
      e.items.push_back({items->int64(0), items->isNull(1) ? 0 : items->int64(1), items->int64(2), items->int64(3)});
    items->reset();
    out.push_back(std::move(e));
  }
  if (st->failed())
    return R::failure(st->error());
  return out;
}

Result<std::vector<AuditEntry>> ProjectStore::auditLog() {
  using R = Result<std::vector<AuditEntry>>;
  auto st = m_db.prepare("SELECT id, at_ms, author, action, detail FROM audit_log ORDER BY id");
  if (!st)
    return R::failure(st.error());
  std::vector<AuditEntry> out;
  while (st->step())
    out.push_back({st->int64(0), st->int64(1), st->text(2), st->text(3), st->text(4)});
  if (st->failed())
    return R::failure(st->error());
  return out;
}

} // namespace tacit::project
