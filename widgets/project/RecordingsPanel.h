#pragma once
// The project's recordings: filters, a sortable table (RecordingListModel behind a sort/filter proxy),
// a consent column operators can read but not edit, the review history of the selected recording and
// a toolbar of the project/review actions from the ActionRegistry. Worker, task and site cells are
// edited in place (undoable, through ProjectSession). Enter or double-click on the other columns asks
// to open a recording (openRequested); the ProjectController does the rest.
#include <QWidget>

#include "core/project/ProjectTypes.h"

class QSortFilterProxyModel;
class QTableView;

namespace tacit {

namespace project {
class ProjectSession;
}
class ActionRegistry;
class RecordingFilterBar;
class ReviewHistoryView;

class RecordingsPanel : public QWidget {
  Q_OBJECT
public:
  explicit RecordingsPanel(ActionRegistry &actions, QWidget *parent = nullptr);

  void setSession(project::ProjectSession *session); // nullptr = no project
  QTableView *view() const { return m_view; }
  QSortFilterProxyModel *proxy() const { return m_proxy; }
  RecordingFilterBar *filterBar() const { return m_filters; }
  ReviewHistoryView *history() const { return m_history; }

  project::Id selectedId() const; // 0 when nothing is selected
  bool selectRecording(project::Id id);
  // Selects the recording and opens the editor of its worker cell (the export dialog's fix for
  // "no worker").
  bool editWorker(project::Id id);
  // Selects the next unreviewed recording below the selection in view order (wrapping).
  project::Id selectNextUnreviewed();
  // Re-reads the consent column from the project's ledger.
  void refreshConsent();

signals:
  void openRequested(tacit::project::Id id);
  void selectionChanged(tacit::project::Id id);

private:
  void onSelectionChanged();

  project::ProjectSession *m_session = nullptr;
  RecordingFilterBar *m_filters = nullptr;
  QTableView *m_view = nullptr;
  QSortFilterProxyModel *m_proxy = nullptr;
  ReviewHistoryView *m_history = nullptr;
  project::Id m_keepSelection = 0;
};

} // namespace tacit
