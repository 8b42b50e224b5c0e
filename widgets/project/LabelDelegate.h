#pragma once
// Editor of a segment's label: a combo box of every taxonomy label by path ("Assembly/Screw"),
// plus "(none)". Writes the label id (EditRole), which the model turns into an undoable relabel.
#include "core/project/TaxonomyModel.h"
#include <QPointer>
#include <QStyledItemDelegate>

namespace tacit {

class LabelDelegate : public QStyledItemDelegate {
  Q_OBJECT
public:
  explicit LabelDelegate(QObject *parent = nullptr);
  void setTaxonomy(project::TaxonomyModel *taxonomy) { m_taxonomy = taxonomy; }

  QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
  void setEditorData(QWidget *editor, const QModelIndex &index) const override;
  void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
  QPointer<project::TaxonomyModel> m_taxonomy;
};

} // namespace tacit
