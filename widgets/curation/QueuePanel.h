#pragma once
// The worst-first queue dock: every recording of the project with its score, duration and
// reasons, sorted by the combined score or any metric. "Next worst" (W) opens the worst open
// recording at its worst span; the selected item becomes a typed flag (Shift+W, one undo step with
// the state change), is marked reviewed (Alt+W) or dismissed (Alt+Shift+W), with reviewer and time
// kept in the project. "Analyse Project" runs the missing analyses on the job runner.
#include <QWidget>
#include <optional>

#include "core/project/CurationRecord.h"
#include "core/time/Timestamp.h"

class QComboBox;
class QLabel;
class QMenu;
class QTableView;

namespace tacit {

namespace curation {
class QueueModel;
}
class ActionRegistry;
class MainWindow;

class QueuePanel : public QWidget {
  Q_OBJECT
public:
  QueuePanel(MainWindow &window, QWidget *parent = nullptr);

  curation::QueueModel *model() const { return m_model; }
  QTableView *view() const { return m_view; }
  // Registers the queue actions (keys) on `host` and lists them in `menu`.
  void addActions(ActionRegistry &actions, QMenu *menu, QWidget *host);

  void reload(); // from the analyses stored in the project
  bool openNextWorst();
  bool flagSelected();
  bool setSelectedState(project::QueueState state);
  void analyseProject();
  project::Id selectedRecording() const;

signals:
  void statusMessage(const QString &message);
  void errorOccurred(const QString &message);
  void analysisStored(); // the project's stored analyses changed

private:
  int selectedRow() const;
  void selectRow(int row);
  void seekWhenShown(project::Id id, Timestamp t);

  MainWindow &m_window;
  curation::QueueModel *m_model = nullptr;
  QTableView *m_view = nullptr;
  QComboBox *m_sort = nullptr;
  QLabel *m_summary = nullptr;
  std::optional<std::pair<project::Id, Timestamp>> m_pendingSeek;
};

} // namespace tacit
