#include "core/project/ProjectLock.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace tacit::project {

ProjectLock::~ProjectLock() {
  release();
}

std::filesystem::path ProjectLock::lockPathFor(const std::filesystem::path &projectPath) {
  // Symbolic links resolved: every path that reaches the file through links shares one lock (a file
  // with several hard links is never opened for writing, ProjectStore::open).
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(projectPath, ec), ec);
  if (ec || p.empty())
    p = projectPath;
  p += ".lock";
  return p;
}

bool ProjectLock::tryAcquire(const std::filesystem::path &projectPath) {
  release();
  const auto lockPath = lockPathFor(projectPath);
  const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    m_holder = lockPath.string() + ": cannot create lock file: " + std::strerror(errno);
    return false;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char buf[64] = {};
    const auto n = ::pread(fd, buf, sizeof(buf) - 1, 0);
    std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
      pid.pop_back();
    m_holder = pid.empty() ? std::string("another process") : "another process (pid " + pid + ")";
    ::close(fd);
    return false;
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] auto w = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
  m_fd = fd;
  m_holder.clear();
  return true;
}

bool ProjectLock::acquire(const std::filesystem::path &projectPath, int timeoutMs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (!tryAcquire(projectPath)) {
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

void ProjectLock::release() {
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
  }
}

} // namespace tacit::project
