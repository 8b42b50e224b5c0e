#include "widgets/project/FlagsPanel.h"

#include <QAction>
#include <QListView>
#include <QToolBar>
#include <QVBoxLayout>

#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/project/FlagEditDialog.h"

namespace tacit {

using project::FlagListModel;
using project::Id;

FlagsPanel::FlagsPanel(ActionRegistry &actions, QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("flagsPanel"));
  m_view = new QListView(this);
  m_view->setObjectName(QStringLiteral("flagsView"));
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto *tools = new QToolBar(this);
  tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  const std::pair<const char *, void (FlagsPanel::*)()> verbs[] = {{"flags.add", &FlagsPanel::addFlag},
                                                                   {"flags.edit", &FlagsPanel::editSelected},
                                                                   {"flags.remove", &FlagsPanel::removeSelected}};
  for (const auto &[id, verb] : verbs)
    if (QAction *a = actions.action(QString::fromLatin1(id))) {
      tools->addAction(a);
      connect(a, &QAction::triggered, this, verb);
    }
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(tools);
  layout->addWidget(m_view, 1);
  connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
    if (index.isValid() && !index.data(FlagListModel::WholeRecordingRole).toBool())
      emit seekRequested(index.data(FlagListModel::StartNsRole).toLongLong());
  });
}

void FlagsPanel::setModels(FlagListModel *model, project::AnnotationDocument *doc) {
  m_doc = doc;
  m_view->setModel(model);
}

bool FlagsPanel::selectFlag(Id id) {
  QAbstractItemModel *m = m_view->model();
  for (int r = 0; m && r < m->rowCount(); ++r)
    if (m->index(r, 0).data(FlagListModel::IdRole).value<Id>() == id) {
      m_view->setCurrentIndex(m->index(r, 0));
      return true;
    }
  return false;
}

Id FlagsPanel::selectedId() const {
  const QModelIndex i = m_view->selectionModel() ? m_view->selectionModel()->currentIndex() : QModelIndex();
  return i.isValid() ? i.data(FlagListModel::IdRole).value<Id>() : 0;
}

void FlagsPanel::addFlag() {
  if (!m_doc)
    return;
  auto *dlg = new FlagEditDialog(m_span ? m_span() : std::nullopt, nullptr, this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  connect(dlg, &QDialog::accepted, this, [this, dlg] {
    if (!m_doc)
      return;
    if (auto r = m_doc->addFlag(dlg->reason(), dlg->severity(), dlg->span(), dlg->note()); !r)
      emit errorOccurred(QString::fromStdString(r.error()));
  });
  dlg->open();
}

void FlagsPanel::editSelected() {
  const project::QualityFlag *f = m_doc ? m_doc->flag(selectedId()) : nullptr;
  if (!f)
    return;
  auto *dlg = new FlagEditDialog(std::nullopt, f, this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  const Id id = f->id;
  connect(dlg, &QDialog::accepted, this, [this, dlg, id] {
    const project::QualityFlag *old = m_doc ? m_doc->flag(id) : nullptr;
    if (!old)
      return;
    project::QualityFlag edited = *old;
    edited.reason = dlg->reason();
    edited.severity = dlg->severity();
    edited.note = dlg->note();
    const auto span = dlg->span();
    edited.wholeRecording = !span;
    edited.startNs = span ? span->begin : 0;
    edited.endNs = span ? span->end : 0;
    if (auto st = m_doc->updateFlag(edited); !st.ok())
      emit errorOccurred(QString::fromStdString(st.error()));
  });
  dlg->open();
}

void FlagsPanel::removeSelected() {
  if (!m_doc || !selectedId())
    return;
  if (auto st = m_doc->removeFlag(selectedId()); !st.ok())
    emit errorOccurred(QString::fromStdString(st.error()));
}

} // namespace tacit
