#pragma once
// One undoable segment edit: a list of row changes applied in one transaction. Undo applies the
// inverse. Edits with the same non-zero merge key (a drag) collapse into one step via mergeWith().
#include <QUndoCommand>
#include <vector>

#include "core/project/ProjectStore.h"

namespace tacit::project {

class AnnotationDocument;

class SegmentEditCommand : public QUndoCommand {
public:
  static constexpr int kCommandId = 0x7ac1;
  SegmentEditCommand(AnnotationDocument *doc, std::vector<SegmentChange> changes, const QString &text,
                     int mergeKey = 0);
  void redo() override;
  void undo() override;
  int id() const override { return m_mergeKey ? kCommandId : -1; }
  bool mergeWith(const QUndoCommand *other) override;
  const std::vector<SegmentChange> &changes() const { return m_changes; }

private:
  AnnotationDocument *m_doc;
  std::vector<SegmentChange> m_changes;
  int m_mergeKey;
};

} // namespace tacit::project
