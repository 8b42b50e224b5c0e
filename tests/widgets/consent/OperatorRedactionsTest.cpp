// The operator view blanks redacted spans (DESIGN §7): RecordingSession::setRedactions makes the video
// view show a flat "Redacted" frame inside a removed span (real pixels, with the frame code, outside),
// blurs spatial boxes into the shown frame, hides plot data of removed streams and adds a timeline lane.
#include <QtTest>

#include "../GuiTestSupport.h"
#include "../MainWindowFixture.h"
#include "core/sample/FrameCode.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/app/SessionRedactions.h"
#include "widgets/plot/PlotsView.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

namespace {
// Fraction of pixels of `img` equal (within 6) to `c`.
double fractionNear(const QImage &img, const QColor &c) {
  return img.isNull() ? 0.0 : double(guitest::countNear(img, c, 6)) / (double(img.width()) * img.height());
}
// Mean absolute difference of neighbouring pixels inside a normalised box (high-frequency energy).
double detail(const QImage &src, const QRectF &box) {
  const QImage img = src.convertToFormat(QImage::Format_RGB888);
  const QRect r(int(box.x() * img.width()), int(box.y() * img.height()), int(box.width() * img.width()),
                int(box.height() * img.height()));
  double sum = 0;
  int n = 0;
  for (int y = r.top(); y < r.bottom(); ++y)
    for (int x = r.left(); x < r.right(); ++x) {
      sum += std::abs(qGray(img.pixel(x, y)) - qGray(img.pixel(x + 1, y)));
      ++n;
    }
  return n ? sum / n : 0;
}
} // namespace

class OperatorRedactionsTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;

  bool settleAt(qint64 frame) {
    RecordingSession *s = m_window->session();
    m_window->timeControl().setTime(*s->timeOfFrame(frame));
    return QTest::qWaitFor([&] { return s->framesSettled() && s->currentFrame() == frame; }, 15000);
  }
  Timestamp deviceTime(qint64 frame) const {
    return (*m_window->session()->recording().video()->frameTimes)[static_cast<std::size_t>(frame)];
  }

