#include "core/util/Job.h"

#include <QMetaObject>
#include <QPointer>
#include <algorithm>
#include <cmath>

namespace tacit {

bool JobContext::progress(double fraction, const std::string &stage) {
  const double f = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  const int permille = static_cast<int>(std::lround(f * 1000));
  if (permille != m_lastPermille || (!stage.empty() && stage != m_lastStage)) {
    m_lastPermille = permille;
    if (!stage.empty())
      m_lastStage = stage;
    m_job.post(f, m_lastStage);
  }
  return !cancelled();
}

bool JobContext::cancelled() const {
  return m_job.m_cancel.load();
}

void JobContext::warn(std::string message) {
  m_job.postWarning(std::move(message));
}

std::function<bool(double)> JobContext::callback(double begin, double end) {
  return [this, begin, end](double f) { return progress(begin + (end - begin) * f); };
}

std::function<bool(double, const std::string &)> JobContext::stageCallback(double begin, double end) {
  return [this, begin, end](double f, const std::string &stage) { return progress(begin + (end - begin) * f, stage); };
}

Job::Job(QString title, Work work, QObject *parent)
    : QObject(parent), m_title(std::move(title)), m_work(std::move(work)) {}

Job::~Job() {
  m_cancel = true;
  if (m_thread.joinable())
    m_thread.join();
}

void Job::start() {
  if (m_state == State::Running)
    return;
  m_state = State::Running;
  m_thread = std::thread([this] {
    JobContext ctx(*this);
    std::string error;
    try {
      error = m_work(ctx);
    } catch (const std::exception &e) { // a bug in the work: report it rather than take the app down
      error = std::string("internal error: ") + e.what();
    }
    QMetaObject::invokeMethod(
        this,
        [this, error] {
          if (m_thread.joinable())
            m_thread.join();
          m_error = QString::fromStdString(error);
          m_state = m_cancel ? State::Cancelled : (error.empty() ? State::Succeeded : State::Failed);
          emit finished(m_state);
        },
        Qt::QueuedConnection);
  });
}

void Job::post(double fraction, std::string stage) {
  QMetaObject::invokeMethod(
      this,
      [this, fraction, stage = std::move(stage)] {
        m_fraction = fraction;
        m_stage = QString::fromStdString(stage);
        emit progressChanged(m_fraction, m_stage);
      },
      Qt::QueuedConnection);
}

void Job::postWarning(std::string message) {
  QMetaObject::invokeMethod(
      this, [this, m = QString::fromStdString(message)] { m_warnings << m; }, Qt::QueuedConnection);
}

} // namespace tacit
