#include "widgets/project/LabelDelegate.h"

#include <QColor>
#include <QComboBox>

#include "core/project/TaxonomyModel.h"

namespace tacit {

LabelDelegate::LabelDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *LabelDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const {
  auto *combo = new QComboBox(parent);
  combo->addItem(tr("(none)"), QVariant::fromValue<qint64>(0));
  if (m_taxonomy)
    for (const auto &l : m_taxonomy->labels())
      combo->addItem(QString::fromStdString(m_taxonomy->path(l.id)), QVariant::fromValue<qint64>(l.id));
  if (m_taxonomy)
    for (int i = 1; i < combo->count(); ++i)
      if (const auto *l = m_taxonomy->label(combo->itemData(i).toLongLong()))
        combo->setItemData(i, QColor(QString::fromStdString(l->colour)), Qt::DecorationRole);
  return combo;
}

void LabelDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
  auto *combo = static_cast<QComboBox *>(editor);
  const int i = combo->findData(QVariant::fromValue<qint64>(index.data(Qt::EditRole).toLongLong()));
  combo->setCurrentIndex(std::max(0, i));
}

void LabelDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const {
  auto *combo = static_cast<QComboBox *>(editor);
  model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace tacit
