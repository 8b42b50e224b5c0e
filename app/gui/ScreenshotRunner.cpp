#include "app/gui/ScreenshotRunner.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <cstdio>

#include "core/project/ProjectSession.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"

namespace tacit {

namespace {
constexpr int kPollMs = 25;
constexpr int kTimeoutMs = 120000;
} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow &window, QString output, std::optional<Timestamp> timeNs)
    : m_window(window), m_output(std::move(output)), m_time(timeNs) {
  m_poll.setInterval(kPollMs);
  connect(&m_poll, &QTimer::timeout, this, &ScreenshotRunner::poll);
  connect(&m_window, &MainWindow::openFailed, this, [this](const QString &msg) { finish(1, msg); });
  connect(&m_window, &MainWindow::recordingOpened, this, [this] {
    m_opened = true;
    TimeControl &tc = m_window.timeControl();
    if (m_time) {
      const TimeRange r = tc.range();
      tc.setTime(r.contains(*m_time) ? *m_time : r.begin + *m_time);
    }
  });
}

void ScreenshotRunner::start(const QString &path) {
  m_poll.start();
  if (path.endsWith(QLatin1String(".tacit"), Qt::CaseInsensitive)) {
    // Project mode: the project's docks, its first recording in the views.
    ProjectController &projects = m_window.projects();
    if (!projects.openProject(path)) {
      finish(1, m_window.lastError());
      return;
    }
    project::ProjectSession *session = projects.session();
    auto recs = session->store().recordings();
    if (!recs || recs->empty()) {
      finish(1, QStringLiteral("%1: the project has no recordings").arg(path));
      return;
    }
    if (!projects.openRecording(recs->front().id))
      finish(1, m_window.lastError());
    return;
  }
  if (!m_window.openPath(path))
    finish(1, m_window.lastError());
}

void ScreenshotRunner::poll() {
  m_elapsedMs += kPollMs;
  if (m_elapsedMs > kTimeoutMs) {
    finish(1, QStringLiteral("timed out waiting for decoded frames"));
    return;
  }
  RecordingSession *s = m_window.session();
  if (!m_opened || !s)
    return;
  // A few consecutive settled polls let queued repaints (plots, 3D) land too.
  m_settledPolls = s->framesSettled() ? m_settledPolls + 1 : 0;
  if (m_settledPolls < 4)
    return;
  m_poll.stop();
  const QImage img = m_window.grab().toImage();
  if (img.isNull() || !img.save(m_output, "PNG")) {
    finish(1, QStringLiteral("%1: cannot write PNG").arg(m_output));
    return;
  }
  finish(0, QStringLiteral("%1: %2x%3").arg(m_output).arg(img.width()).arg(img.height()));
}

void ScreenshotRunner::finish(int code, const QString &message) {
  m_poll.stop();
  std::fprintf(code == 0 ? stdout : stderr, "%s\n", qPrintable(message));
  QApplication::exit(code);
}

} // namespace tacit
