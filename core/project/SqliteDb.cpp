#include "core/project/SqliteDb.h"

#include <cstdio>
#include <sqlite3.h>

#include "core/util/Utf8.h"

namespace tacit::project {

SqliteStatement::SqliteStatement(SqliteStatement &&o) noexcept
    : m_db(o.m_db), m_stmt(o.m_stmt), m_error(std::move(o.m_error)) {
  o.m_stmt = nullptr;
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&o) noexcept {
  if (this != &o) {
    if (m_stmt)
      sqlite3_finalize(m_stmt);
    m_db = o.m_db;
    m_stmt = o.m_stmt;
    m_error = std::move(o.m_error);
    o.m_stmt = nullptr;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() {
  if (m_stmt)
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(m_stmt, index, value);
  return *this;
}
SqliteStatement &SqliteStatement::bind(int index, double value) {
  sqlite3_bind_double(m_stmt, index, value);
  return *this;
}
SqliteStatement &SqliteStatement::bind(int index, std::string_view value) {
  sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
SqliteStatement &SqliteStatement::bindNull(int index) {
  sqlite3_bind_null(m_stmt, index);
  return *this;
}
SqliteStatement &SqliteStatement::bindBlob(int index, const void *data, int bytes) {
  sqlite3_bind_blob(m_stmt, index, data, bytes, SQLITE_TRANSIENT);
  return *this;
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW)
    return true;
  if (rc != SQLITE_DONE)
    m_error = m_db->describe("statement failed");
  return false;
}

Status SqliteStatement::run() {
  while (step()) {
  }
  if (failed()) {
    std::string e = m_error;
    reset();
    return Status::failure(e);
  }
  reset();
  return okStatus();
}

void SqliteStatement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  m_error.clear();
}

std::int64_t SqliteStatement::int64(int col) const {
  return sqlite3_column_int64(m_stmt, col);
}
double SqliteStatement::real(int col) const {
  return sqlite3_column_double(m_stmt, col);
}
std::string SqliteStatement::text(int col) const {
  const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
  // Projects written before imports checked UTF-8 may hold invalid text: read it as U+FFFD so JSON
  // output (labels export, manifests) can never fail on it.
  return p ? toValidUtf8(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))) : std::string();
}
bool SqliteStatement::isNull(int col) const {
  return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::string SqliteStatement::blob(int col) const {
  const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
}

SqliteDb::~SqliteDb() {
  close();
}

namespace {
// "file:" URI of a path (RFC 3986 escapes for the characters SQLite's URI parser treats specially).
std::string fileUri(const std::string &path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  return uri;
}
} // namespace

Status SqliteDb::open(const std::string &path, bool readOnly, bool create, bool immutable) {
  close();
  m_path = path;
  int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !readOnly)
    flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  std::string name = path;
  if (immutable && readOnly) {
    flags |= SQLITE_OPEN_URI;
    name = fileUri(path) + "?mode=ro&immutable=1";
  }
  const int rc = sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open project: " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
    close();
    return Status::failure(msg);
  }
  sqlite3_extended_result_codes(m_db, 1);
  sqlite3_busy_timeout(m_db, 5000);
  return okStatus();
}

void SqliteDb::close() {
  if (m_db) {
    sqlite3_close_v2(m_db);
    m_db = nullptr;
  }
}

Status SqliteDb::exec(std::string_view sql) {
  char *err = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = m_path + ": " + (err ? err : "SQL error");
    sqlite3_free(err);
    return Status::failure(msg);
  }
  return okStatus();
}

Result<SqliteStatement> SqliteDb::prepare(std::string_view sql) {
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
    return Result<SqliteStatement>::failure(describe("cannot prepare statement"));
  return SqliteStatement(this, stmt);
}

Result<std::int64_t> SqliteDb::queryInt(std::string_view sql) {
  auto st = prepare(sql);
  if (!st)
    return Result<std::int64_t>::failure(st.error());
  if (!st->step())
    return Result<std::int64_t>::failure(st->failed() ? st->error() : describe("query returned no row"));
  return st->int64(0);
}

std::int64_t SqliteDb::lastInsertId() const {
  return sqlite3_last_insert_rowid(m_db);
}
int SqliteDb::changes() const {
  return sqlite3_changes(m_db);
}
std::string SqliteDb::lastError() const {
  return m_db ? sqlite3_errmsg(m_db) : "not open";
}
std::string SqliteDb::describe(std::string_view what) const {
  return m_path + ": " + std::string(what) + ": " + lastError();
}

SqliteTransaction::SqliteTransaction(SqliteDb &db) : m_db(db), m_begin(db.exec("BEGIN IMMEDIATE")) {
  if (!m_begin.ok())
    m_done = true;
}

SqliteTransaction::~SqliteTransaction() {
  if (!m_done)
    m_db.exec("ROLLBACK");
}

Status SqliteTransaction::commit() {
  if (m_done)
    return m_begin.ok() ? Status::failure(m_db.path() + ": transaction already finished") : m_begin;
  auto st = m_db.exec("COMMIT");
  if (!st.ok()) {
    m_db.exec("ROLLBACK");
  }
  m_done = true;
  return st;
}

} // namespace tacit::project
