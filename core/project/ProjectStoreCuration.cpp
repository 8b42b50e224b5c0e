// ProjectStore: curation analyses and queue item states (migration 3).
#include "core/project/CurationRecord.h"
#include "core/project/ProjectStore.h"

namespace tacit::project {

namespace {
constexpr std::pair<QueueState, const char *> kStates[] = {{QueueState::Open, "open"},
                                                           {QueueState::Flagged, "flagged"},
                                                           {QueueState::Dismissed, "dismissed"},
                                                           {QueueState::Reviewed, "reviewed"}};
} // namespace

const char *queueStateName(QueueState s) {
  for (const auto &[state, name] : kStates)
    if (state == s)
      return name;
  return "open";
}

std::optional<QueueState> queueStateFromName(std::string_view name) {
  for (const auto &[state, n] : kStates)
    if (name == n)
      return state;
  return std::nullopt;
}

Result<std::vector<CurationAnalysisRecord>> ProjectStore::curationAnalyses() {
  using R = Result<std::vector<CurationAnalysisRecord>>;
  auto st = m_db.prepare("SELECT recording_id, manifest_hash, version, computed_at_ms, analysis FROM curation_analysis "
                         "ORDER BY recording_id");
  if (!st)
    return R::failure(st.error());
  std::vector<CurationAnalysisRecord> out;
  while (st->step())
    out.push_back({st->int64(0), st->text(1), static_cast<int>(st->int64(2)), st->int64(3), st->text(4)});
  if (st->failed())
    return R::failure(st->error());
  return out;
}

Status ProjectStore::saveCurationAnalysis(const CurationAnalysisRecord &r) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare(
      "INSERT INTO curation_analysis(recording_id, manifest_hash, version, computed_at_ms, analysis) "
      "VALUES (?,?,?,?,?) ON CONFLICT(recording_id) DO UPDATE SET manifest_hash = excluded.manifest_hash, "
      "version = excluded.version, computed_at_ms = excluded.computed_at_ms, analysis = excluded.analysis");
  if (!st)
    return Status::failure(st.error());
  st->bind(1, r.recordingId).bind(2, r.manifestHash).bind(3, r.version);
  st->bind(4, r.computedAtMs ? r.computedAtMs : nowMs()).bind(5, r.analysisJson);
  if (auto s = st->run(); !s.ok())
    return s;
  return tx.commit();
}

Result<std::vector<QueueItemState>> ProjectStore::queueStates() {
  using R = Result<std::vector<QueueItemState>>;
  auto st = m_db.prepare(
      "SELECT recording_id, state, reviewer, at_ms, flag_id, note FROM curation_queue ORDER BY recording_id");
  if (!st)
    return R::failure(st.error());
  std::vector<QueueItemState> out;
  while (st->step())
    out.push_back({st->int64(0), queueStateFromName(st->text(1)).value_or(QueueState::Open), st->text(2), st->int64(3),
                   st->isNull(4) ? 0 : st->int64(4), st->text(5)});
  if (st->failed())
    return R::failure(st->error());
  return out;
}

Status ProjectStore::setQueueState(const QueueItemState &s) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  auto st = m_db.prepare("INSERT INTO curation_queue(recording_id, state, reviewer, at_ms, flag_id, note) VALUES "
                         "(?,?,?,?,?,?) ON CONFLICT(recording_id) DO UPDATE SET state = excluded.state, reviewer = "
                         "excluded.reviewer, at_ms = excluded.at_ms, flag_id = excluded.flag_id, note = excluded.note");
  if (!st)
    return Status::failure(st.error());
  st->bind(1, s.recordingId).bind(2, queueStateName(s.state)).bind(3, s.reviewer).bind(4, s.atMs);
  st->bindIdOrNull(5, s.flagId).bind(6, s.note);
  if (auto r = st->run(); !r.ok())
    return r;
  audit("curation.queue", std::to_string(s.recordingId) + " " + queueStateName(s.state));
  return tx.commit();
}

} // namespace tacit::project
