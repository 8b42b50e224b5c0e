#include "core/util/StagingFolder.h"

#include <QUuid>

namespace tacit {

namespace fs = std::filesystem;

Result<StagingFolder> StagingFolder::create(const fs::path &destination, const OutputFolderRules &rules) {
  using R = Result<StagingFolder>;
  if (Status st = checkOutputFolder(destination, rules); !st)
    return R::failure(st.error());
  std::error_code ec;
  const fs::path dest = resolvedFolder(destination);
  fs::create_directories(dest.parent_path(), ec);
  if (ec)
    return R::failure(dest.string() + ": cannot create the parent folder: " + ec.message());
  StagingFolder s;
  s.m_destination = dest;
  const std::string token = QUuid::createUuid().toString(QUuid::Id128).left(8).toStdString();
  s.m_temp = dest.parent_path() / ("." + dest.filename().string() + "." + rules.kind + "-" + token);
  fs::create_directory(s.m_temp, ec);
  if (ec)
    return R::failure(s.m_temp.string() + ": cannot create folder: " + ec.message());
  return s;
}

StagingFolder::StagingFolder(StagingFolder &&o) noexcept
    : m_temp(std::move(o.m_temp)), m_destination(std::move(o.m_destination)), m_committed(o.m_committed) {
  o.m_committed = true; // the moved-from object owns nothing
}

StagingFolder::~StagingFolder() {
  if (!m_committed && !m_temp.empty()) {
    std::error_code ec;
    fs::remove_all(m_temp, ec);
  }
}

Status StagingFolder::commit() {
  std::error_code ec;
  fs::path old;
  if (fs::is_directory(m_destination, ec)) {
    if (fs::is_empty(m_destination, ec)) {
      fs::remove(m_destination, ec);
    } else {
      old = m_temp;
      old += ".old";
      fs::rename(m_destination, old, ec);
      if (ec)
        return Status::failure(m_destination.string() + ": cannot move the old folder aside: " + ec.message());
    }
  }
  fs::rename(m_temp, m_destination, ec);
  if (ec) {
    const std::string why = ec.message();
    if (!old.empty())
      fs::rename(old, m_destination, ec);
    return Status::failure(m_destination.string() + ": cannot move the new folder into place: " + why);
  }
  m_committed = true;
  if (!old.empty())
    fs::remove_all(old, ec);
  return okStatus();
}

std::string StagingFolder::inDestination(std::string message) const {
  const std::string from = m_temp.string(), to = m_destination.string();
  for (std::size_t at = message.find(from); !from.empty() && at != std::string::npos;
       at = message.find(from, at + to.size()))
    message.replace(at, from.size(), to);
  return message;
}

} // namespace tacit
