#include "core/project/RecordingMetadataCommand.h"

#include <QCoreApplication>

namespace tacit::project {

RecordingMetadataCommand::RecordingMetadataCommand(ProjectStore &store, Id recordingId, RecordingMetadata before,
                                                   RecordingMetadata after,
                                                   std::function<void(Id, const std::string &)> changed)
    : QUndoCommand(QCoreApplication::translate("RecordingMetadataCommand", "Edit recording details")), m_store(store),
      m_recordingId(recordingId), m_before(std::move(before)), m_after(std::move(after)),
      m_changed(std::move(changed)) {}

void RecordingMetadataCommand::apply(const RecordingMetadata &m) {
  auto r = m_store.setRecordingMetadata(m_recordingId, m);
  if (!r)
    setObsolete(true);
  if (m_changed)
    m_changed(m_recordingId, r ? std::string() : r.error());
}

void RecordingMetadataCommand::redo() {
  apply(m_after);
}

void RecordingMetadataCommand::undo() {
  apply(m_before);
}

} // namespace tacit::project
