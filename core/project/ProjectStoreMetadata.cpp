// ProjectStore: editing a recording's descriptive fields (worker, task, site).
#include "core/project/ProjectStore.h"

namespace tacit::project {

namespace {
std::string trimmed(const std::string &s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}
} // namespace

Result<RecordingRecord> ProjectStore::setRecordingMetadata(Id id, const RecordingMetadata &metadata) {
  using R = Result<RecordingRecord>;
  if (auto st = requireWritable(); !st.ok())
    return R::failure(st.error());
  RecordingMetadata m{trimmed(metadata.workerId), trimmed(metadata.workerName), trimmed(metadata.task),
                      trimmed(metadata.site)};
  auto before = recording(id);
  if (!before)
    return R::failure(before.error());
  SqliteTransaction tx(m_db);
  if (!tx.begun().ok())
    return R::failure(tx.begun().error());
  auto st = m_db.prepare("UPDATE recordings SET worker_id = ?, worker_name = ?, task = ?, site = ? WHERE id = ?");
  if (!st)
    return R::failure(st.error());
  st->bind(1, m.workerId).bind(2, m.workerName).bind(3, m.task).bind(4, m.site).bind(5, id);
  if (auto s = st->run(); !s.ok())
    return R::failure(m_path.string() + ": cannot edit recording " + std::to_string(id) + ": " + s.error());
  if (auto s =
          audit("recording.metadata", before->uuid + " worker=" + m.workerId + " task=" + m.task + " site=" + m.site);
      !s.ok())
    return R::failure(s.error());
  if (auto s = tx.commit(); !s.ok())
    return R::failure(s.error());
  RecordingRecord after = *before;
  after.workerId = m.workerId;
  after.workerName = m.workerName;
  after.task = m.task;
  after.site = m.site;
  return after;
}

} // namespace tacit::project
