// ProjectStore: opening, locking, migration, integrity and recordings. Annotation tables are in
// ProjectStoreAnnotations.cpp, bulk import in ProjectStoreImport.cpp, ledgers in ProjectStoreLedger.cpp.
#include "core/project/ProjectStore.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <unistd.h>

#include "core/project/ProjectFile.h"
#include "core/project/ProjectSchema.h"
#include "core/project/RecordingFolder.h"
#include "core/util/Logging.h"

namespace tacit::project {

namespace fs = std::filesystem;

namespace {

std::string defaultAuthor() {
  const char *user = std::getenv("USER");
  if (user && *user)
    return user;
  if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name)
    return pw->pw_name;
  return "unknown";
}

constexpr const char *kRecordingColumns =
    "id, uuid, rel_path, manifest_hash, stream_sizes, worker_id, worker_name, task, site, started_at, device, "
    "duration_ns, added_at_ms, review_status";

RecordingRecord readRecording(const SqliteStatement &st) {
  RecordingRecord r;
  r.id = st.int64(0);
  r.uuid = st.text(1);
  r.relativePath = st.text(2);
  r.manifestHash = st.text(3);
  try {
    const auto sizes = nlohmann::json::parse(st.text(4));
    for (const auto &[k, v] : sizes.items())
      if (v.is_number_integer())
        r.streamSizes[k] = v.get<std::int64_t>();
  } catch (const nlohmann::json::exception &) {
  }
  r.workerId = st.text(5);
  r.workerName = st.text(6);
  r.task = st.text(7);
  r.site = st.text(8);
  r.startedAt = st.text(9);
  r.device = st.text(10);
  r.durationNs = st.int64(11);
  r.addedAtMs = st.int64(12);
  r.status = reviewStatusFromName(st.text(13)).value_or(ReviewStatus::Unreviewed);
  return r;
}

std::string streamSizesJson(const RecordingRecord &r) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto &[k, v] : r.streamSizes)
    j[k] = v;
  return j.dump();
}

} // namespace

