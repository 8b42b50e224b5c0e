#pragma once
// One undoable change of a queue item's state (open -> flagged/dismissed/reviewed and back),
// committed to the project before the model hears of it. Pushed alone, or inside a macro with the
// flag the item becomes (CurationActions), so "flag this item" is one undo step.
#include <QUndoCommand>
#include <functional>

#include "core/project/ProjectStore.h"

namespace tacit::curation {

class QueueStateCommand : public QUndoCommand {
public:
  // `applied` runs after each successful write (redo and undo) with the state now stored;
  // `failed` with the message when the store refuses.
  QueueStateCommand(project::ProjectStore &store, project::QueueItemState before, project::QueueItemState after,
                    std::function<void(const project::QueueItemState &)> applied,
                    std::function<void(const std::string &)> failed, QUndoCommand *parent = nullptr);
  void redo() override;
  void undo() override;
  bool succeeded() const { return m_ok; }

private:
  void write(const project::QueueItemState &state);
  project::ProjectStore &m_store;
  project::QueueItemState m_before, m_after;
  std::function<void(const project::QueueItemState &)> m_applied;
  std::function<void(const std::string &)> m_failed;
  bool m_ok = false;
};

} // namespace tacit::curation
