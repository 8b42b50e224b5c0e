#pragma once
// Single-writer lock for a project: an exclusive flock() on "<project>.lock" holding the owner's pid.
// The kernel drops the lock when the owner dies (even kill -9), so a stale file never blocks anyone.
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
  void release();
  bool held() const { return m_fd >= 0; }
  const std::string &holderDescription() const { return m_holder; }
  static std::filesystem::path lockPathFor(const std::filesystem::path &projectPath);

private:
  int m_fd = -1;
  std::string m_holder;
};

} // namespace tacit::project