ProjectStore::~ProjectStore() {
  m_db.close();
  m_lock.release();
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::create(const fs::path &path) {
  OpenOptions o;
  o.create = true;
  return open(path, o);
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const fs::path &path, OpenOptions options) {
  using R = Result<std::unique_ptr<ProjectStore>>;
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (options.create && exists)
    return R::failure(path.string() + ": already exists");
  if (!options.create && !exists)
    return R::failure(path.string() + ": no such project file");
  if (options.create && options.readOnly)
    return R::failure(path.string() + ": cannot create a project read-only");

  std::unique_ptr<ProjectStore> store(new ProjectStore());
  store->m_path = fs::absolute(path, ec).lexically_normal();
  if (ec)
    store->m_path = path;
  store->m_author = options.author.empty() ? defaultAuthor() : options.author;
  if (options.create)
    if (auto st = createProjectFile(path, store->m_author); !st)
      return R::failure(st.error());

  // Everything is checked through a read-only connection first: a file that is empty, foreign or
  // damaged is refused without a byte written to it.
  if (auto st = probeProjectFile(path); !st)
    return R::failure(st.error());
  auto &db = store->m_db;
  auto version = openProjectReadOnly(db, path);
  if (!version)
    return R::failure(version.error());
  if (auto st = checkProjectDatabase(db, path, *version); !st)
    return R::failure(st.error());

  std::vector<std::string> warnings;
  auto readOnlyBecause = [&](std::string reason) {
    store->m_readOnly = true;
    store->m_readOnlyReason = std::move(reason);
    warnings.push_back(store->m_readOnlyReason);
  };
  if (options.readOnly) {
    store->m_readOnly = true;
    store->m_readOnlyReason = "opened read-only on request";
  } else if (const auto links = projectLinkCount(path); links > 1) {
    // SQLite keys its WAL files by path: two names for one file would be two journals, and commits
    // made through one name get lost through the other.
    readOnlyBecause(path.string() + ": the file has " + std::to_string(links) +
                    " hard links (more than one name); opened read-only. Keep one name (copy the file "
                    "instead of linking it) to edit it");
  } else if (!(options.lockWaitMs > 0 ? store->m_lock.acquire(path, options.lockWaitMs)
                                      : store->m_lock.tryAcquire(path))) {
    readOnlyBecause(path.string() + ": open in " + store->m_lock.holderDescription() + "; opened read-only");
  }

  if (store->m_readOnly) {
    if (*version < ProjectSchema::currentVersion())
      return R::failure(path.string() + ": schema version " + std::to_string(*version) +
                        " needs an upgrade, which a read-only open cannot do");
  } else {
    if (auto st = db.open(path.string(), false, false); !st)
      return R::failure(st.error());
    // WAL + FULL: a commit is on disk when it returns, and a kill -9 never leaves a partial state.
    if (auto st = db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL"); !st.ok())
      return R::failure(st.error());
    if (auto st = ProjectSchema::migrate(db); !st.ok())
      return R::failure(st.error());
  }
  if (auto st = db.exec("PRAGMA foreign_keys = ON"); !st.ok())
    return R::failure(st.error());
  R result(std::move(store));
  for (auto &w : warnings)
    result.addWarning(w);
  return result;
}

Status ProjectStore::createAtVersion(const fs::path &path, int version) {
  return createProjectFile(path, defaultAuthor(), version);
}

int ProjectStore::schemaVersion() {
  auto v = m_db.queryInt("PRAGMA user_version");
  return v ? static_cast<int>(*v) : -1;
}

Status ProjectStore::requireWritable() const {
  if (m_readOnly)
    return Status::failure(m_path.string() + ": project is read-only" +
                           (m_readOnlyReason.empty() ? "" : " (" + m_readOnlyReason + ")"));
  return okStatus();
}

Status ProjectStore::audit(const std::string &action, const std::string &detail) {
  auto st = m_db.prepare("INSERT INTO audit_log(at_ms, author, action, detail) VALUES (?, ?, ?, ?)");
  if (!st)
    return Status::failure(st.error());
  return st->bind(1, nowMs()).bind(2, m_author).bind(3, action).bind(4, detail).run();
}

Status ProjectStore::appendAudit(const std::string &action, const std::string &detail) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  return audit(action, detail);
}

Result<std::vector<std::string>> ProjectStore::checkIntegrity() {
  std::vector<std::string> problems;
  auto st = m_db.prepare("PRAGMA integrity_check");
  if (!st)
    return Result<std::vector<std::string>>::failure(st.error());
  while (st->step())
    if (st->text(0) != "ok")
      problems.push_back(m_path.string() + ": " + st->text(0));
  if (st->failed())
    return Result<std::vector<std::string>>::failure(st->error());
  auto fk = m_db.prepare("PRAGMA foreign_key_check");
  if (!fk)
    return Result<std::vector<std::string>>::failure(fk.error());
  while (fk->step())
    problems.push_back(m_path.string() + ": table " + fk->text(0) + " row " + std::to_string(fk->int64(1)) +
                       " references a missing row in " + fk->text(2));
  if (schemaVersion() >= 2) {
    auto chain = verifyConsentChain();
    if (!chain)
      problems.push_back(chain.error());
    else if (*chain)
      problems.push_back(m_path.string() + ": consent ledger chain broken at row " + std::to_string(**chain));
  }
  return problems;
}

// --- recordings --------------------------------------------------------------------------------------

Result<RecordingRecord> ProjectStore::addRecording(const fs::path &folder) {
  auto info = readRecordingFolder(folder);
  if (!info)
    return Result<RecordingRecord>::failure(info.error());
  RecordingRecord r = info->record;
  r.relativePath = relativeFolderPath(folder, projectDir());
  auto result = insertRecordingRecord(std::move(r));
  for (auto &w : info->warnings)
    result.addWarning(w);
  return result;
}

Result<RecordingRecord> ProjectStore::insertRecordingRecord(RecordingRecord r) {
  using R = Result<RecordingRecord>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  auto existing = recordingByUuid(r.uuid);
  if (!existing)
    return R::failure(existing.error());
  if (*existing)
    return R::failure(m_path.string() + ": recording " + r.uuid + " is already in the project (as " +
                      (*existing)->relativePath + ")");
  if (r.addedAtMs == 0)
    r.addedAtMs = nowMs();
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto st = m_db.prepare("INSERT INTO recordings(uuid, rel_path, manifest_hash, stream_sizes, worker_id, worker_name, "
                         "task, site, started_at, device, duration_ns, added_at_ms, review_status) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!st)
    return R::failure(st.error());
  st->bind(1, r.uuid).bind(2, r.relativePath).bind(3, r.manifestHash).bind(4, streamSizesJson(r));
  st->bind(5, r.workerId).bind(6, r.workerName).bind(7, r.task).bind(8, r.site).bind(9, r.startedAt);
  st->bind(10, r.device).bind(11, r.durationNs).bind(12, r.addedAtMs).bind(13, reviewStatusName(r.status));
  if (auto s = st->run(); !s.ok())
    return R::failure(s.error());
  r.id = m_db.lastInsertId();
  if (auto s = audit("recording.add", r.uuid + " " + r.relativePath); !s.ok())
    return R::failure(s.error());
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  return r;
}

Result<std::vector<RecordingRecord>> ProjectStore::recordings() {
  using R = Result<std::vector<RecordingRecord>>;
  auto st = m_db.prepare(std::string("SELECT ") + kRecordingColumns + " FROM recordings ORDER BY id");
  if (!st)
    return R::failure(st.error());
  std::vector<RecordingRecord> out;
  while (st->step())
    out.push_back(readRecording(*st));
  if (st->failed())
    return R::failure(st->error());
  return out;
}

Result<RecordingRecord> ProjectStore::recording(Id id) {
  using R = Result<RecordingRecord>;
  auto st = m_db.prepare(std::string("SELECT ") + kRecordingColumns + " FROM recordings WHERE id = ?");
  if (!st)
    return R::failure(st.error());
  st->bind(1, id);
  if (!st->step())
    return R::failure(st->failed() ? st->error() : m_path.string() + ": no recording with id " + std::to_string(id));
  return readRecording(*st);
}

Result<std::optional<RecordingRecord>> ProjectStore::recordingByUuid(const std::string &uuid) {
  using R = Result<std::optional<RecordingRecord>>;
  auto st = m_db.prepare(std::string("SELECT ") + kRecordingColumns + " FROM recordings WHERE uuid = ?");
  if (!st)
    return R::failure(st.error());
  st->bind(1, uuid);
  if (st->step())
    return std::optional<RecordingRecord>(readRecording(*st));
  if (st->failed())
    return R::failure(st->error());
  return std::optional<RecordingRecord>();
}

fs::path ProjectStore::absoluteFolder(const RecordingRecord &record) const {
  const fs::path rel(record.relativePath);
  return rel.is_absolute() ? rel : (projectDir() / rel).lexically_normal();
}

MediaState ProjectStore::mediaState(const RecordingRecord &record) const {
  return checkRecordingFolder(absoluteFolder(record), record);
}

Result<std::vector<RecordingSummary>> ProjectStore::recordingSummaries(bool checkMedia) {
  using R = Result<std::vector<RecordingSummary>>;
  auto recs = recordings();
  if (!recs)
    return R::failure(recs.error());
  std::unordered_map<Id, std::size_t> index;
  std::vector<RecordingSummary> out;
  out.reserve(recs->size());
  for (auto &r : *recs) {
    index[r.id] = out.size();
    RecordingSummary s;
    s.record = std::move(r);
    out.push_back(std::move(s));
  }
  auto seg = m_db.prepare("SELECT recording_id, count(*) FROM segments GROUP BY recording_id");
  if (!seg)
    return R::failure(seg.error());
  while (seg->step())
    if (auto it = index.find(seg->int64(0)); it != index.end())
      out[it->second].segmentCount = static_cast<int>(seg->int64(1));
  auto fl = m_db.prepare("SELECT recording_id, count(*), max(severity) FROM quality_flags GROUP BY recording_id");
  if (!fl)
    return R::failure(fl.error());
  while (fl->step())
    if (auto it = index.find(fl->int64(0)); it != index.end()) {
      out[it->second].flagCount = static_cast<int>(fl->int64(1));
      out[it->second].maxFlagSeverity = static_cast<int>(fl->int64(2));
    }
  if (checkMedia)
    for (auto &s : out)
      s.media = mediaState(s.record);
  return out;
}

Result<RecordingRecord> ProjectStore::relinkRecording(Id id, const fs::path &folder) {
  using R = Result<RecordingRecord>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  auto rec = recording(id);
  if (!rec)
    return rec;
  auto info = readRecordingFolder(folder);
  if (!info)
    return R::failure(info.error());
  if (info->record.uuid != rec->uuid)
    return R::failure((folder / "recording.json").string() + ": holds recording " + info->record.uuid + ", not " +
                      rec->uuid);
  R result = *rec;
  if (info->record.manifestHash != rec->manifestHash)
    result.addWarning((folder / "recording.json").string() + ": content changed since the recording was added");
  RecordingRecord updated = *rec;
  updated.relativePath = relativeFolderPath(folder, projectDir());
  updated.manifestHash = info->record.manifestHash;
  updated.streamSizes = info->record.streamSizes;
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto st = m_db.prepare("UPDATE recordings SET rel_path = ?, manifest_hash = ?, stream_sizes = ? WHERE id = ?");
  if (!st)
    return R::failure(st.error());
  st->bind(1, updated.relativePath).bind(2, updated.manifestHash).bind(3, streamSizesJson(updated)).bind(4, id);
  if (auto s = st->run(); !s.ok())
    return R::failure(s.error());
  if (auto s = audit("recording.relink", rec->uuid + " " + rec->relativePath + " -> " + updated.relativePath); !s.ok())
    return R::failure(s.error());
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  R out(updated);
  for (auto &w : result.warnings())
    out.addWarning(w);
  return out;
}

Result<std::vector<RecordingRecord>> ProjectStore::relinkMissingUnder(const fs::path &searchRoot) {
  using R = Result<std::vector<RecordingRecord>>;
  auto recs = recordings();
  if (!recs)
    return R::failure(recs.error());
  std::unordered_map<std::string, Id> missing;
  for (const auto &r : *recs)
    if (mediaState(r) == MediaState::Missing)
      missing[r.uuid] = r.id;
  std::vector<RecordingRecord> relinked;
  std::error_code ec;
  fs::recursive_directory_iterator it(searchRoot, fs::directory_options::skip_permission_denied, ec), end;
  if (ec)
    return R::failure(searchRoot.string() + ": cannot search: " + ec.message());
  for (; it != end && !missing.empty(); it.increment(ec)) {
    if (ec)
      break;
    if (it.depth() > 3) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_directory(ec) || !fs::exists(it->path() / "recording.json", ec))
      continue;
    auto info = readRecordingFolder(it->path());
    if (!info)
      continue;
    auto m = missing.find(info->record.uuid);
    if (m == missing.end())
      continue;
    auto done = relinkRecording(m->second, it->path());
    if (!done)
      return R::failure(done.error());
    relinked.push_back(*done);
    missing.erase(m);
  }
  return relinked;
}

} // namespace tacit::project
