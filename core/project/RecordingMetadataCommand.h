#pragma once
// Undoable edit of a recording's worker, task and site (ProjectStore::setRecordingMetadata).
// `changed` runs after each redo/undo with the error ("" when the store took it).
#include <QUndoCommand>
#include <functional>

#include "core/project/ProjectStore.h"

namespace tacit::project {

class RecordingMetadataCommand : public QUndoCommand {
public:
  RecordingMetadataCommand(ProjectStore &store, Id recordingId, RecordingMetadata before, RecordingMetadata after,
                           std::function<void(Id, const std::string &error)> changed);
  void redo() override;
  void undo() override;

private:
  void apply(const RecordingMetadata &m);

  ProjectStore &m_store;
  Id m_recordingId;
  RecordingMetadata m_before, m_after;
  std::function<void(Id, const std::string &)> m_changed;
};

} // namespace tacit::project
