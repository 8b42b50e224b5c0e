#pragma once
// Atomic dataset folders: everything is written into a hidden temporary sibling of the destination
// (".<name>.tacit-export-<pid>-<n>") and renamed into place only when complete. Destroying an
// uncommitted staging removes it, so an error or a cancel leaves nothing; a killed process leaves
// only the hidden sibling, which the next export to the same destination removes.
#include <filesystem>
#include <vector>

#include "core/util/OutputFolder.h"
#include "core/util/Result.h"

namespace tacit::exporting {

class ExportStaging {
public:
  ExportStaging(ExportStaging &&other) noexcept;
  ExportStaging &operator=(ExportStaging &&) = delete;
  ~ExportStaging();
  // Fails when `destination` breaks the output folder rule (core/util/OutputFolder.h: never a
  // recording, the project's folder, the current folder, home or `/`; `force` replaces only an earlier
  // export, marked by its tacit_export.json) or cannot be created.
  static Result<ExportStaging> begin(const std::filesystem::path &destination, bool force,
                                     const std::vector<ProtectedFolder> &protect = {});
  // Checks what begin() would refuse, without creating anything (dry runs, the GUI dialog).
  static Status check(const std::filesystem::path &destination, bool force,
                      const std::vector<ProtectedFolder> &protect = {});
  // True when the folder holds the tacit_export.json of an earlier export.
  static bool isEarlierExport(const std::filesystem::path &folder);

  const std::filesystem::path &dir() const { return m_temp; }
  const std::filesystem::path &destination() const { return m_dest; }
  // Renames the staging folder to the destination (replacing an old one when forced).
  Status commit();

private:
  ExportStaging() = default;
  std::filesystem::path m_dest, m_temp;
  bool m_force = false;
  bool m_done = false;
};

} // namespace tacit::exporting