private slots:
  void initTestCase() {
    QString error;
    const QString path = guitest::makeSample(m_dir, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(path, &error);
    QVERIFY2(m_window, qPrintable(error));
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void redactedSpanIsBlankOutsideIsReal() {
    RecordingSession *s = m_window->session();
    // Before: frame 15 shows real pixels.
    QVERIFY(settleAt(15));
    QCOMPARE(sample::readFrameCode(m_window->videoView()->image()).value_or(999), 15u);

    project::Redaction all; // every stream over frames [10, 20)
    all.startNs = deviceTime(10);
    all.endNs = deviceTime(20);
    project::Redaction imu; // only the IMU over frames [40, 50)
    imu.startNs = deviceTime(40);
    imu.endNs = deviceTime(50);
    imu.streams = {"imu"};
    project::Redaction blur; // a box blurred over frames [25, 35)
    blur.startNs = deviceTime(25);
    blur.endNs = deviceTime(35);
    blur.streams = {"video"};
    blur.boxes = {{0.25, 0.25, 0.5, 0.5}};
    s->setRedactions({all, imu, blur});
    QCOMPARE(int(s->redactions().size()), 3);

    // Inside the removed span (the playhead has not moved): the view re-presents a blank frame.
    QVERIFY(QTest::qWaitFor([&] { return s->framesSettled(); }, 15000));
    QImage shown = m_window->videoView()->image();
    QVERIFY(fractionNear(shown, SessionRedactions::blankColour()) > 0.85);
    QVERIFY(!sample::readFrameCode(shown));
    for (qint64 f : {10, 19}) {
      QVERIFY(settleAt(f));
      shown = m_window->videoView()->image();
      QVERIFY2(fractionNear(shown, SessionRedactions::blankColour()) > 0.85, qPrintable(QString::number(f)));
    }
    // Just outside: the real frame.
    for (qint64 f : {9, 20, 45}) {
      QVERIFY(settleAt(f));
      shown = m_window->videoView()->image();
      QCOMPARE(qint64(sample::readFrameCode(shown).value_or(999)), f);
      QVERIFY(fractionNear(shown, SessionRedactions::blankColour()) < 0.2);
    }
    // The grabbed widget (what the operator sees) is blank inside the span too.
    QVERIFY(settleAt(12));
    QTest::qWait(30);
    const QImage grabbed = m_window->videoView()->grab().toImage();
    const QImage blank = SessionRedactions::blankFrame(m_window->videoView()->image().size());
    QVERIFY(guitest::countNear(grabbed, SessionRedactions::blankColour(), 6) > grabbed.width() * grabbed.height() / 4);
    QCOMPARE(m_window->videoView()->image().convertToFormat(QImage::Format_RGB32), blank);
  }

  void boxesAreBlurredInTheView() {
    // Same picture content region with and without the box: detail inside the box drops.
    QVERIFY(settleAt(24));
    const double before = detail(m_window->videoView()->image(), {0.3, 0.3, 0.4, 0.4});
    QVERIFY(settleAt(26));
    const double inside = detail(m_window->videoView()->image(), {0.3, 0.3, 0.4, 0.4});
    QVERIFY2(before > 1.0, qPrintable(QString::number(before)));
    QVERIFY2(inside < before * 0.3, qPrintable(QString("%1 vs %2").arg(inside).arg(before)));
    // Outside the box the frame is untouched (its frame code, in a corner, still reads).
    QCOMPARE(sample::readFrameCode(m_window->videoView()->image()).value_or(999), 26u);
  }

  void plotsHideRemovedStreams() {
    RecordingSession *s = m_window->session();
    PlotsView *plots = m_window->plotsView();
    QVERIFY(!plots->plots().empty());
    PlotSource *accel = plots->plots().front()->source();
    QVERIFY(accel && accel->title() == QStringLiteral("Accelerometer"));
    // The IMU-only span [40, 50) and the all-streams span [10, 20): NaN buckets; [60, 70): data.
    auto nanAt = [&](qint64 a, qint64 b) {
      const series::SeriesWindow w = accel->window({*s->timeOfFrame(a), *s->timeOfFrame(b)}, 10000);
      int nan = 0, all = 0;
      for (std::size_t k = 0; k < w.bucketCount(); ++k, ++all)
        nan += std::isnan(w.min[0][k]) ? 1 : 0;
      return std::pair{nan, all};
    };
    auto [n1, a1] = nanAt(41, 49);
    QVERIFY(a1 > 0);
    QCOMPARE(n1, a1);
    auto [n2, a2] = nanAt(11, 19);
    QCOMPARE(n2, a2);
    auto [n3, a3] = nanAt(55, 59);
    QVERIFY(a3 > 0);
    QCOMPARE(n3, 0);
  }

  void timelineShowsTheLane() {
    const auto &lanes = m_window->timeline()->lanes();
    auto it = std::find_if(lanes.begin(), lanes.end(), [](const TimelineLane &l) { return l.id == "redactions"; });
    QVERIFY(it != lanes.end());
    QCOMPARE(int(it->spans.size()), 3);
    QVERIFY(it->spans[0].label.contains("all streams"));
    QVERIFY(it->spans[2].label.contains("Blurred"));
  }

  void clearingRestoresThePicture() {
    RecordingSession *s = m_window->session();
    QVERIFY(settleAt(15));
    s->setRedactions({});
    QVERIFY(QTest::qWaitFor([&] { return s->framesSettled(); }, 15000));
    QCOMPARE(sample::readFrameCode(m_window->videoView()->image()).value_or(999), 15u);
  }
};

TACIT_GUI_TEST_MAIN(OperatorRedactionsTest)
#include "OperatorRedactionsTest.moc"
