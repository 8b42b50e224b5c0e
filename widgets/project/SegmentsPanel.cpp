#include "widgets/project/SegmentsPanel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/project/AnnotationDocument.h"
#include "core/project/SegmentTableModel.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/project/LabelDelegate.h"
#include "widgets/project/SegmentSortProxy.h"

namespace tacit {

using project::Id;
using project::SegmentTableModel;

SegmentsPanel::SegmentsPanel(ActionRegistry &actions, QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("segmentsPanel"));
  m_filter = new QLineEdit(this);
  m_filter->setPlaceholderText(tr("Filter segments (label, track, note…)"));
  m_filter->setClearButtonEnabled(true);
  m_proxy = new SegmentSortProxy(this);
  m_view = new QTableView(this);
  m_view->setObjectName(QStringLiteral("segmentsView"));
  m_view->setModel(m_proxy);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(-1, Qt::AscendingOrder); // model order (track, start) until a header is clicked
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  // Double-click seeks; edit with F2 or a click on the selected cell.
  m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setStretchLastSection(true);
  m_labels = new LabelDelegate(this);
  m_view->setItemDelegateForColumn(SegmentTableModel::LabelColumn, m_labels);

  QAction *del = actions.action(QStringLiteral("segments.deleteSelected"));
  auto *tools = new QToolBar(this);
  tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  if (del) {
    tools->addAction(del);
    connect(del, &QAction::triggered, this, &SegmentsPanel::deleteSelected);
  }
  auto *top = new QHBoxLayout;
  top->addWidget(m_filter, 1);
  top->addWidget(tools);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(top);
  layout->addWidget(m_view, 1);

  connect(m_filter, &QLineEdit::textChanged, m_proxy, &SegmentSortProxy::setFilterFixedString);
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    if (m_syncing)
      return;
    const auto ids = selectedIds();
    emit segmentSelected(ids.size() == 1 ? ids.front() : 0);
  });
  connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
    if (index.isValid())
      emit seekRequested(index.data(SegmentTableModel::StartNsRole).toLongLong());
  });
}

void SegmentsPanel::setModels(SegmentTableModel *model, project::AnnotationDocument *doc,
                              project::TaxonomyModel *taxonomy) {
  m_doc = doc;
  m_labels->setTaxonomy(taxonomy);
  m_proxy->setSourceModel(model);
  if (model)
    m_view->resizeColumnsToContents();
}

void SegmentsPanel::selectSegment(Id id) {
  const auto current = selectedIds();
  if ((id == 0 && current.empty()) || (current.size() == 1 && current.front() == id))
    return;
  m_syncing = true;
  m_view->selectionModel()->clearSelection();
  for (int r = 0; id && r < m_proxy->rowCount(); ++r) {
    const QModelIndex idx = m_proxy->index(r, 0);
    if (idx.data(SegmentTableModel::IdRole).value<Id>() == id) {
      m_view->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
      m_view->scrollTo(idx);
      break;
    }
  }
  m_syncing = false;
}

std::vector<Id> SegmentsPanel::selectedIds() const {
  std::vector<Id> ids;
  for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
    ids.push_back(i.data(SegmentTableModel::IdRole).value<Id>());
  return ids;
}

void SegmentsPanel::deleteSelected() {
  if (!m_doc)
    return;
  const auto ids = selectedIds();
  if (ids.empty())
    return;
  QUndoStack *undo = m_doc->undoStack();
  if (ids.size() > 1)
    undo->beginMacro(tr("Delete %n segments", nullptr, static_cast<int>(ids.size())));
  for (Id id : ids)
    if (auto st = m_doc->deleteSegment(id); !st.ok()) {
      emit errorOccurred(QString::fromStdString(st.error()));
      break;
    }
  if (ids.size() > 1)
    undo->endMacro();
}

} // namespace tacit
