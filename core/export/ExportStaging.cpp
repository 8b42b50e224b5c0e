#include "core/export/ExportStaging.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <string>
#include <unistd.h>

namespace tacit::exporting {
namespace fs = std::filesystem;

namespace {
std::string tempPrefix(const fs::path &dest) {
  return "." + dest.filename().string() + ".tacit-export-";
}

// Removes staging folders of earlier exports to this destination whose process is gone (kill -9).
void removeStaleSiblings(const fs::path &dest) {
  std::error_code ec;
  const std::string prefix = tempPrefix(dest);
  for (const auto &e : fs::directory_iterator(dest.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0)
      continue;
    const std::string rest = name.substr(prefix.size());
    const long pid = std::strtol(rest.c_str(), nullptr, 10);
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH))
      continue; // still running (or not ours to judge)
    std::error_code rmEc;
    fs::remove_all(e.path(), rmEc);
  }
}

fs::path normalised(const fs::path &p) {
  return resolvedFolder(p);
}
} // namespace

bool ExportStaging::isEarlierExport(const fs::path &folder) {
  return hasMarkerFile(folder, "tacit_export.json", "\"tool\": \"tacit\"");
}

Status ExportStaging::check(const fs::path &destination, bool force, const std::vector<ProtectedFolder> &protect) {
  OutputFolderRules rules;
  rules.protect = protect;
  rules.force = force;
  rules.isReplaceable = &ExportStaging::isEarlierExport;
  rules.kind = "export";
  rules.marker = "tacit_export.json";
  return checkOutputFolder(destination, rules);
}

Result<ExportStaging> ExportStaging::begin(const fs::path &destination, bool force,
                                           const std::vector<ProtectedFolder> &protect) {
  using R = Result<ExportStaging>;
  if (Status s = check(destination, force, protect); !s)
    return R::failure(s.error());
  ExportStaging st;
  st.m_dest = normalised(destination);
  st.m_force = force;
  std::error_code ec;
  fs::create_directories(st.m_dest.parent_path(), ec);
  if (ec)
    return R::failure(st.m_dest.parent_path().string() + ": cannot create folder: " + ec.message());
  removeStaleSiblings(st.m_dest);
  static std::atomic<int> counter{0};
  st.m_temp =
      st.m_dest.parent_path() / (tempPrefix(st.m_dest) + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directory(st.m_temp, ec);
  if (ec)
    return R::failure(st.m_dest.parent_path().string() + ": cannot write here: " + ec.message());
  return R(std::move(st));
}

ExportStaging::ExportStaging(ExportStaging &&o) noexcept
    : m_dest(std::move(o.m_dest)), m_temp(std::move(o.m_temp)), m_force(o.m_force), m_done(o.m_done) {
  o.m_done = true;
}

ExportStaging::~ExportStaging() {
  if (!m_done && !m_temp.empty()) {
    std::error_code ec;
    fs::remove_all(m_temp, ec);
  }
}

Status ExportStaging::commit() {
  if (m_done)
    return Status::failure(m_dest.string() + ": export already committed");
  std::error_code ec;
  fs::path old;
  if (fs::exists(m_dest, ec)) {
    if (!fs::is_empty(m_dest, ec) && !(m_force && isEarlierExport(m_dest)))
      return Status::failure(m_dest.string() + ": folder is not empty (use --force to replace an earlier export)");
    old = m_dest.parent_path() / ("." + m_dest.filename().string() + ".tacit-old-" + std::to_string(::getpid()));
    fs::remove_all(old, ec);
    fs::rename(m_dest, old, ec);
    if (ec)
      return Status::failure(m_dest.string() + ": cannot move the old folder aside: " + ec.message());
  }
  fs::rename(m_temp, m_dest, ec);
  if (ec) {
    const std::string why = ec.message();
    if (!old.empty())
      fs::rename(old, m_dest, ec);
    return Status::failure(m_dest.string() + ": cannot move the export into place: " + why);
  }
  m_done = true;
  if (!old.empty())
    fs::remove_all(old, ec);
  return okStatus();
}

} // namespace tacit::exporting
