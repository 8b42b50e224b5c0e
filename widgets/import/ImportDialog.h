#pragma once
// File → Import…: one form per importer (Aria MPS, EgoDex, video + CSV sidecars). Import validates
// the form (messages name the field), runs the importer as a Job (core/util/Job.h) with progress and
// Cancel (a cancelled import leaves nothing behind), lists the importer's warnings after success
// and emits imported() with the new recording folder.
#include <QDialog>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

#include "core/util/Result.h"
#include "core/util/Job.h"

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace tacit {

namespace import {
struct ImportSummary;
}
class AriaImportForm;
class EgoDexImportForm;
class ImportForm;
class VideoImportForm;

class ImportDialog : public QDialog {
  Q_OBJECT
public:
  enum class Kind { Aria = 0, EgoDex = 1, Video = 2 };
  explicit ImportDialog(QWidget *parent = nullptr);
  ~ImportDialog() override;

  void setKind(Kind kind);
  AriaImportForm *ariaForm() const { return m_aria; }
  EgoDexImportForm *egoDexForm() const { return m_egoDex; }
  VideoImportForm *videoForm() const { return m_video; }
  // Validates the current form and starts the import; false (with the problems shown) when invalid.
  bool startImport();
  bool isRunning() const;
  QPushButton *importButton() const { return m_import; }
  QPushButton *cancelButton() const { return m_cancel; }
  QString message() const; // the status line: problems, progress stage, result
  QStringList warnings() const;
  Job *job() const { return m_job; } // the running import (nullptr when idle)
  // Test hook: called on the job's thread with each progress fraction before the cancel check.
  void setWorkerProgressProbe(std::function<void(double)> probe) { m_probe = std::move(probe); }

signals:
  // Emitted just before the import job starts.
  void importStarted(tacit::Job *job);
  void imported(const QString &folder);
  void importFailed(const QString &message);
  void importCancelled();

protected:
  void reject() override; // Esc / Close while running cancels first

private:
  ImportForm *currentForm() const;
  void setRunning(bool running);
  void onFinished(const std::optional<Result<import::ImportSummary>> &result, bool cancelled);
  void showMessage(const QString &text, bool error);

  QTabWidget *m_tabs = nullptr;
  AriaImportForm *m_aria = nullptr;
  EgoDexImportForm *m_egoDex = nullptr;
  VideoImportForm *m_video = nullptr;
  QLabel *m_message = nullptr;
  QLabel *m_stage = nullptr;
  QProgressBar *m_progress = nullptr;
  QListWidget *m_warnings = nullptr;
  QPushButton *m_import = nullptr;
  QPushButton *m_cancel = nullptr;
  QPushButton *m_close = nullptr;
  QPointer<Job> m_job;
  std::function<void(double)> m_probe;
  bool m_closeWhenDone = false;
};

} // namespace tacit
