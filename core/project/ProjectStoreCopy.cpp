// ProjectStore::saveCopyAs: File → Save Project As. VACUUM INTO writes a consistent snapshot even
// while this connection is open (and read-only); recording paths are relative to the project file,
// so the copy gets them rewritten for its own folder.
#include "core/project/ProjectStore.h"

#include "core/project/RecordingFolder.h"

namespace tacit::project {

namespace fs = std::filesystem;

Status ProjectStore::saveCopyAs(const fs::path &dest) {
  std::error_code ec;
  const fs::path target = fs::absolute(dest, ec).lexically_normal();
  if (fs::exists(target, ec))
    return Status::failure(target.string() + ": already exists");
  if (target == m_path)
    return Status::failure(target.string() + ": is the open project");
  auto recs = recordings();
  if (!recs)
    return Status::failure(recs.error());
  auto vacuum = m_db.prepare("VACUUM INTO ?");
  if (!vacuum)
    return Status::failure(vacuum.error());
  vacuum->bind(1, target.string());
  if (auto st = vacuum->run(); !st.ok())
    return Status::failure(target.string() + ": cannot write the copy: " + st.error());

  SqliteDb copy;
  if (auto st = copy.open(target.string(), false, false); !st.ok())
    return st;
  SqliteTransaction tx(copy);
  if (!tx.begun().ok())
    return tx.begun();
  auto update = copy.prepare("UPDATE recordings SET rel_path = ? WHERE id = ?");
  if (!update)
    return Status::failure(update.error());
  for (const auto &r : *recs) {
    update->reset();
    update->bind(1, relativeFolderPath(absoluteFolder(r), target.parent_path())).bind(2, r.id);
    if (auto st = update->run(); !st.ok())
      return Status::failure(target.string() + ": cannot update recording paths: " + st.error());
  }
  return tx.commit();
}

} // namespace tacit::project
