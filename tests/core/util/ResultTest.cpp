#include <QtTest>

#include "core/time/Timestamp.h"
#include "core/util/Result.h"

using namespace tacit;

class ResultTest : public QObject {
  Q_OBJECT
private slots:
  void valueAndWarnings() {
    Result<int> r(42);
    r.addWarning("hands.csv: line 3: 2 columns, expected 155");
    QVERIFY(r.ok());
    QCOMPARE(*r, 42);
    QCOMPARE(r.warnings().size(), size_t(1));
  }
  void failureCarriesMessage() {
    auto r = Result<int>::failure("rgb.mp4: not a video");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("rgb.mp4: not a video"));
  }
  void timeRangeIsHalfOpen() {
    TimeRange r{10, 20};
    QVERIFY(r.contains(10));
    QVERIFY(!r.contains(20));
    QVERIFY(!r.overlaps({20, 30}));
    QVERIFY(r.overlaps({19, 30}));
    QCOMPARE(r.intersected({15, 40}), (TimeRange{15, 20}));
    QCOMPARE(fromSeconds(1.5), Timestamp(1'500'000'000));
  }
};

QTEST_GUILESS_MAIN(ResultTest)
#include "ResultTest.moc"
