#include "core/project/SegmentEditCommand.h"

#include <algorithm>

#include "core/project/AnnotationDocument.h"

namespace tacit::project {

SegmentEditCommand::SegmentEditCommand(AnnotationDocument *doc, std::vector<SegmentChange> changes, const QString &text,
                                       int mergeKey)
    : QUndoCommand(text), m_doc(doc), m_changes(std::move(changes)), m_mergeKey(mergeKey) {}

void SegmentEditCommand::redo() {
  // applySegmentChanges fills in ids of inserted rows, so a later redo re-inserts with the same ids.
  if (auto st = m_doc->applySegmentChanges(m_changes, "segment: " + text().toStdString()); !st.ok()) {
    m_doc->reportError(st.error());
    setObsolete(true);
  }
}

void SegmentEditCommand::undo() {
  std::vector<SegmentChange> inverse;
  for (auto it = m_changes.rbegin(); it != m_changes.rend(); ++it)
    inverse.push_back({it->after, it->before});
  if (auto st = m_doc->applySegmentChanges(inverse, "undo segment: " + text().toStdString()); !st.ok())
    m_doc->reportError(st.error());
}

bool SegmentEditCommand::mergeWith(const QUndoCommand *other) {
  const auto *o = dynamic_cast<const SegmentEditCommand *>(other);
  // QUndoStack tries to merge even a command whose redo() failed: never adopt its state.
  if (!o || o->isObsolete() || isObsolete() || o->m_mergeKey != m_mergeKey || m_mergeKey == 0 ||
      o->m_changes.size() != m_changes.size())
    return false;
  for (std::size_t i = 0; i < m_changes.size(); ++i) {
    const auto &mine = m_changes[i], &theirs = o->m_changes[i];
    if (!mine.after || !theirs.before || !theirs.after || mine.after->id != theirs.before->id)
      return false;
  }
  for (std::size_t i = 0; i < m_changes.size(); ++i)
    m_changes[i].after = o->m_changes[i].after;
  return true;
}

} // namespace tacit::project
