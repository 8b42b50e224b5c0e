#pragma once
// Thin RAII wrapper over the SQLite C API: one connection, prepared statements, transactions.
// Every failing call turns into a one-line message that names the database file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tacit::project {

class SqliteDb;

class SqliteStatement {
public:
  SqliteStatement() = default;
  SqliteStatement(SqliteDb *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
  SqliteStatement(SqliteStatement &&o) noexcept;
  SqliteStatement &operator=(SqliteStatement &&o) noexcept;
  SqliteStatement(const SqliteStatement &) = delete;
  SqliteStatement &operator=(const SqliteStatement &) = delete;
  ~SqliteStatement();

  bool valid() const { return m_stmt != nullptr; }
  // 1-based parameter indices, as in SQLite.
  SqliteStatement &bind(int index, std::int64_t value);
  SqliteStatement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  SqliteStatement &bind(int index, double value);
  SqliteStatement &bind(int index, std::string_view value);
  SqliteStatement &bind(int index, const char *value) { return bind(index, std::string_view(value)); }
  SqliteStatement &bind(int index, const std::string &value) { return bind(index, std::string_view(value)); }
  SqliteStatement &bindNull(int index);
  // A row id, or NULL when 0 (optional foreign keys: parent label, segment label, ...).
  SqliteStatement &bindIdOrNull(int index, std::int64_t id) { return id ? bind(index, id) : bindNull(index); }
  SqliteStatement &bindBlob(int index, const void *data, int bytes);

  // Returns true when a row is available, false when done; errors go to error().
  bool step();
  bool failed() const { return !m_error.empty(); }
  const std::string &error() const { return m_error; }
  // Runs to completion; returns an error status on failure.
  Status run();
  void reset();

  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  bool isNull(int col) const;
  std::string blob(int col) const;

private:
  SqliteDb *m_db = nullptr;
  sqlite3_stmt *m_stmt = nullptr;
  std::string m_error;
};

class SqliteDb {
public:
  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(const SqliteDb &) = delete;
  SqliteDb &operator=(const SqliteDb &) = delete;

  // immutable: read-only media (URI immutable=1: no locks, no WAL index; readOnly must be true).
  Status open(const std::string &path, bool readOnly, bool create, bool immutable = false);
  void close();
  bool isOpen() const { return m_db != nullptr; }
  const std::string &path() const { return m_path; }
  sqlite3 *handle() const { return m_db; }

  Status exec(std::string_view sql);
  Result<SqliteStatement> prepare(std::string_view sql);
  // Single integer result of a query ("PRAGMA user_version").
  Result<std::int64_t> queryInt(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  std::string lastError() const;
  // "<file>: <what>: <sqlite message>"
  std::string describe(std::string_view what) const;

private:
  sqlite3 *m_db = nullptr;
  std::string m_path;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() succeeded.
class SqliteTransaction {
public:
  explicit SqliteTransaction(SqliteDb &db);
  ~SqliteTransaction();
  const Status &begun() const { return m_begin; }
  Status commit();

private:
  SqliteDb &m_db;
  Status m_begin;
  bool m_done = false;
};

} // namespace tacit::project
