#include "core/util/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tacit {

std::string writeErrorMessage(const std::filesystem::path &path, int err) {
  if (err == ENOSPC || err == EDQUOT)
    return path.string() + ": disk full";
  return path.string() + ": write failed: " + std::strerror(err);
}

Status writeFileAtomically(const std::filesystem::path &path, std::string_view data) {
  const std::string tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::failure(path.string() + ": cannot create file: " + std::strerror(errno));
  const char *p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::failure(writeErrorMessage(path, err));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Status::failure(writeErrorMessage(path, err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::failure(path.string() + ": cannot replace file: " + why);
  }
  return okStatus();
}

Result<std::string> readSmallFile(const std::filesystem::path &path, std::size_t maxBytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Result<std::string>::failure(path.string() + ": file not found");
  if (std::filesystem::is_directory(path, ec))
    return Result<std::string>::failure(path.string() + ": is a folder, expected a file");
  FILE *f = std::fopen(path.c_str(), "rb");
  if (!f)
    return Result<std::string>::failure(path.string() + ": cannot open: " + std::strerror(errno));
  std::string out;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > maxBytes) {
      std::fclose(f);
      return Result<std::string>::failure(path.string() + ": file is too large");
    }
  }
  std::fclose(f);
  return out;
}

} // namespace tacit
