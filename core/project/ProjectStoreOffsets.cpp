// ProjectStore: per-stream time offsets the user set in the Offsets tab.
#include "core/project/ProjectStore.h"

namespace tacit::project {

Result<std::map<std::string, Timestamp>> ProjectStore::streamOffsets(Id recordingId) {
  using R = Result<std::map<std::string, Timestamp>>;
  auto st = m_db.prepare("SELECT stream_id, offset_ns FROM stream_offsets WHERE recording_id = ?");
  if (!st)
    return R::failure(st.error());
  st->bind(1, recordingId);
  std::map<std::string, Timestamp> out;
  while (st->step())
    out[st->text(0)] = st->int64(1);
  if (st->failed())
    return R::failure(st->error());
  return out;
}

Status ProjectStore::setStreamOffset(Id recordingId, const std::string &streamId, Timestamp offsetNs) {
  if (auto st = requireWritable(); !st.ok())
    return st;
  SqliteTransaction tx(m_db);
  auto st = offsetNs == 0
                ? m_db.prepare("DELETE FROM stream_offsets WHERE recording_id = ? AND stream_id = ?")
                : m_db.prepare("INSERT INTO stream_offsets(recording_id, stream_id, offset_ns) VALUES (?,?,?) "
                               "ON CONFLICT(recording_id, stream_id) DO UPDATE SET offset_ns = excluded.offset_ns");
  if (!st)
    return Status::failure(st.error());
  st->bind(1, recordingId).bind(2, streamId);
  if (offsetNs != 0)
    st->bind(3, offsetNs);
  if (auto s = st->run(); !s.ok())
    return s;
  audit("stream_offset.set", std::to_string(recordingId) + " " + streamId + " " + std::to_string(offsetNs));
  return tx.commit();
}

} // namespace tacit::project
