#pragma once
// Sets a recording's review status (appends to its history); undo removes that history entry.
// `changed` is called after each redo/undo (e.g. to refresh a document or a recordings list).
#include <QUndoCommand>
#include <functional>

#include "core/project/ProjectStore.h"

namespace tacit::project {

class ReviewStatusCommand : public QUndoCommand {
public:
  ReviewStatusCommand(ProjectStore &store, Id recordingId, ReviewStatus status, std::string reason,
                      std::function<void(Id, const std::string &error)> changed);
  void redo() override;
  void undo() override;

private:
  ProjectStore &m_store;
  Id m_recordingId;
  ReviewStatus m_status;
  std::string m_reason;
  Id m_eventId = 0;
  std::function<void(Id, const std::string &)> m_changed;
};

} // namespace tacit::project
