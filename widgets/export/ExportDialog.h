#pragma once
// File → Export…: options (format, output folder, labels/tracks, "exclude flags of severity ≥ N",
// size, fps, force), the export gate's dry run as a candidate list (numbered episodes, recording
// time, the full reason each candidate is excluded and one button per fix), and the export itself as
// a Job (core/util/Job.h) with a progress bar and Cancel; "Open folder" after it finished.
// The project is read into a snapshot on the GUI thread (ProjectStore is not thread-safe); the job
// runs exporting::runExport on the snapshot and the GUI thread records the finished export.
#include <QDialog>
#include <QPointer>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "core/export/ExportRunner.h"
#include "core/time/RecordingTime.h"
#include "core/util/Job.h"
#include "widgets/export/ExportFixes.h"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tacit {

namespace project {
class ProjectSession;
}
class ExportCandidateModel;

class ExportDialog : public QDialog {
  Q_OBJECT
public:
  using Fix = ExportFix;
  // `session` (optional) is the project open in the application; without it the dialog opens
  // `projectPath` itself for as long as it is shown.
  explicit ExportDialog(const QString &projectPath, project::ProjectSession *session = nullptr,
                        QWidget *parent = nullptr);
  ~ExportDialog() override;

  bool isProjectOpen() const { return m_session != nullptr; }
  bool isRunning() const { return m_job != nullptr; }
  ExportCandidateModel *candidateModel() const { return m_model; }
  QString messageText() const; // the status / error line under the list
  // The options the controls describe (what Export would run).
  exporting::ExportOptions options() const;
  const std::optional<exporting::ExportReport> &lastReport() const { return m_lastReport; }
  // The fixes offered for a candidate row (one button each under the list when the row is selected).
  std::vector<ExportFix> fixesFor(int row) const;
  // Set when the dialog closed because the user chose a fix; the window then leads there.
  const std::optional<ExportFix> &requestedFix() const { return m_requestedFix; }
  void requestFix(const ExportFix &fix); // closes the dialog

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
  void updateFixes();
  void showMessage(const QString &text, bool error);
  void finishExport(Result<exporting::ExportReport> &result, const exporting::ExportOptions &options);
  const RecordingTimeBase &timeBaseOf(exporting::GateId recordingId);

  QString m_projectPath;
  project::ProjectSession *m_session = nullptr;
  std::unique_ptr<project::ProjectSession> m_ownSession;
  std::optional<exporting::ProjectSnapshot> m_snapshot;
  std::optional<exporting::ExportReport> m_lastReport;
  std::optional<ExportFix> m_requestedFix;
  std::map<exporting::GateId, RecordingTimeBase> m_timeBases; // read once per recording (frame index cache)
  bool m_destinationOk = false;
  QString m_writtenFolder;

  QComboBox *m_format = nullptr;
  QLineEdit *m_out = nullptr;
  QPushButton *m_browse = nullptr;
  QLineEdit *m_labels = nullptr;
  QSpinBox *m_maxSeverity = nullptr, *m_height = nullptr, *m_width = nullptr, *m_fps = nullptr;
  QCheckBox *m_force = nullptr;
  QTableView *m_table = nullptr;
  ExportCandidateModel *m_model = nullptr;
  QLabel *m_summary = nullptr, *m_message = nullptr, *m_details = nullptr;
  QWidget *m_fixBar = nullptr;
  QHBoxLayout *m_fixLayout = nullptr;
  QProgressBar *m_progress = nullptr;
  QPushButton *m_exportButton = nullptr, *m_cancelButton = nullptr, *m_closeButton = nullptr,
              *m_openFolderButton = nullptr;

  QPointer<Job> m_job;
  std::function<void(double)> m_probe;
};

} // namespace tacit
