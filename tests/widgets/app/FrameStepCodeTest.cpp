// Frame stepping through the real MainWindow with key events lands on the expected picture: after
// every step the frame code burned into the sample (core/sample/FrameCode) is decoded from the image
// the VideoView shows, not only the frame index the session reports. Covers continuing a decode
// forward (1 -> 11 -> 21), long jumps (PgDn), stepping back (Left, PgUp) and Home/End.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"

#include <QSignalSpy>

#include "core/sample/FrameCode.h"
#include "core/time/TimeControl.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

class FrameStepCodeTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;

  bool waitSettled() {
    return QTest::qWaitFor([&] { return m_window->session() && m_window->session()->framesSettled(); }, 15000);
  }
  qint64 shownCode() const {
    const auto code = sample::readFrameCode(m_window->videoView()->image());
    return code ? qint64(*code) : -1;
  }
  // Presses `key` on the main window and checks index and displayed picture.
  void press(Qt::Key key, Qt::KeyboardModifiers mods, qint64 expected, const char *what) {
    QTest::keyClick(m_window.get(), key, mods);
    QVERIFY2(waitSettled(), what);
    QCOMPARE(m_window->session()->currentFrame(), expected);
    QCOMPARE(m_window->videoView()->frameIndex(), expected);
    const qint64 code = shownCode();
    if (code != expected)
      QFAIL(qPrintable(QStringLiteral("%1: frame %2 shows code %3").arg(what).arg(expected).arg(code)));
  }

private slots:
  void initTestCase() {
    QString error;
    const QString path = guitest::makeSample(m_dir, &error, 10.0); // 300 frames at 30 fps
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(path, &error, guitest::Focus::Active);
    QVERIFY2(m_window, qPrintable(error));
    QCOMPARE(m_window->session()->frameCount(), qint64(300));
    QCOMPARE(shownCode(), qint64(0));
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void stepsShowTheirFrameCode() {
    press(Qt::Key_Right, Qt::NoModifier, 1, "Right");
    press(Qt::Key_Right, Qt::ShiftModifier, 11, "Shift+Right from 1");
    press(Qt::Key_Right, Qt::ShiftModifier, 21, "Shift+Right from 11");
    press(Qt::Key_Right, Qt::NoModifier, 22, "Right from 21");
    press(Qt::Key_PageDown, Qt::NoModifier, 122, "PgDn");
    press(Qt::Key_Left, Qt::NoModifier, 121, "Left");
    press(Qt::Key_Left, Qt::ShiftModifier, 111, "Shift+Left");
    press(Qt::Key_Right, Qt::ShiftModifier, 121, "Shift+Right after stepping back");
    press(Qt::Key_PageUp, Qt::NoModifier, 21, "PgUp");
    press(Qt::Key_End, Qt::NoModifier, 299, "End");
    press(Qt::Key_Left, Qt::NoModifier, 298, "Left from the end");
    press(Qt::Key_Home, Qt::NoModifier, 0, "Home");
    // Forward steps of 10 across a GOP boundary (GOP 30) continue the decoder or seek.
    for (qint64 f = 10; f <= 90; f += 10)
      press(Qt::Key_Right, Qt::ShiftModifier, f, "Shift+Right chain");
  }

  void stepAfterPlaybackShowsExactFrame() {
    // Play a little (display frames decoded at view size), pause, then step: the paused view shows the
    // exact full-size picture of the frame it reports.
    QTest::keyClick(m_window.get(), Qt::Key_L);
    QVERIFY(m_window->timeControl().isPlaying());
    QVERIFY(QTest::qWaitFor([&] { return m_window->session()->currentFrame() > 100; }, 10000));
    QTest::keyClick(m_window.get(), Qt::Key_K);
    QVERIFY(!m_window->timeControl().isPlaying());
    QVERIFY(waitSettled());
    const qint64 f = m_window->session()->currentFrame();
    QCOMPARE(shownCode(), f);
    QCOMPARE(m_window->videoView()->image().size(), QSize(320, 320));
    press(Qt::Key_Right, Qt::NoModifier, f + 1, "Right after playback");
    press(Qt::Key_Right, Qt::ShiftModifier, f + 11, "Shift+Right after playback");
  }
};

TACIT_GUI_TEST_MAIN(FrameStepCodeTest)
#include "FrameStepCodeTest.moc"
