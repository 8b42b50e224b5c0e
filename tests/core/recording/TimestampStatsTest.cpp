#include <QtTest>

#include "core/recording/TimestampStats.h"

using namespace tacit;

class TimestampStatsTest : public QObject {
  Q_OBJECT
private slots:
  void steadyStream() {
    std::vector<Timestamp> t;
    for (int i = 0; i < 31; ++i)
      t.push_back(5 * kNsPerSecond + i * 100 * kNsPerMs);
    const auto s = analyzeTimestamps(t);
    QCOMPARE(s.count, std::size_t(31));
    QCOMPARE(s.first, 5 * kNsPerSecond);
    QCOMPARE(s.last, 8 * kNsPerSecond);
    QCOMPARE(s.meanRateHz, 10.0);
    QCOMPARE(s.medianInterval, 100 * kNsPerMs);
    QCOMPARE(s.gapCount, std::size_t(0));
    QVERIFY(timestampWarnings(s).empty());
  }
  void gapsDuplicatesAndBackwardSteps() {
    const std::vector<Timestamp> t = {0, 10, 20, 20, 30, 90, 100, 95, 110, 120};
    const auto s = analyzeTimestamps(t);
    QCOMPARE(s.duplicateCount, std::size_t(1));
    QCOMPARE(s.backwardCount, std::size_t(1));
    QCOMPARE(s.medianInterval, Timestamp(10));
    QCOMPARE(s.gapCount, std::size_t(1)); // 30 -> 90 (the 95 -> 110 step is 15 <= 2 x 10)
    QCOMPARE(s.longestGap, Timestamp(60));
    QCOMPARE(s.longestGapAt, Timestamp(30));
    QCOMPARE(s.first, Timestamp(0));
    QCOMPARE(s.last, Timestamp(120));
    const auto w = timestampWarnings(s);
    QCOMPARE(w.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(w[0]),
             QStringLiteral("1 gap(s) longer than 2x the median interval 0.000 ms; longest 0.000 ms after 0.000 s"));
    QCOMPARE(QString::fromStdString(w[1]), QStringLiteral("1 duplicate timestamp(s)"));
    QCOMPARE(QString::fromStdString(w[2]), QStringLiteral("1 timestamp(s) go backwards (not monotonic)"));
  }
  void tinyInputs() {
    QCOMPARE(analyzeTimestamps({}).count, std::size_t(0));
    const auto one = analyzeTimestamps({42});
    QCOMPARE(one.first, Timestamp(42));
    QCOMPARE(one.meanRateHz, 0.0);
    const auto same = analyzeTimestamps({7, 7, 7});
    QCOMPARE(same.duplicateCount, std::size_t(2));
    QCOMPARE(same.meanRateHz, 0.0);
    QCOMPARE(same.gapCount, std::size_t(0));
  }
};

QTEST_GUILESS_MAIN(TimestampStatsTest)
#include "TimestampStatsTest.moc"
