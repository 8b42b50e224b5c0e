#include "core/project/ProjectFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/project/ProjectSchema.h"
#include "core/project/ProjectTypes.h"

namespace tacit::project {

namespace fs = std::filesystem;

namespace {
constexpr char kSqliteMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

std::string notAProject(const fs::path &path, const std::string &why) {
  return path.string() + ": not a Tacit project (" + why + ")";
}

bool isDiskFull(const std::string &message) {
  return message.find("disk is full") != std::string::npos ||
         message.find("No space left on device") != std::string::npos;
}

void removeDatabaseFiles(const fs::path &db) {
  for (const char *suffix : {"", "-journal", "-wal", "-shm"}) {
    std::error_code ec;
    fs::remove(fs::path(db.string() + suffix), ec);
  }
}

void syncFolder(const fs::path &folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}
} // namespace

std::string describeDiskFull(const std::string &message, const fs::path &path) {
  return isDiskFull(message) ? path.string() + ": disk full" : message;
}

Status probeProjectFile(const fs::path &path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Status::failure(path.string() + ": " +
                           (errno == ENOENT ? std::string("no such project file") : std::strerror(errno)));
  if (S_ISDIR(st.st_mode))
    return Status::failure(path.string() + ": is a folder, expected a .tacit project file");
  if (!S_ISREG(st.st_mode))
    return Status::failure(notAProject(path, "not a regular file"));
  if (st.st_size == 0)
    return Status::failure(notAProject(path, "the file is empty"));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status::failure(path.string() + ": cannot open project: " + std::strerror(errno));
  char header[16] = {};
  const ssize_t n = ::pread(fd, header, sizeof header, 0);
  ::close(fd);
  if (n != static_cast<ssize_t>(sizeof header) || std::memcmp(header, kSqliteMagic, sizeof header) != 0)
    return Status::failure(notAProject(path, "not an SQLite database"));
  return okStatus();
}

Result<std::int64_t> openProjectReadOnly(SqliteDb &db, const fs::path &path) {
  using R = Result<std::int64_t>;
  if (auto st = db.open(path.string(), /*readOnly=*/true, /*create=*/false); !st)
    return R::failure(st.error());
  auto version = db.queryInt("PRAGMA user_version");
  if (version)
    return version;
  // A WAL project on read-only media: SQLite cannot create the -shm index, so read it as immutable
  // (nobody can change a file on read-only media while we read it).
  const std::string first = version.error();
  const bool mediaReadOnly = ::access(path.c_str(), W_OK) != 0 || ::access(path.parent_path().c_str(), W_OK) != 0;
  if (!mediaReadOnly)
    return R::failure(notAProject(path, first));
  if (auto st = db.open(path.string(), true, false, /*immutable=*/true); !st)
    return R::failure(st.error());
  version = db.queryInt("PRAGMA user_version");
  if (!version)
    return R::failure(notAProject(path, version.error()));
  return version;
}

Status checkProjectDatabase(SqliteDb &db, const fs::path &path, std::int64_t version) {
  if (version == 0) {
    auto tables = db.queryInt("SELECT count(*) FROM sqlite_master");
    if (!tables)
      return Status::failure(notAProject(path, tables.error()));
    return Status::failure(notAProject(path, *tables > 0 ? "unknown SQLite database" : "empty SQLite database"));
  }
  if (version > ProjectSchema::currentVersion())
    return Status::failure(path.string() + ": project schema version " + std::to_string(version) +
                           " is newer than this Tacit supports (" + std::to_string(ProjectSchema::currentVersion()) +
                           ")");
  auto check = db.prepare("PRAGMA quick_check");
  if (!check)
    return Status::failure(path.string() + ": project file is damaged: " + db.lastError());
  std::string problems;
  int shown = 0;
  while (check->step()) {
    auto line = check->text(0);
    if (line != "ok" && shown++ < 3)
      problems += (problems.empty() ? "" : "; ") + line;
  }
  if (check->failed())
    return Status::failure(path.string() + ": project file is damaged: " + db.lastError());
  if (!problems.empty())
    return Status::failure(path.string() + ": project file is damaged: " + problems + "; restore it from a backup");
  auto format = db.prepare("SELECT value FROM project_info WHERE key = 'format'");
  if (!format)
    return Status::failure(notAProject(path, "no project_info table"));
  if (!format->step() || format->text(0) != "tacit-project")
    return Status::failure(format->failed() ? path.string() + ": cannot read project: " + format->error()
                                            : notAProject(path, "unknown SQLite database"));
  return okStatus();
}

std::uintmax_t projectLinkCount(const fs::path &path) {
  std::error_code ec;
  const auto n = fs::hard_link_count(path, ec);
  return ec ? 1 : n;
}

Status createProjectFile(const fs::path &path, const std::string &author, int version) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec)))
    return Status::failure(path.string() + ": already exists");
  const fs::path dir = path.parent_path();
  const fs::path tmp = (dir.empty() ? fs::path(".") : dir) /
                       ("." + path.filename().string() + ".creating-" + std::to_string(::getpid()));
  removeDatabaseFiles(tmp); // left over by a crashed create of this pid number
  auto fail = [&](const std::string &message) {
    removeDatabaseFiles(tmp);
    return Status::failure(describeDiskFull(message, path));
  };
  {
    SqliteDb db;
    if (auto st = db.open(tmp.string(), false, true); !st)
      return fail(st.error());
    // A rollback journal while building, so the finished file is one self-contained database.
    if (auto st = db.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL"); !st)
      return fail(st.error());
    if (auto st = ProjectSchema::migrate(db, version); !st)
      return fail(st.error());
    if (auto st = db.exec("INSERT INTO project_info(key, value) VALUES ('format', 'tacit-project')"); !st)
      return fail(st.error());
    auto audit = db.prepare("INSERT INTO audit_log(at_ms, author, action, detail) VALUES (?, ?, ?, ?)");
    if (!audit)
      return fail(audit.error());
    if (auto st =
            audit->bind(1, nowMs()).bind(2, author).bind(3, "project.create").bind(4, path.filename().string()).run();
        !st)
      return fail(st.error());
    if (auto st = db.exec("PRAGMA journal_mode = WAL"); !st)
      return fail(st.error());
    db.close(); // checkpoints and removes the -wal file
  }
  if (fs::exists(fs::path(tmp.string() + "-wal"), ec))
    return fail(tmp.string() + ": could not finish writing the new project");
  // link() never replaces an existing file: a concurrent create of the same path loses cleanly.
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    if (err == EEXIST)
      return fail(path.string() + ": already exists");
    if (err != EPERM && err != EOPNOTSUPP && err != ENOSYS)
      return fail(path.string() + ": cannot create project: " + std::strerror(err));
    // File systems without hard links (FAT, some FUSE mounts).
    if (fs::exists(path, ec))
      return fail(path.string() + ": already exists");
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
      return fail(path.string() + ": cannot create project: " + std::strerror(errno));
  } else {
    ::unlink(tmp.c_str());
  }
  syncFolder(dir);
  return okStatus();
}

} // namespace tacit::project
