#include "core/project/ProjectSchema.h"

#include <string>
#include <vector>

namespace tacit::project {

namespace {

// Migration 1: annotation core (recordings, tracks, taxonomy, segments, flags, reviews, audit log).
constexpr const char *kMigration1 = R"SQL(
CREATE TABLE project_info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE recordings(
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  rel_path TEXT NOT NULL,
  manifest_hash TEXT NOT NULL,
  stream_sizes TEXT NOT NULL DEFAULT '{}',
  worker_id TEXT NOT NULL DEFAULT '',
  worker_name TEXT NOT NULL DEFAULT '',
  task TEXT NOT NULL DEFAULT '',
  site TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL DEFAULT '',
  device TEXT NOT NULL DEFAULT '',
  duration_ns INTEGER NOT NULL DEFAULT 0,
  added_at_ms INTEGER NOT NULL,
  review_status TEXT NOT NULL DEFAULT 'unreviewed'
    CHECK(review_status IN ('unreviewed','in_review','approved','rejected')));
CREATE TABLE tracks(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  allow_overlap INTEGER NOT NULL DEFAULT 0,
  ord INTEGER NOT NULL DEFAULT 0);
INSERT INTO tracks(name, allow_overlap, ord) VALUES ('task', 0, 0), ('step', 0, 1);
CREATE TABLE labels(
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES labels(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(name) > 0 AND instr(name, '/') = 0),
  colour TEXT NOT NULL DEFAULT '#808080',
  key INTEGER NOT NULL DEFAULT 0 CHECK(key BETWEEN 0 AND 9),
  description TEXT NOT NULL DEFAULT '',
  ord INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX labels_sibling_name ON labels(ifnull(parent_id, 0), name);
CREATE TABLE segments(
  id INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  track_id INTEGER NOT NULL REFERENCES tracks(id),
  label_id INTEGER REFERENCES labels(id) ON DELETE SET NULL,
  start_ns INTEGER NOT NULL,
  end_ns INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  modified_at_ms INTEGER NOT NULL,
  CHECK(end_ns > start_ns));
CREATE INDEX segments_by_recording ON segments(recording_id, track_id, start_ns);
CREATE INDEX segments_by_label ON segments(label_id);
CREATE TABLE quality_flags(
  id INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  severity INTEGER NOT NULL CHECK(severity BETWEEN 1 AND 4),
  start_ns INTEGER,
  end_ns INTEGER,
  note TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  modified_at_ms INTEGER NOT NULL,
  CHECK((start_ns IS NULL AND end_ns IS NULL) OR (start_ns IS NOT NULL AND end_ns > start_ns)));
CREATE INDEX flags_by_recording ON quality_flags(recording_id);
CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK(status IN ('unreviewed','in_review','approved','rejected')),
  reason TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL);
CREATE INDEX reviews_by_recording ON reviews(recording_id, id);
CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL";

// Migration 2: consent ledger (hash-chained, append-only), redactions, exports.
constexpr const char *kMigration2 = R"SQL(
CREATE TABLE redactions(
  id INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  start_ns INTEGER NOT NULL,
  end_ns INTEGER NOT NULL,
  streams TEXT NOT NULL DEFAULT '[]',
  boxes TEXT NOT NULL DEFAULT '[]',
  reason TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  CHECK(end_ns > start_ns));
CREATE INDEX redactions_by_recording ON redactions(recording_id);
CREATE TABLE consent_events(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(kind IN ('granted','withdrawn','scope_changed')),
  worker_id TEXT NOT NULL,
  recording_id INTEGER,
  scope TEXT NOT NULL DEFAULT '',
  signature TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL);
CREATE INDEX consent_by_worker ON consent_events(worker_id, id);
CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
  BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END;
CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
  BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END;
CREATE TABLE exports(
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL,
  destination TEXT NOT NULL,
  manifest_hash TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL);
CREATE TABLE export_items(
  export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
  recording_id INTEGER NOT NULL,
  segment_id INTEGER,
  start_ns INTEGER NOT NULL,
  end_ns INTEGER NOT NULL);
CREATE INDEX export_items_by_export ON export_items(export_id);
CREATE INDEX export_items_by_recording ON export_items(recording_id);
)SQL";

// Migration 3: curation (docs/curation.md): the stored analysis of each recording and the state of
// its worst-first queue item (open, flagged, dismissed, reviewed; who and when).
constexpr const char *kMigration3 = R"SQL(
CREATE TABLE curation_analysis(
  recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
  manifest_hash TEXT NOT NULL,
  version INTEGER NOT NULL,
  computed_at_ms INTEGER NOT NULL,
  analysis TEXT NOT NULL);
CREATE TABLE curation_queue(
  recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open','flagged','dismissed','reviewed')),
  reviewer TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL DEFAULT 0,
  flag_id INTEGER REFERENCES quality_flags(id) ON DELETE SET NULL,
  note TEXT NOT NULL DEFAULT '');
)SQL";

// Migration 4: per-stream time offsets the user set (Offsets tab; docs/recording-context.md "Time").
constexpr const char *kMigration4 = R"SQL(
CREATE TABLE stream_offsets(
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  stream_id TEXT NOT NULL,
  offset_ns INTEGER NOT NULL,
  PRIMARY KEY(recording_id, stream_id));
)SQL";

const std::vector<const char *> &migrations() {
  static const std::vector<const char *> all{kMigration1, kMigration2, kMigration3, kMigration4};
  return all;
}

} // namespace

int ProjectSchema::currentVersion() {
  return static_cast<int>(migrations().size());
}

Status ProjectSchema::migrate(SqliteDb &db, int target) {
  if (target <= 0)
    target = currentVersion();
  auto version = db.queryInt("PRAGMA user_version");
  if (!version)
    return Status::failure(version.error());
  if (*version > currentVersion())
    return Status::failure(db.path() + ": project schema version " + std::to_string(*version) +
                           " is newer than this Tacit supports (" + std::to_string(currentVersion()) + ")");
  for (int v = static_cast<int>(*version) + 1; v <= target; ++v) {
    SqliteTransaction tx(db);
    if (!tx.begun().ok())
      return tx.begun();
    if (auto st = db.exec(migrations()[static_cast<std::size_t>(v - 1)]); !st.ok())
      return Status::failure(db.path() + ": migration " + std::to_string(v) + " failed: " + st.error());
    if (auto st = db.exec("PRAGMA user_version = " + std::to_string(v)); !st.ok())
      return st;
    if (auto st = tx.commit(); !st.ok())
      return st;
  }
  return okStatus();
}

} // namespace tacit::project
