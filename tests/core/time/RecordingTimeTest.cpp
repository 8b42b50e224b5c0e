// The one recording-time formatter and the device -> recording time mapping (issue #15).
#include <QTest>

#include "core/time/RecordingTime.h"

using namespace tacit;

class RecordingTimeTest : public QObject {
  Q_OBJECT
private slots:
  void formatsMinutesSecondsMillis() {
    QCOMPARE(formatRecordingTime(0), std::string("0:00.000"));
    QCOMPARE(formatRecordingTime(kNsPerSecond), std::string("0:01.000"));
    QCOMPARE(formatRecordingTime(62 * kNsPerSecond + 345 * kNsPerMs), std::string("1:02.345"));
    QCOMPARE(formatRecordingTime(3723 * kNsPerSecond + 4 * kNsPerMs), std::string("1:02:03.004"));
    QCOMPARE(formatRecordingTime(-1500 * kNsPerMs), std::string("-0:01.500"));
  }
  void roundsToTheNearestMillisecond() {
    // A frame time one nanosecond short of a second (pts rounding) still reads 0:01.000.
    QCOMPARE(formatRecordingTime(kNsPerSecond - 1), std::string("0:01.000"));
    QCOMPARE(formatRecordingTime(66'666'667), std::string("0:00.067")); // frame 2 at 30 fps
    QCOMPARE(formatRecordingTime(33'333'333), std::string("0:00.033"));
  }
  void mapsDeviceTimeToRecordingTimeAndFrames() {
    // 30 fps video whose device clock starts at 10 s.
    std::vector<Timestamp> frames;
    for (int i = 0; i < 90; ++i)
      frames.push_back(10 * kNsPerSecond + i * kNsPerSecond / 30);
    const auto base = RecordingTimeBase::fromFrames(frames);
    QCOMPARE(base.origin(), 10 * kNsPerSecond);
    QCOMPARE(base.time(11 * kNsPerSecond), std::string("0:01.000"));
    QCOMPARE(base.frameAt(11 * kNsPerSecond).value(), std::int64_t(30));
    QCOMPARE(base.timeAndFrame(11 * kNsPerSecond), std::string("0:01.000 (#30)"));
    QVERIFY(!base.frameAt(9 * kNsPerSecond));
    // A segment [frame 30, frame 75) shows frames 30..74.
    const TimeRange seg{frames[30], frames[75]};
    QCOMPARE(base.span(seg), std::string("0:01.000\u20130:02.500 (#30\u2013#74)"));
    QCOMPARE(base.duration(seg), std::string("0:01.500"));
    QCOMPARE(base.device(kNsPerSecond), 11 * kNsPerSecond);
  }
  void worksWithoutVideo() {
    const RecordingTimeBase base(5 * kNsPerSecond);
    QVERIFY(!base.hasFrames());
    QCOMPARE(base.timeAndFrame(6 * kNsPerSecond), std::string("0:01.000"));
    QCOMPARE(base.span({6 * kNsPerSecond, 7 * kNsPerSecond}), std::string("0:01.000\u20130:02.000"));
    QCOMPARE(RecordingTimeBase::fromFrames({}, 42).origin(), Timestamp(42));
  }
};

QTEST_APPLESS_MAIN(RecordingTimeTest)
#include "RecordingTimeTest.moc"
