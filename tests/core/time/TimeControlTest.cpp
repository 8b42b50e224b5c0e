// TimeControl verbs with a fake clock and manual ticks: one timeChanged per tick, frame steps land
// on exact frame times, per-stream offsets, end-of-range pause.
#include <QSignalSpy>
#include <QtTest>

#include "core/time/TimeControl.h"

using namespace tacit;

class TimeControlTest : public QObject {
  Q_OBJECT
  std::shared_ptr<ManualTimeSource> m_wall;

  std::unique_ptr<TimeControl> make() {
    m_wall = std::make_shared<ManualTimeSource>();
    return std::make_unique<TimeControl>(m_wall);
  }

private slots:
  void oneEmissionPerTick() {
    auto tc = make();
    QSignalSpy spy(tc.get(), &TimeControl::timeChanged);
    tc->tick();
    QCOMPARE(spy.count(), 1); // initial time is announced once
    tc->setTime(100);
    tc->setTime(200);
    tc->setTime(300);
    QCOMPARE(tc->time(), Timestamp(300)); // verbs apply at once...
    QCOMPARE(spy.count(), 1);
    tc->tick(); // ...and are announced once per tick
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toLongLong(), 300LL);
    tc->tick(); // nothing moved: no emission
    QCOMPARE(spy.count(), 2);
    // The scheduled tick fires from the event loop as well.
    tc->setTime(400);
    QTRY_COMPARE(spy.count(), 3);
    QCOMPARE(spy.last().at(0).toLongLong(), 400LL);
  }

  void playAtTwoXAdvancesTwice() {
    auto tc = make();
    QSignalSpy playing(tc.get(), &TimeControl::playingChanged);
    QSignalSpy times(tc.get(), &TimeControl::timeChanged);
    tc->setSpeed(2.0);
    tc->play();
    QCOMPARE(playing.count(), 1);
    m_wall->advance(100 * kNsPerMs);
    tc->tick();
    QCOMPARE(tc->time(), 200 * kNsPerMs);
    QCOMPARE(times.last().at(0).toLongLong(), qint64(200 * kNsPerMs));
    tc->setReverse(true);
    m_wall->advance(50 * kNsPerMs);
    tc->tick();
    QCOMPARE(tc->time(), 100 * kNsPerMs);
    tc->pause();
    QCOMPARE(playing.count(), 2);
  }

  void pausesAtRangeEnd() {
    auto tc = make();
    tc->setRange({0, kNsPerSecond});
    tc->setTime(900 * kNsPerMs);
    tc->play();
    QSignalSpy playing(tc.get(), &TimeControl::playingChanged);
    m_wall->advance(kNsPerSecond);
    tc->tick();
    QVERIFY(!tc->isPlaying());
    QCOMPARE(playing.count(), 1);
    QCOMPARE(tc->time(), kNsPerSecond - 1);
  }

  void loopWraps() {
    auto tc = make();
    tc->setLoop({kNsPerSecond, 2 * kNsPerSecond});
    tc->setTime(kNsPerSecond);
    tc->play();
    m_wall->advance(1250 * kNsPerMs);
    tc->tick();
    QCOMPARE(tc->time(), kNsPerSecond + 250 * kNsPerMs);
    QVERIFY(tc->isPlaying());
  }

  void stepLandsOnExactFrameTimes() {
    auto tc = make();
    // 30 fps-ish VFR frame times in the video's own clock.
    const std::vector<Timestamp> frames{0, 33'366'666, 66'733'333, 100'100'000, 150'000'000, 200'000'000};
    tc->setFrameTimes("rgb", frames);
    tc->setStepStream("rgb");
    tc->setTime(50'000'000); // between frames 1 and 2: current frame is 1
    QVERIFY(tc->step(1));
    QCOMPARE(tc->time(), frames[2]);
    QVERIFY(tc->step("rgb", 3));
    QCOMPARE(tc->time(), frames[5]);
    QVERIFY(tc->step(1)); // clamps at the last frame
    QCOMPARE(tc->time(), frames[5]);
    QVERIFY(tc->step(-2));
    QCOMPARE(tc->time(), frames[3]);
    QVERIFY(tc->step(-10));
    QCOMPARE(tc->time(), frames[0]);
    tc->setTime(-5); // before the first frame: +1 lands on frame 0
    QVERIFY(tc->step(1));
    QCOMPARE(tc->time(), frames[0]);
    QVERIFY(!tc->step("unknown", 1));
    // Stepping pauses playback.
    tc->play();
    QVERIFY(tc->step(1));
    QVERIFY(!tc->isPlaying());
    QCOMPARE(tc->time(), frames[1]);
  }

  void offsetsAppliedToStepsAndStreamTime() {
    auto tc = make();
    const std::vector<Timestamp> frames{1000, 2000, 3000};
    tc->setFrameTimes("depth", std::make_shared<CallbackFrameTimes>([&] { return frames.size(); },
                                                                    [&](std::size_t i) { return frames[i]; }));
    QSignalSpy offsetsSpy(tc.get(), &TimeControl::offsetsChanged);
    QSignalSpy times(tc.get(), &TimeControl::timeChanged);
    tc->tick();
    tc->setStreamOffset("depth", 500); // depth sample s is shown at s + 500
    QCOMPARE(offsetsSpy.count(), 1);
    QCOMPARE(tc->streamOffset("depth"), Timestamp(500));
    QCOMPARE(tc->streamOffset("rgb"), Timestamp(0));
    tc->tick(); // same time, but views must re-query after an offset change
    QCOMPARE(times.count(), 2);
    tc->setTime(2400); // depth clock 1900: current depth frame is 0
    QCOMPARE(tc->streamTime("depth"), Timestamp(1900));
    QCOMPARE(tc->streamTime("rgb"), Timestamp(2400));
    QVERIFY(tc->step("depth", 1));
    QCOMPARE(tc->time(), Timestamp(2500)); // frame 1 (2000) + offset
    QCOMPARE(tc->streamTime("depth"), Timestamp(2000));
    QCOMPARE(tc->offsets().toGlobalRange("depth", {1000, 3001}), (TimeRange{1500, 3501}));
    tc->setStreamOffset("depth", 500); // unchanged: no signal
    QCOMPARE(offsetsSpy.count(), 1);
    QCOMPARE(tc->currentFrame("depth"), std::ptrdiff_t(1));
    QCOMPARE(tc->currentFrame("none"), std::ptrdiff_t(-1));
    tc->setStreamOffsets({{"depth", 500}, {"imu", -20}});
    QCOMPARE(offsetsSpy.count(), 2);
    QCOMPARE(tc->streamOffset("imu"), Timestamp(-20));
    tc->setStreamOffsets({{"depth", 500}, {"imu", -20}}); // same map: no signal
    QCOMPARE(offsetsSpy.count(), 2);
    tc->setTime(3200);
    QCOMPARE(tc->currentFrame("depth"), std::ptrdiff_t(1)); // depth clock 2700
    tc->setStreamOffsets({});
    QCOMPARE(tc->streamOffset("depth"), Timestamp(0));
    QCOMPARE(tc->currentFrame("depth"), std::ptrdiff_t(2)); // depth clock 3200
  }

  void playTimerTicksWhilePlaying() {
    auto tc = std::make_unique<TimeControl>(); // real steady clock
    tc->setTickInterval(5);
    QCOMPARE(tc->tickInterval(), 5);
    QSignalSpy times(tc.get(), &TimeControl::timeChanged);
    tc->play();
    QTRY_VERIFY(times.count() >= 3);
    tc->pause();
    QVERIFY(tc->time() > 0);
  }
};

QTEST_GUILESS_MAIN(TimeControlTest)
#include "TimeControlTest.moc"
