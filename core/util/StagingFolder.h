#pragma once
// Importers and the sample generator write into a hidden temporary sibling of the destination and
// rename it into place only when everything succeeded, so a failure, a full disk or a crash never
// leaves a partial folder. The destination follows the output folder rule (core/util/OutputFolder.h).
#include <filesystem>
#include <string>
#include <vector>

#include "core/util/OutputFolder.h"
#include "core/util/Result.h"

namespace tacit {

class StagingFolder {
public:
  // Fails when `destination` breaks `rules` or its parent cannot be written.
  static Result<StagingFolder> create(const std::filesystem::path &destination, const OutputFolderRules &rules);
  StagingFolder(StagingFolder &&other) noexcept;
  StagingFolder &operator=(StagingFolder &&) = delete;
  ~StagingFolder(); // removes the temporary folder unless committed

  const std::filesystem::path &path() const { return m_temp; }
  const std::filesystem::path &destination() const { return m_destination; }
  // Renames the temporary folder to the destination; an existing destination (empty, or replaceable
  // under the rules) is moved aside first and removed after.
  Status commit();
  // `message` with the temporary folder's path replaced by the destination's (errors name the
  // folder the user asked for, not the hidden one).
  std::string inDestination(std::string message) const;

private:
  StagingFolder() = default;
  std::filesystem::path m_temp, m_destination;
  bool m_committed = false;
};

} // namespace tacit
