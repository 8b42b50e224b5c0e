#pragma once
// File → Export…: options (format, output folder, labels/tracks, max flag severity, size, fps,
// force), the export gate's dry run as a candidate list with the exact reason each candidate is
// excluded, and the export itself on a worker thread with a progress bar and Cancel.
// The project is read into a snapshot on the GUI thread (ProjectStore is not thread-safe, and a
// second connection from this process would be read-only because of the project lock); the worker
// runs exporting::runExport on the snapshot and the GUI thread records the finished export.
#include <QDialog>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "core/export/ExportRunner.h"
#include "core/project/ProjectStore.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace tacit {

class ExportCandidateModel;

class ExportDialog : public QDialog {
  Q_OBJECT
public:
  // `store` (optional) is the project already open in the application, used on the GUI thread only;
  // without it the dialog opens `projectPath` itself for as long as it is shown.
  explicit ExportDialog(const QString &projectPath, project::ProjectStore *store = nullptr, QWidget *parent = nullptr);
  ~ExportDialog() override;

  bool isProjectOpen() const { return m_store != nullptr; }
  bool isRunning() const { return m_worker.joinable(); }
  ExportCandidateModel *candidateModel() const { return m_model; }
  QString messageText() const; // the status / error line under the list
  // The options the controls describe (what Export would run).
  exporting::ExportOptions options() const;
  const std::optional<exporting::ExportReport> &lastReport() const { return m_lastReport; }

  // Re-reads the project and re-runs the gate (also done whenever a gate option changes).
  void refresh();
  // Starts the export (same as the Export button); false (with the reason shown) when it cannot start.
  bool startExport();
  // Asks a running export to stop; it removes its staging folder and reports "export cancelled".
  void cancelExport();

  // Test hook: called on the worker thread with each progress fraction before the cancel check.
  void setWorkerProgressProbe(std::function<void(double)> probe) { m_probe = std::move(probe); }

signals:
  void exportFinished(bool ok, const QString &message);

protected:
  void reject() override; // Close / Esc: cancels a running export first

private:
  void buildUi();
  void reevaluate(); // gate + destination check on the cached snapshot
  void updateButtons();
  void showMessage(const QString &text, bool error);
  void finishExport(std::shared_ptr<Result<exporting::ExportReport>> result, exporting::ExportOptions options);
  void pollProgress();

  QString m_projectPath;
  project::ProjectStore *m_store = nullptr;
  std::unique_ptr<project::ProjectStore> m_ownStore;
  std::optional<exporting::ProjectSnapshot> m_snapshot;
  std::optional<exporting::ExportReport> m_lastReport;
  bool m_destinationOk = false;

  QComboBox *m_format = nullptr;
  QLineEdit *m_out = nullptr;
  QPushButton *m_browse = nullptr;
  QLineEdit *m_labels = nullptr;
  QSpinBox *m_maxSeverity = nullptr, *m_height = nullptr, *m_width = nullptr, *m_fps = nullptr;
  QCheckBox *m_force = nullptr;
  QTableView *m_table = nullptr;
  ExportCandidateModel *m_model = nullptr;
  QLabel *m_summary = nullptr, *m_message = nullptr;
  QProgressBar *m_progress = nullptr;
  QPushButton *m_exportButton = nullptr, *m_cancelButton = nullptr, *m_closeButton = nullptr;
  QTimer *m_poll = nullptr;

  std::thread m_worker;
  std::atomic<bool> m_cancel{false};
  std::atomic<double> m_fraction{0.0};
  std::function<void(double)> m_probe;
};

} // namespace tacit
