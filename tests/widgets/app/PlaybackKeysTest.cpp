// The review window's transport keys, sent as key events (QTest::keyClick on the main window, so they
// go through the shortcut map and ActionRegistry like a real key press): Space, Left/Right,
// Shift+Left/Right, PgUp/PgDn, J/K/L (repeated L/J faster), Home/End, Ctrl+= / Ctrl+- and F.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"

#include <QSignalSpy>

#include "core/time/TimeControl.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

class PlaybackKeysTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;

  TimeControl &tc() { return m_window->timeControl(); }
  RecordingSession *session() { return m_window->session(); }
  void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::keyClick(m_window.get(), k, mods);
    QCoreApplication::processEvents();
  }
  // After a step: paused, on frame `f` exactly (time = that frame's time).
  void expectFrame(qint64 f) {
    QVERIFY(!tc().isPlaying());
    QCOMPARE(tc().time(), *session()->timeOfFrame(f));
    QVERIFY(QTest::qWaitFor([&] { return session()->framesSettled(); }, 10000));
    QCOMPARE(session()->currentFrame(), f);
  }

private slots:
  void initTestCase() {
    QString error;
    const QString path = guitest::makeSample(m_dir, &error, 8.0); // 240 frames
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(path, &error, guitest::Focus::Active);
    QVERIFY2(m_window, qPrintable(error));
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void stepKeys() {
    key(Qt::Key_Home);
    expectFrame(0);
    key(Qt::Key_Right);
    expectFrame(1);
    key(Qt::Key_Right, Qt::ShiftModifier);
    expectFrame(11);
    key(Qt::Key_PageDown);
    expectFrame(111);
    key(Qt::Key_Left);
    expectFrame(110);
    key(Qt::Key_Left, Qt::ShiftModifier);
    expectFrame(100);
    key(Qt::Key_PageUp);
    expectFrame(0);
    key(Qt::Key_PageUp); // clamped at the first frame
    expectFrame(0);
    key(Qt::Key_End); // the end of the recording (sensors may run past the last video frame)
    QVERIFY(!tc().isPlaying());
    QCOMPARE(tc().time(), tc().range().end - 1);
    QVERIFY(QTest::qWaitFor([&] { return session()->framesSettled(); }, 10000));
    QCOMPARE(session()->currentFrame(), qint64(239));
    key(Qt::Key_PageDown); // clamped at the last frame
    expectFrame(239);
    key(Qt::Key_Home);
    expectFrame(0);
    QCOMPARE(tc().time(), tc().range().begin);
  }

  void spaceTogglesPlay() {
    key(Qt::Key_Home);
    const Timestamp t0 = tc().time();
    key(Qt::Key_Space);
    QVERIFY(tc().isPlaying());
    QCOMPARE(tc().speed(), 1.0);
    QVERIFY(QTest::qWaitFor([&] { return session()->currentFrame() >= 3; }, 5000));
    key(Qt::Key_Space);
    QVERIFY(!tc().isPlaying());
    const Timestamp t1 = tc().time();
    QVERIFY(t1 > t0);
    QTest::qWait(100);
    QCOMPARE(tc().time(), t1); // paused: time stands still
  }

  void jklChangeDirectionAndSpeed() {
    key(Qt::Key_Home);
    key(Qt::Key_L);
    QVERIFY(tc().isPlaying());
    QCOMPARE(tc().speed(), 1.0);
    key(Qt::Key_L);
    QCOMPARE(tc().speed(), 2.0);
    key(Qt::Key_L);
    QCOMPARE(tc().speed(), 4.0);
    QVERIFY(QTest::qWaitFor([&] { return session()->currentFrame() > 10; }, 5000));
    key(Qt::Key_K);
    QVERIFY(!tc().isPlaying());
    const Timestamp paused = tc().time();
    key(Qt::Key_J);
    QVERIFY(tc().isPlaying());
    QVERIFY(tc().isReverse());
    QCOMPARE(tc().speed(), -1.0);
    key(Qt::Key_J);
    QCOMPARE(tc().speed(), -2.0);
    QVERIFY(QTest::qWaitFor([&] { return tc().time() < paused; }, 5000));
    key(Qt::Key_L); // the other direction starts again at 1x
    QCOMPARE(tc().speed(), 1.0);
    key(Qt::Key_K);
    QVERIFY(!tc().isPlaying());
  }

  void ctrlPlusMinusZoomTimeline() {
    TimelineWidget *tl = m_window->timeline();
    key(Qt::Key_F);
    QCOMPARE(tl->visibleRange(), tc().range());
    const Timestamp full = tl->visibleRange().duration();
    key(Qt::Key_Equal, Qt::ControlModifier);
    const Timestamp in1 = tl->visibleRange().duration();
    QVERIFY2(in1 < full, qPrintable(QStringLiteral("%1 !< %2").arg(in1).arg(full)));
    key(Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(tl->visibleRange().duration() < in1);
    key(Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(std::abs(tl->visibleRange().duration() - in1) <= in1 / 100); // zoom out undoes zoom in
    key(Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(std::abs(tl->visibleRange().duration() - full) <= full / 100);
  }

  void fKeyFitsTheViews() {
    VideoView *v = m_window->videoView();
    TimelineWidget *tl = m_window->timeline();
    v->zoomBy(3.0);
    QVERIFY(!v->isFit());
    key(Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(tl->visibleRange().duration() < tc().range().duration());
    key(Qt::Key_F);
    QVERIFY(v->isFit());
    QCOMPARE(tl->visibleRange(), tc().range());
  }
};

TACIT_GUI_TEST_MAIN(PlaybackKeysTest)
#include "PlaybackKeysTest.moc"
