#pragma once
// One undoable quality-flag edit (add, change or remove), committed in one transaction.
#include <QUndoCommand>
#include <vector>

#include "core/project/ProjectStore.h"

namespace tacit::project {

class AnnotationDocument;

class FlagEditCommand : public QUndoCommand {
public:
  FlagEditCommand(AnnotationDocument *doc, std::vector<FlagChange> changes, const QString &text);
  void redo() override;
  void undo() override;
  const std::vector<FlagChange> &changes() const { return m_changes; }

private:
  AnnotationDocument *m_doc;
  std::vector<FlagChange> m_changes;
};

} // namespace tacit::project
