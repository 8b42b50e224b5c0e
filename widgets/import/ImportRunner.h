#pragma once
// Runs one ImportJob on a worker thread. progress() is emitted on the worker thread (queued to
// receivers in the GUI thread); cancel() is thread-safe and makes the importer's next progress
// check fail, after which the importer removes its staging folder (nothing partial remains).
// finished() is emitted in the runner's thread once the worker has returned.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

#include "widgets/import/ImportForm.h"

class QThread;

namespace tacit {

class ImportRunner : public QObject {
  Q_OBJECT
public:
  explicit ImportRunner(ImportJob job, QObject *parent = nullptr);
  ~ImportRunner() override; // cancels a running import and waits for it to clean up

  void start();
  void cancel();
  bool isRunning() const;
  bool cancelRequested() const { return m_cancel; }
  // The importer's result; set when finished() has been emitted.
  const std::optional<Result<import::ImportSummary>> &result() const { return m_result; }

signals:
  void progress(double fraction, const QString &stage);
  void finished();

private:
  ImportJob m_job;
  QThread *m_thread = nullptr;
  std::atomic<bool> m_cancel{false};
  std::optional<Result<import::ImportSummary>> m_result; // written by the worker before it ends
};

} // namespace tacit
