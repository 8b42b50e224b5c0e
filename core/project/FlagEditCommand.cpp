#include "core/project/FlagEditCommand.h"

#include "core/project/AnnotationDocument.h"

namespace tacit::project {

FlagEditCommand::FlagEditCommand(AnnotationDocument *doc, std::vector<FlagChange> changes, const QString &text)
    : QUndoCommand(text), m_doc(doc), m_changes(std::move(changes)) {}

void FlagEditCommand::redo() {
  if (auto st = m_doc->applyFlagChanges(m_changes, "flag: " + text().toStdString()); !st.ok()) {
    m_doc->reportError(st.error());
    setObsolete(true);
  }
}

void FlagEditCommand::undo() {
  std::vector<FlagChange> inverse;
  for (auto it = m_changes.rbegin(); it != m_changes.rend(); ++it)
    inverse.push_back({it->after, it->before});
  if (auto st = m_doc->applyFlagChanges(inverse, "undo flag: " + text().toStdString()); !st.ok())
    m_doc->reportError(st.error());
}

} // namespace tacit::project
