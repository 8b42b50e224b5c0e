#include "widgets/import/ImportRunner.h"

#include <QThread>

namespace tacit {

ImportRunner::ImportRunner(ImportJob job, QObject *parent) : QObject(parent), m_job(std::move(job)) {}

ImportRunner::~ImportRunner() {
  if (m_thread) {
    m_cancel = true;
    m_thread->wait();
    delete m_thread;
  }
}

void ImportRunner::start() {
  if (m_thread)
    return;
  m_thread = QThread::create([this] {
    auto progress = [this](double fraction, const std::string &stage) {
      emit this->progress(fraction, QString::fromStdString(stage));
      return !m_cancel.load();
    };
    auto r = m_job(progress);
    m_result.emplace(std::move(r));
  });
  m_thread->setObjectName(QStringLiteral("import"));
  // QThread::finished comes from the worker; the queued connection delivers it in our thread,
  // after m_result was written.
  connect(m_thread, &QThread::finished, this, &ImportRunner::finished, Qt::QueuedConnection);
  m_thread->start();
}

void ImportRunner::cancel() {
  m_cancel = true;
}

bool ImportRunner::isRunning() const {
  return m_thread && m_thread->isRunning();
}

} // namespace tacit
