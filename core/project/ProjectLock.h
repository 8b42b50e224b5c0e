#pragma once
// Single-writer lock for a project: an exclusive flock() on "<project>.lock" holding the owner's pid.
// The kernel drops the lock when the owner dies (even kill -9), so a stale file never blocks anyone.
// The lock belongs to the file, not to the path used: symbolic links are resolved first, and
// ProjectStore refuses to write a file that has a second hard link.
#include <filesystem>
#include <string>

namespace tacit::project {

class ProjectLock {
public:
  ProjectLock() = default;
  ~ProjectLock();
  ProjectLock(const ProjectLock &) = delete;
  ProjectLock &operator=(const ProjectLock &) = delete;

  // True when this process now holds the lock. On false, holderDescription() says who has it.
  bool tryAcquire(const std::filesystem::path &projectPath);
  // Waits up to timeoutMs for the lock (polling), e.g. to record an export while another command
  // briefly holds the project. False on timeout, with holderDescription() set.
  bool acquire(const std::filesystem::path &projectPath, int timeoutMs);
  void release();
  bool held() const { return m_fd >= 0; }
  const std::string &holderDescription() const { return m_holder; }
  static std::filesystem::path lockPathFor(const std::filesystem::path &projectPath);

private:
  int m_fd = -1;
  std::string m_holder;
};

} // namespace tacit::project
