#include "core/import/StagingFolder.h"

#include <QUuid>

namespace tacit::import {

namespace fs = std::filesystem;

Result<StagingFolder> StagingFolder::create(const fs::path &destination) {
  using R = Result<StagingFolder>;
  std::error_code ec;
  fs::path dest = fs::absolute(destination, ec);
  if (dest.filename().empty())
    dest = dest.parent_path();
  if (fs::exists(dest, ec) && !(fs::is_directory(dest, ec) && fs::is_empty(dest, ec)))
    return R::failure(destination.string() + ": already exists; choose a new output folder");
  fs::create_directories(dest.parent_path(), ec);
  if (ec)
    return R::failure(dest.parent_path().string() + ": cannot create folder: " + ec.message());
  StagingFolder s;
  s.m_destination = dest;
  const std::string token = QUuid::createUuid().toString(QUuid::Id128).left(8).toStdString();
  s.m_temp = dest.parent_path() / ("." + dest.filename().string() + ".importing-" + token);
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
  if (fs::is_directory(m_destination, ec) && fs::is_empty(m_destination, ec))
    fs::remove(m_destination, ec);
  fs::rename(m_temp, m_destination, ec);
  if (ec)
    return Status::failure(m_destination.string() + ": cannot move the import into place: " + ec.message());
  m_committed = true;
  return okStatus();
}

Status linkOrCopy(const fs::path &source, const fs::path &target) {
  std::error_code ec;
  fs::create_hard_link(source, target, ec);
  if (!ec)
    return okStatus();
  ec.clear();
  fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
  if (ec)
    return Status::failure(source.filename().string() + ": cannot copy into the recording: " + ec.message());
  return okStatus();
}

} // namespace tacit::import
