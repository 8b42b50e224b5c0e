#pragma once
// One undoable taxonomy edit: add, update or remove (with its subtree and segment links).
#include <QUndoCommand>
#include <optional>

#include "core/project/ProjectStore.h"

namespace tacit::project {

class TaxonomyModel;

class LabelEditCommand : public QUndoCommand {
public:
  enum class Kind { Add, Update, Remove };
  LabelEditCommand(TaxonomyModel *model, Kind kind, std::optional<Label> before, std::optional<Label> after,
                   const QString &text);
  void redo() override;
  void undo() override;
  Id labelId() const { return m_after ? m_after->id : (m_before ? m_before->id : 0); }

private:
  TaxonomyModel *m_model;
  Kind m_kind;
  std::optional<Label> m_before, m_after;
  LabelRemoval m_removal;
};

} // namespace tacit::project
