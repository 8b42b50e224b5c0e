#pragma once
// Long consent work (face detection, box tracking) off the GUI thread: runs a function on its own
// thread, reports progress (queued to the GUI thread) and can be cancelled. The function gets a
// progress callback that returns false once Cancel was pressed. Optionally shows a QProgressDialog.
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <atomic>
#include <functional>
#include <thread>

class QWidget;

namespace tacit {

class BackgroundJob : public QObject {
  Q_OBJECT
public:
  using Work = std::function<void(const std::function<bool(double)> &progress)>;
  // `done` runs on the GUI thread after `work` returns (also after a cancel).
  BackgroundJob(Work work, std::function<void(bool cancelled)> done, QObject *parent = nullptr);
  ~BackgroundJob() override; // cancels and joins

  void start();
  void cancel() { m_cancel = true; }
  bool isRunning() const { return m_running; }
  // A modal-less progress dialog with Cancel, owned by `parent`, closed when the job ends.
  void showProgress(QWidget *parent, const QString &title, const QString &label);

signals:
  void progressed(double fraction);
  void finished(bool cancelled);

private:
  Work m_work;
  std::function<void(bool)> m_done;
  std::atomic<bool> m_cancel{false};
  std::atomic<bool> m_running{false};
  std::thread m_thread;
  QPointer<QProgressDialog> m_dialog;
};

} // namespace tacit
