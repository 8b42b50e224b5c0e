#include "widgets/project/RecordingsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "core/consent/ConsentLedger.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/project/RecordingFilterBar.h"
#include "widgets/project/ReviewHistoryView.h"

namespace tacit {

using project::Id;
using project::RecordingListModel;

RecordingsPanel::RecordingsPanel(ActionRegistry &actions, QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("recordingsPanel"));
  auto *tools = new QToolBar(this);
  tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  const char *const ids[] = {"project.addRecordings", "project.relink", "project.nextUnreviewed", nullptr,
                             "review.approve",        "review.reject",  "review.inReview",        "review.reset"};
  for (const char *id : ids) {
    if (!id)
      tools->addSeparator();
    else if (QAction *a = actions.action(QString::fromLatin1(id)))
      tools->addAction(a);
  }
  m_filters = new RecordingFilterBar(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setFilterKeyColumn(-1); // free text matches any column
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
  m_view = new QTableView(this);
  m_view->setObjectName(QStringLiteral("recordingsView"));
  m_view->setModel(m_proxy);
  m_view->setSortingEnabled(true);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  // Worker, task and site are edited in place (double-click or F2; undoable); the status only through
  // the review actions, and double-click elsewhere opens the recording.
  m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setStretchLastSection(true);
  m_history = new ReviewHistoryView(this);
  auto *split = new QSplitter(Qt::Vertical, this);
  split->addWidget(m_view);
  auto *historyBox = new QWidget(split);
  auto *hl = new QVBoxLayout(historyBox);
  hl->setContentsMargins(0, 0, 0, 0);
  hl->addWidget(new QLabel(tr("Review history"), historyBox));
  hl->addWidget(m_history);
  split->addWidget(historyBox);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(tools);
  layout->addWidget(m_filters);
  layout->addWidget(split, 1);

  connect(m_filters, &RecordingFilterBar::filterChanged, this, [this](const project::RecordingFilter &f) {
    if (m_session)
      m_session->recordings()->setFilter(f);
  });
  connect(m_filters, &RecordingFilterBar::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
  connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
    if (const Id id = index.data(RecordingListModel::IdRole).value<Id>())
      emit openRequested(id);
  });
  // Source resets (refresh after every edit) drop the selection: keep it by recording id.
  connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keepSelection = selectedId(); });
  connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
    refreshConsent();
    if (m_keepSelection)
      selectRecording(m_keepSelection);
  });
}

void RecordingsPanel::setSession(project::ProjectSession *session) {
  m_session = session;
  m_keepSelection = 0;
  m_proxy->setSourceModel(session ? session->recordings() : nullptr);
  if (session) {
    session->recordings()->setFilter(m_filters->filter());
    m_proxy->setFilterFixedString(m_filters->text());
    refreshConsent();
    m_view->resizeColumnsToContents();
  }
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecordingsPanel::onSelectionChanged,
          Qt::UniqueConnection);
  onSelectionChanged();
}

bool RecordingsPanel::editWorker(Id id) {
  if (!selectRecording(id))
    return false;
  const QModelIndex row = m_view->currentIndex();
  m_view->setFocus();
  m_view->edit(row.siblingAtColumn(RecordingListModel::WorkerColumn));
  return true;
}

Id RecordingsPanel::selectedId() const {
  const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
  return rows.isEmpty() ? 0 : rows.first().data(RecordingListModel::IdRole).value<Id>();
}

bool RecordingsPanel::selectRecording(Id id) {
  for (int r = 0; r < m_proxy->rowCount(); ++r) {
    const QModelIndex idx = m_proxy->index(r, 0);
    if (idx.data(RecordingListModel::IdRole).value<Id>() == id) {
      m_view->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
      m_view->scrollTo(idx);
      return true;
    }
  }
  return false;
}

Id RecordingsPanel::selectNextUnreviewed() {
  const int n = m_proxy->rowCount();
  const QModelIndexList sel = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
  const int from = sel.isEmpty() ? -1 : sel.first().row();
  const QString unreviewed = QString::fromUtf8(project::reviewStatusName(project::ReviewStatus::Unreviewed));
  for (int k = 1; k <= n; ++k) {
    const QModelIndex idx = m_proxy->index((from + k) % n, 0);
    if (idx.data(RecordingListModel::StatusRole).toString() == unreviewed) {
      const Id id = idx.data(RecordingListModel::IdRole).value<Id>();
      selectRecording(id);
      return id;
    }
  }
  return 0;
}

void RecordingsPanel::refreshConsent() {
  if (!m_session)
    return;
  auto consent = consent::recordingConsent(m_session->store());
  if (!consent)
    return; // the column stays empty; the ledger error shows in the consent tools
  std::unordered_map<Id, QString> text;
  for (const auto &c : *consent) {
    QString t = c.state == "granted" ? tr("granted") : c.state == "withdrawn" ? tr("withdrawn") : tr("none");
    if (!c.uses.empty()) {
      QStringList uses;
      for (const auto &u : c.uses)
        uses << QString::fromStdString(u);
      t += QStringLiteral(": ") + uses.join(QStringLiteral(", "));
    }
    text[c.recording.id] = t;
  }
  m_session->recordings()->setConsent(std::move(text));
}

void RecordingsPanel::onSelectionChanged() {
  const Id id = selectedId();
  project::AnnotationDocument *doc = nullptr;
  if (m_session && id)
    if (auto d = m_session->documentFor(id))
      doc = *d;
  m_history->setDocument(doc);
  emit selectionChanged(id);
}

} // namespace tacit
