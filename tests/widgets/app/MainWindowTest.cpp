// The review window end to end on a small synthetic recording: opening in the background, frame
// stepping through the action registry lands on the expected FrameCode, typed frame numbers, the 3D
// view shows both hand colours, the plot cursor follows the playhead, offsets shift the views.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QSignalSpy>

#include "core/sample/FrameCode.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/common/HandColors.h"
#include "widgets/plot/PlotWidget.h"
#include "widgets/plot/PlotsView.h"
#include "widgets/pose3d/Pose3DView.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/transport/TransportBar.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

class MainWindowTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_path;
  std::unique_ptr<MainWindow> m_window;

  bool waitSettled(int timeoutMs = 15000) {
    return QTest::qWaitFor([&] { return m_window->session() && m_window->session()->framesSettled(); }, timeoutMs);
  }
  std::optional<std::uint32_t> shownCode() const { return sample::readFrameCode(m_window->videoView()->image()); }
  void trigger(const char *id) {
    QAction *a = m_window->actions().action(QString::fromLatin1(id));
    QVERIFY2(a, id);
    a->trigger();
    QCoreApplication::processEvents();
  }

private slots:
  void initTestCase() {
    QString error;
    m_path = guitest::makeSample(m_dir, &error);
    QVERIFY2(!m_path.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(m_path, &error);
    QVERIFY2(m_window, qPrintable(error));
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void opensAtFirstFrame() {
    QCOMPARE(m_window->session()->currentFrame(), qint64(0));
    QCOMPARE(shownCode().value_or(999), 0u);
    QVERIFY(m_window->recentFiles().contains(QFileInfo(m_path).absoluteFilePath()));
  }

  void steppingShowsExpectedFrameCode() {
    trigger("playback.stepForward");
    QVERIFY(waitSettled());
    QCOMPARE(shownCode().value_or(999), 1u);
    trigger("playback.forward10");
    QVERIFY(waitSettled());
    QCOMPARE(m_window->session()->currentFrame(), qint64(11));
    QCOMPARE(shownCode().value_or(999), 11u); // continuing the decode forward shows the right picture
    trigger("playback.stepBack");
    QVERIFY(waitSettled());
    QCOMPARE(m_window->session()->currentFrame(), qint64(10));
    trigger("playback.forward10");
    QVERIFY(waitSettled());
    QCOMPARE(m_window->session()->currentFrame(), qint64(20));
    QCOMPARE(shownCode().value_or(999), 20u);
    trigger("playback.stepBack");
    QVERIFY(waitSettled());
    QCOMPARE(m_window->session()->currentFrame(), qint64(19));
    QCOMPARE(shownCode().value_or(999), 19u);
    trigger("playback.end");
    QVERIFY(waitSettled());
    const qint64 last = m_window->session()->frameCount() - 1;
    QCOMPARE(qint64(shownCode().value_or(999)), last);
    trigger("playback.start");
    QVERIFY(waitSettled());
    QCOMPARE(shownCode().value_or(999), 0u);
  }

  void typedFrameNumberSeeks() {
    QLineEdit *field = m_window->transport()->timeField();
    field->setFocus();
    field->setText(QStringLiteral("#23"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(waitSettled());
    QCOMPARE(shownCode().value_or(999), 23u);
    QCOMPARE(m_window->session()->currentFrame(), qint64(23));
    // A typed time (seconds) lands on the frame shown at that time.
    field->setFocus();
    field->setText(QStringLiteral("1.0"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(waitSettled());
    const qint64 f = m_window->session()->currentFrame();
    QVERIFY2(f >= 28 && f <= 30, qPrintable(QString::number(f)));
    QCOMPARE(qint64(shownCode().value_or(999)), f);
  }

  void pose3dShowsBothHands() {
    // Find a frame where both hands are present and confident.
    RecordingSession *s = m_window->session();
    const auto &hands = s->recording().series().hands;
    QVERIFY(hands);
    qint64 frame = -1;
    for (qint64 f = 0; f < s->frameCount(); f += 3) {
      const Timestamp t = *s->timeOfFrame(f);
      const auto l = hands->interpolateAt(t, series::HandSide::Left, 100 * kNsPerMs);
      const auto r = hands->interpolateAt(t, series::HandSide::Right, 100 * kNsPerMs);
      if (l.valid() && r.valid() && l.confidence > 0.9f && r.confidence > 0.9f) {
        frame = f;
        break;
      }
    }
    QVERIFY(frame >= 0);
    m_window->timeControl().setTime(*s->timeOfFrame(frame));
    QVERIFY(waitSettled());
    QTest::qWait(50);
    Pose3DView *v = m_window->pose3dView();
    QVERIFY(v->isVisible());
    const QImage img = v->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!img.isNull());
    // Not blank: many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 3)
      for (int x = 0; x < img.width(); x += 3)
        colours.insert(img.pixel(x, y) & 0xf0f0f0);
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    const int left = guitest::countNear(img, handColor(0), 90);
    const int right = guitest::countNear(img, handColor(1), 90);
    QVERIFY2(left > 15, qPrintable(QStringLiteral("left %1").arg(left)));
    QVERIFY2(right > 15, qPrintable(QStringLiteral("right %1").arg(right)));
  }

  void plotCursorFollowsPlayhead() {
    PlotsView *plots = m_window->plotsView();
    QVERIFY(plots->plots().size() >= 3);
    const Timestamp t = m_window->timeControl().range().begin + 700 * kNsPerMs;
    m_window->timeControl().setTime(t);
    QVERIFY(waitSettled());
    QTest::qWait(30);
    for (PlotWidget *p : plots->plots()) {
      QCOMPARE(p->playhead(), t);
      const QImage img = p->grab().toImage();
      const int x = p->cursorX();
      QCOMPARE(x, static_cast<int>(std::floor(p->axis().xOf(t))));
      QVERIFY(guitest::colourDistance(img.pixelColor(x, img.height() / 2), PlotWidget::cursorColor()) < 30);
    }
    QCOMPARE(m_window->timeline()->playhead(), t);
  }

  void videoOffsetMovesTheSensorsNotTheFrames() {
    RecordingSession *s = m_window->session();
    const std::string videoId = s->recording().video()->id;
    const std::string handsId = s->recording().series().handsId;
    QVERIFY(!handsId.empty());
    const Timestamp t = *s->timeOfFrame(20);
    m_window->timeControl().setTime(t);
    QVERIFY(waitSettled());
    QCOMPARE(shownCode().value_or(999), 20u);
    const Timestamp handsBefore = m_window->timeControl().streamOffset(handsId);
    // Delaying the video by 5 frames keeps the playhead on its frame (segments stay on the frames
    // they were drawn on); the sensors move 5 frames earlier relative to the video instead.
    s->setUserOffset(videoId, 5 * s->framePeriod());
    QCOMPARE(m_window->timeControl().streamOffset(handsId), handsBefore - 5 * s->framePeriod());
    QCOMPARE(*s->timeOfFrame(20), t);
    s->refresh();
    QVERIFY(waitSettled());
    QCOMPARE(shownCode().value_or(999), 20u);
    s->setUserOffset(videoId, 0);
    QCOMPARE(m_window->timeControl().streamOffset(handsId), handsBefore);
  }

  void playbackAdvancesAndJklChangesSpeed() {
    trigger("playback.start");
    QVERIFY(waitSettled());
    trigger("playback.forward"); // L
    QVERIFY(m_window->timeControl().isPlaying());
    QCOMPARE(m_window->timeControl().speed(), 1.0);
    trigger("playback.forward"); // L again: faster
    QCOMPARE(m_window->timeControl().speed(), 2.0);
    QVERIFY(QTest::qWaitFor([&] { return m_window->session()->currentFrame() > 5; }, 5000));
    trigger("playback.pause"); // K
    QVERIFY(!m_window->timeControl().isPlaying());
    trigger("playback.reverse"); // J
    QVERIFY(m_window->timeControl().isReverse());
    QCOMPARE(m_window->timeControl().speed(), -1.0);
    trigger("playback.pause");
  }

  void openErrorNamesTheFile() {
    QTemporaryDir bad;
    QFile f(bad.path() + "/recording.json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();
    QSignalSpy failed(m_window.get(), &MainWindow::openFailed);
    QVERIFY(m_window->openPath(bad.path()));
    QVERIFY(failed.wait(10000));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("recording.json")), qPrintable(m_window->lastError()));
    // The old recording stays open.
    QVERIFY(m_window->session());
  }

  void layoutsSaveAndRestore() {
    m_window->saveLayout(QStringLiteral("review"));
    QVERIFY(m_window->layoutNames().contains(QStringLiteral("review")));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("dock.plots"));
    QVERIFY(dock);
    dock->hide();
    QVERIFY(m_window->restoreLayout(QStringLiteral("review")));
    QVERIFY(!dock->isHidden());
  }
};

TACIT_GUI_TEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
