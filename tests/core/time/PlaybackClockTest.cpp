// PlaybackClock driven by a fake wall clock: speed, reverse, loop wrap, clamping.
#include <QtTest>

#include "core/time/PlaybackClock.h"

using namespace tacit;

class PlaybackClockTest : public QObject {
  Q_OBJECT
  std::shared_ptr<ManualTimeSource> m_wall;

  PlaybackClock makeClock() {
    m_wall = std::make_shared<ManualTimeSource>();
    m_wall->set(123456789); // arbitrary wall origin
    return PlaybackClock(m_wall);
  }

private slots:
  void pausedClockDoesNotMove() {
    auto c = makeClock();
    c.setTime(5 * kNsPerSecond);
    m_wall->advance(kNsPerSecond);
    QCOMPARE(c.time(), 5 * kNsPerSecond);
    QVERIFY(!c.isPlaying());
  }

  void playAtOneAndTwoX() {
    auto c = makeClock();
    c.setTime(kNsPerSecond);
    c.play();
    m_wall->advance(500 * kNsPerMs);
    QCOMPARE(c.time(), kNsPerSecond + 500 * kNsPerMs);
    c.setSpeed(2.0);
    m_wall->advance(kNsPerSecond);
    QCOMPARE(c.time(), kNsPerSecond + 500 * kNsPerMs + 2 * kNsPerSecond);
    c.pause();
    m_wall->advance(kNsPerSecond);
    QCOMPARE(c.time(), 3 * kNsPerSecond + 500 * kNsPerMs);
  }

  void speedClampedAndReverse() {
    auto c = makeClock();
    c.setSpeed(50);
    QCOMPARE(c.speed(), 10.0);
    c.setSpeed(0.01);
    QCOMPARE(c.speed(), 0.1);
    c.setSpeed(0);
    QCOMPARE(c.speed(), 0.1);
    c.setSpeed(-0.5);
    QVERIFY(c.isReverse());
    QCOMPARE(c.speed(), -0.5);
    c.setTime(10 * kNsPerSecond);
    c.play();
    m_wall->advance(2 * kNsPerSecond);
    QCOMPARE(c.time(), 9 * kNsPerSecond);
    c.setReverse(false);
    QCOMPARE(c.speed(), 0.5);
    m_wall->advance(2 * kNsPerSecond);
    QCOMPARE(c.time(), 10 * kNsPerSecond);
  }

  void loopWrapsBothWays() {
    auto c = makeClock();
    c.setLoop({kNsPerSecond, 3 * kNsPerSecond});
    c.setTime(2 * kNsPerSecond + 500 * kNsPerMs);
    c.play();
    m_wall->advance(kNsPerSecond); // 3.5 s -> wraps to 1.5 s
    QCOMPARE(c.time(), kNsPerSecond + 500 * kNsPerMs);
    m_wall->advance(4 * kNsPerSecond); // 7.5 s -> 1.5 s again (two more loops)
    QCOMPARE(c.time(), kNsPerSecond + 500 * kNsPerMs);
    QVERIFY(!c.reachedEnd());
    c.pause();
    c.setTime(kNsPerSecond + 200 * kNsPerMs);
    c.setSpeed(-1);
    c.play();
    m_wall->advance(500 * kNsPerMs); // 0.7 s -> wraps to 2.7 s
    QCOMPARE(c.time(), 2 * kNsPerSecond + 700 * kNsPerMs);
    c.clearLoop();
    QVERIFY(!c.loop().has_value());
  }

  void rangeClampsAndReportsEnd() {
    auto c = makeClock();
    c.setRange({0, 10 * kNsPerSecond});
    c.setTime(-5);
    QCOMPARE(c.time(), Timestamp(0));
    c.setTime(9 * kNsPerSecond);
    c.play();
    m_wall->advance(5 * kNsPerSecond);
    QCOMPARE(c.time(), 10 * kNsPerSecond - 1);
    QVERIFY(c.reachedEnd());
    c.pause();
    // Play again at the end starts over from the beginning.
    c.play();
    QCOMPARE(c.time(), Timestamp(0));
  }
};

QTEST_GUILESS_MAIN(PlaybackClockTest)
#include "PlaybackClockTest.moc"
