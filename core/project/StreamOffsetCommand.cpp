#include "core/project/StreamOffsetCommand.h"

#include <QCoreApplication>

namespace tacit::project {

StreamOffsetCommand::StreamOffsetCommand(ProjectStore &store, Id recordingId, std::string streamId, Timestamp before,
                                         Timestamp after, Changed changed)
    : QUndoCommand(
          QCoreApplication::translate("StreamOffsetCommand", "Offset of %1").arg(QString::fromStdString(streamId))),
      m_store(store), m_recordingId(recordingId), m_streamId(std::move(streamId)), m_before(before), m_after(after),
      m_changed(std::move(changed)) {}

void StreamOffsetCommand::apply(Timestamp value) {
  auto st = m_store.setStreamOffset(m_recordingId, m_streamId, value);
  if (!st.ok())
    setObsolete(true);
  if (m_changed)
    m_changed(m_recordingId, m_streamId, value, st.ok() ? std::string() : st.error());
}

void StreamOffsetCommand::redo() {
  apply(m_after);
}

void StreamOffsetCommand::undo() {
  apply(m_before);
}

bool StreamOffsetCommand::mergeWith(const QUndoCommand *other) {
  const auto *o = dynamic_cast<const StreamOffsetCommand *>(other);
  if (!o || o->m_recordingId != m_recordingId || o->m_streamId != m_streamId)
    return false;
  m_after = o->m_after;
  return true;
}

} // namespace tacit::project
