// Issue #15, the layout and stale state: in project mode at 1600×1000 and 1920×1080 the video is the
// largest view, the separator between the project docks and the video drags (real mouse events),
// Reset Layout brings the default back with the project docks, a saved layout restores; opening a
// recording without depth clears the depth view, resets the time field and clears an old banner.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"
#include "tests/widgets/operator/OperatorTestSupport.h"

#include <QDockWidget>
#include <QProcess>

#include "core/project/ProjectSession.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/depth/DepthView.h"
#include "widgets/plot/PlotsView.h"
#include "widgets/pose3d/Pose3DView.h"
#include "widgets/project/RecordingsPanel.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

namespace {
int area(const QWidget *w) {
  return w && w->isVisible() ? w->width() * w->height() : 0;
}
} // namespace

class LayoutTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
  QString m_sample;

  QDockWidget *dock(const char *name) { return m_window->findChild<QDockWidget *>(QString::fromLatin1(name)); }
  void expectVideoLargest() {
    const int video = area(m_window->videoView());
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
      if (d->isVisible() && !d->isFloating())
        QVERIFY2(area(d->widget()) < video,
                 qPrintable(QStringLiteral("%1 (%2x%3) is not smaller than the video (%4x%5)")
                                .arg(d->objectName())
                                .arg(d->widget()->width())
                                .arg(d->widget()->height())
                                .arg(m_window->videoView()->width())
                                .arg(m_window->videoView()->height())));
    QVERIFY(m_window->videoView()->height() > 400);
  }

private slots:
  void initTestCase() {
    QString error;
    m_sample = guitest::makeSample(m_dir, &error, 2.0);
    QVERIFY2(!m_sample.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(m_sample, &error, guitest::Focus::Active);
    QVERIFY2(m_window, qPrintable(error));
    QVERIFY(m_window->projects().newProject(m_dir.filePath(QStringLiteral("l.tacit"))));
  }
  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void videoIsTheLargestViewInProjectMode_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
  }
  void videoIsTheLargestViewInProjectMode() {
    QFETCH(QSize, size);
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    m_window->actions().action(QStringLiteral("view.resetLayout"))->trigger();
    QCoreApplication::processEvents();
    QTRY_VERIFY(dock("dock.recordings")->isVisible());
    expectVideoLargest();
    // A taller window gives the height to the video, not to the timeline.
    const int timelineHeight = m_window->timeline()->height(), videoHeight = m_window->videoView()->height();
    m_window->resize(size.width(), size.height() + 100);
    QTRY_VERIFY(m_window->videoView()->height() > videoHeight + 60);
    QVERIFY(std::abs(m_window->timeline()->height() - timelineHeight) < 30);
    m_window->resize(size);
  }

  void separatorBetweenDocksAndVideoDrags() {
    m_window->resize(1600, 1000);
    m_window->actions().action(QStringLiteral("view.resetLayout"))->trigger();
    QTRY_VERIFY(dock("dock.recordings")->isVisible());
    QDockWidget *left = dock("dock.recordings");
    const int before = left->width();
    // The separator is the gap between the dock's right edge and the video panel's left edge.
    const QPoint leftEdge = left->mapTo(m_window.get(), QPoint(left->width(), left->height() / 2));
    const QPoint videoEdge = m_window->centralWidget()->mapTo(m_window.get(), QPoint(0, 0));
    const QPoint grip((leftEdge.x() + videoEdge.x()) / 2, leftEdge.y());
    QTest::mousePress(m_window.get(), Qt::LeftButton, {}, grip);
    for (int dx = 10; dx <= 120; dx += 10) {
      QMouseEvent move(QEvent::MouseMove, QPointF(grip + QPoint(dx, 0)),
                       m_window->mapToGlobal(QPointF(grip + QPoint(dx, 0))), Qt::NoButton, Qt::LeftButton,
                       Qt::NoModifier);
      QCoreApplication::sendEvent(m_window.get(), &move);
    }
    QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, grip + QPoint(120, 0));
    // The dock widens until the video reaches the width the dock layout keeps for it (686 px at this
    // size since the merge; tracked in issue 15), so the drag is asserted to move it, not by how much.
    QTRY_VERIFY2(left->width() > before + 20, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(left->width())));
    // A saved layout restores that width; Reset Layout goes back to the default.
    const int dragged = left->width();
    m_window->saveLayout(QStringLiteral("wide list"));
    m_window->actions().action(QStringLiteral("view.resetLayout"))->trigger();
    QTRY_VERIFY(std::abs(left->width() - before) < 20);
    QVERIFY(m_window->restoreLayout(QStringLiteral("wide list")));
    QTRY_VERIFY(std::abs(left->width() - dragged) < 20);
  }

  void noStaleStateAfterARecordingChange() {
    // A recording without depth: a plain video made with the ffmpeg CLI.
    const QString mp4 = m_dir.filePath(QStringLiteral("plain.mp4"));
    QCOMPARE(
        QProcess::execute(QStringLiteral("ffmpeg"), {"-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                                                     "-t", "1", "-pix_fmt", "yuv420p", "-y", mp4}),
        0);
    QVERIFY(!m_window->depthView()->image().isNull());                    // the sample's depth is on screen
    m_window->openPath(m_dir.filePath(QStringLiteral("missing-folder"))); // an error banner
    QVERIFY(!m_window->lastError().isEmpty());
    auto *bar = m_window->findChild<QWidget *>(QStringLiteral("errorBar"));
    QTRY_VERIFY(bar->isVisible());
    // Something typed in the time field, then another recording.
    QTest::mouseClick(m_window->transport()->timeField(), Qt::LeftButton);
    optest::type(QStringLiteral("12"));
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    QVERIFY(m_window->openPath(mp4));
    QVERIFY(opened.wait(30000));
    QTRY_VERIFY(m_window->depthView()->image().isNull());
    QTRY_VERIFY(!bar->isVisible()); // the later success cleared the old error
    QTRY_COMPARE(m_window->transport()->timeField()->text(), QStringLiteral("0:00.000"));
    QVERIFY(optest::keysWithWindow(*m_window));
  }
};

TACIT_GUI_TEST_MAIN(LayoutTest)
#include "LayoutTest.moc"
