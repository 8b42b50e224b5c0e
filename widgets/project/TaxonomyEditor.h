#pragma once
// The label taxonomy as an editable tree: name, key (1-9) and description in place, colour through
// QColorDialog, add child/sibling, remove, move up/down, import/export taxonomy JSON. Every edit except
// import is an undo command on the project's stack (import replaces ids, so the model clears the stack).
#include <QPointer>
#include <QWidget>

#include "core/project/ProjectTypes.h"
#include "core/project/TaxonomyModel.h"

class QTreeView;
class QUndoStack;

namespace tacit {

class TaxonomyEditor : public QWidget {
  Q_OBJECT
public:
  explicit TaxonomyEditor(QWidget *parent = nullptr);

  void setModel(project::TaxonomyModel *model, QUndoStack *undoStack); // nullptr = no project
  QTreeView *view() const { return m_view; }
  project::Id selectedId() const;
  void select(project::Id id);

  // Each returns false (and emits errorOccurred) when the edit was refused.
  bool addLabel(bool asChild);
  bool removeSelected();
  bool moveSelected(int delta); // -1 up, +1 down among its siblings (one undo step)
  bool setSelectedColour(const QColor &colour);
  bool importFile(const QString &path);
  bool exportFile(const QString &path);

signals:
  void errorOccurred(const QString &message);

private:
  void chooseColour();
  bool report(const std::string &error);

  QPointer<project::TaxonomyModel> m_model;
  QPointer<QUndoStack> m_undo;
  QTreeView *m_view = nullptr;
  project::Id m_keepSelection = 0;
};

} // namespace tacit
