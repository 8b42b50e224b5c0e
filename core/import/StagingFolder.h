#pragma once
// Importers write into a temporary sibling of the destination and rename it into place only when
// everything succeeded, so a failure or a crash never leaves a partial recording folder.
#include <filesystem>

#include "core/util/Result.h"

namespace tacit::import {

class StagingFolder {
public:
  // Fails when `destination` exists (and is not an empty folder) or its parent cannot be written.
  static Result<StagingFolder> create(const std::filesystem::path &destination);
  StagingFolder(StagingFolder &&other) noexcept;
  StagingFolder &operator=(StagingFolder &&) = delete;
  ~StagingFolder(); // removes the temporary folder unless committed

  const std::filesystem::path &path() const { return m_temp; }
  const std::filesystem::path &destination() const { return m_destination; }
  // Renames the temporary folder to the destination.
  Status commit();

private:
  StagingFolder() = default;
  std::filesystem::path m_temp, m_destination;
  bool m_committed = false;
};

// Puts `source` into the folder as `name`: a hard link when possible (big media are not copied),
// else a copy. Never modifies the source.
Status linkOrCopy(const std::filesystem::path &source, const std::filesystem::path &target);

} // namespace tacit::import
