#include "widgets/consent/BackgroundJob.h"

#include <QMetaObject>
#include <algorithm>
#include <cmath>

namespace tacit {

BackgroundJob::BackgroundJob(Work work, std::function<void(bool)> done, QObject *parent)
    : QObject(parent), m_work(std::move(work)), m_done(std::move(done)) {}

BackgroundJob::~BackgroundJob() {
  m_cancel = true;
  if (m_thread.joinable())
    m_thread.join();
}

void BackgroundJob::start() {
  if (m_running)
    return;
  m_running = true;
  m_thread = std::thread([this] {
    int lastPercent = -1;
    auto progress = [this, &lastPercent](double f) {
      const int pc = static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * 100));
      if (pc != lastPercent) { // at most 100 queued updates
        lastPercent = pc;
        QMetaObject::invokeMethod(
            this, [this, f] { emit progressed(f); }, Qt::QueuedConnection);
      }
      return !m_cancel.load();
    };
    m_work(progress);
    QMetaObject::invokeMethod(
        this,
        [this] {
          if (m_thread.joinable())
            m_thread.join();
          m_running = false;
          const bool cancelled = m_cancel.load();
          if (m_dialog)
            m_dialog->close();
          if (m_done)
            m_done(cancelled);
          emit finished(cancelled);
        },
        Qt::QueuedConnection);
  });
}

void BackgroundJob::showProgress(QWidget *parent, const QString &title, const QString &label) {
  m_dialog = new QProgressDialog(label, tr("Cancel"), 0, 100, parent);
  m_dialog->setWindowTitle(title);
  m_dialog->setAttribute(Qt::WA_DeleteOnClose);
  m_dialog->setMinimumDuration(300);
  m_dialog->setAutoClose(false);
  m_dialog->setAutoReset(false);
  QPointer<QProgressDialog> d = m_dialog;
  connect(this, &BackgroundJob::progressed, m_dialog, [d](double f) {
    if (d)
      d->setValue(static_cast<int>(std::lround(f * 100)));
  });
  connect(m_dialog, &QProgressDialog::canceled, this, [this] { m_cancel = true; });
}

} // namespace tacit
