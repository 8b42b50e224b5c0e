#pragma once
// The .tacit file on disk, before ProjectStore trusts it: a probe that refuses empty, foreign and
// damaged files without writing a byte to them, a read-only open that also works on read-only media
// (immutable=1), and an atomic create (a full disk or a crash never leaves a half-made project).
#include <filesystem>
#include <string>

#include "core/project/SqliteDb.h"
#include "core/util/Result.h"

namespace tacit::project {

// Refuses what is not an SQLite file (missing, folder, empty, wrong header) with one clear line.
Status probeProjectFile(const std::filesystem::path &path);
// Opens with SQLITE_OPEN_READONLY; on read-only media, where SQLite cannot create the WAL index,
// retries with the immutable=1 URI. Reads user_version to prove the file is readable.
Result<std::int64_t> openProjectReadOnly(SqliteDb &db, const std::filesystem::path &path);
// The checks every open runs on the read-only connection: a Tacit schema (or an old one) and
// PRAGMA quick_check. Returns "<file>: project file is damaged: ..." and the like.
Status checkProjectDatabase(SqliteDb &db, const std::filesystem::path &path, std::int64_t version);
// Number of directory entries (hard links) naming the file; 1 for a normal file.
std::uintmax_t projectLinkCount(const std::filesystem::path &path);
// Creates a new empty project at `path` (schema at `version`, 0 = current) through a hidden temporary
// file that is linked into place only when complete. Fails when `path` exists.
Status createProjectFile(const std::filesystem::path &path, const std::string &author, int version = 0);
// "database or disk is full" from SQLite becomes "<file>: disk full".
std::string describeDiskFull(const std::string &message, const std::filesystem::path &path);

} // namespace tacit::project
