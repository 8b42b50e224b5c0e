// windowQuery through the min/max pyramid equals brute force over the same buckets, at every zoom.
#include <QtTest>
#include <cmath>
#include <random>

#include "core/series/Series.h"

using namespace tacit;
using namespace tacit::series;

namespace {
Series makeSeries(std::size_t n, unsigned seed) {
  Series s({"a", "b"});
  std::mt19937 rng(seed);
  std::normal_distribution<float> noise(0.f, 1.f);
  std::uniform_int_distribution<int> gap(1, 3);
  Timestamp t = 5000;
  s.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    float v[2] = {noise(rng) + std::sin(float(i) * 0.001f) * 10.f, float(i % 1000)};
    if (i % 777 == 0)
      v[0] = std::numeric_limits<float>::quiet_NaN(); // NaNs are ignored by min/max
    s.append(t, v);
    t += gap(rng) * kNsPerMs;
  }
  s.finish();
  return s;
}

std::pair<float, float> bruteMinMax(const Series &s, std::size_t c, std::size_t lo, std::size_t hi) {
  float mn = INFINITY, mx = -INFINITY;
  for (std::size_t i = lo; i < hi; ++i) {
    const float v = s.value(c, i);
    if (std::isnan(v))
      continue;
    mn = std::min(mn, v);
    mx = std::max(mx, v);
  }
  if (mn > mx)
    return {NAN, NAN};
  return {mn, mx};
}

bool sameFloat(float a, float b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}
} // namespace

class WindowQueryTest : public QObject {
  Q_OBJECT
private slots:
  void matchesBruteForceAtAllZooms() {
    const Series s = makeSeries(300000, 7);
    const TimeRange all = s.timeRange();
    std::mt19937 rng(3);
    for (int q = 0; q < 60; ++q) {
      // Zoom from the whole series down to a few samples, at random positions.
      const Timestamp span = std::max<Timestamp>(1, all.duration() >> (q % 20));
      std::uniform_int_distribution<Timestamp> pos(all.begin - span / 4, all.end - span / 2);
      const TimeRange range{pos(rng), 0};
      const TimeRange r{range.begin, range.begin + span};
      const std::size_t maxPoints = std::size_t(3 + (q * 37) % 2000);
      const SeriesWindow w = s.windowQuery(r, maxPoints);
      QVERIFY(w.bucketCount() <= maxPoints);
      const auto i0 = std::size_t(std::lower_bound(s.times().begin(), s.times().end(), r.begin) - s.times().begin());
      const auto i1 = std::size_t(std::lower_bound(s.times().begin(), s.times().end(), r.end) - s.times().begin());
      QCOMPARE(w.firstIndex, i0);
      QCOMPARE(w.endIndex, i1);
      QCOMPARE(w.channels, (std::vector<int>{0, 1}));
      // Walk the buckets: they tile [i0, i1) in order.
      std::size_t next = i0;
      for (std::size_t b = 0; b < w.bucketCount(); ++b) {
        const std::size_t lo = next;
        std::size_t hi = lo;
        while (hi < i1 && s.timeAt(hi) <= w.end[b])
          ++hi;
        QCOMPARE(w.begin[b], s.timeAt(lo));
        QVERIFY(hi > lo);
        if (w.samplesPerBucket > 1)
          QVERIFY(hi - lo <= w.samplesPerBucket);
        for (std::size_t row = 0; row < 2; ++row) {
          auto [mn, mx] = bruteMinMax(s, row, lo, hi);
          QVERIFY2(sameFloat(w.min[row][b], mn),
                   qPrintable(QString("q%1 b%2 min %3 vs %4").arg(q).arg(b).arg(w.min[row][b]).arg(mn)));
          QVERIFY(sameFloat(w.max[row][b], mx));
        }
        next = hi;
      }
      QCOMPARE(next, i1);
    }
  }

  void rawWhenFewSamples() {
    const Series s = makeSeries(100, 1);
    const SeriesWindow w = s.windowQuery(s.timeRange(), 500, {1});
    QVERIFY(w.raw());
    QCOMPARE(w.bucketCount(), std::size_t(100));
    QCOMPARE(w.channels, std::vector<int>{1});
    QCOMPARE(w.min.size(), std::size_t(1));
    for (std::size_t i = 0; i < 100; ++i) {
      QCOMPARE(w.begin[i], s.timeAt(i));
      QCOMPARE(w.min[0][i], s.value(1, i));
      QCOMPARE(w.max[0][i], s.value(1, i));
    }
  }

  void bucketsAlignedForStablePanning() {
    // Shifting the window by a few samples must not change interior buckets.
    const Series s = makeSeries(100000, 5);
    const TimeRange r1{s.timeAt(10000), s.timeAt(90000)};
    const TimeRange r2{s.timeAt(10003), s.timeAt(90003)};
    const auto w1 = s.windowQuery(r1, 400), w2 = s.windowQuery(r2, 400);
    QCOMPARE(w1.samplesPerBucket, w2.samplesPerBucket);
    QCOMPARE(w1.begin[5], w2.begin[5]);
    QCOMPARE(w1.max[0][5], w2.max[0][5]);
  }

  void emptyCases() {
    Series empty({"x"});
    empty.finish();
    QCOMPARE(empty.windowQuery({0, 100}, 10).bucketCount(), std::size_t(0));
    const Series s = makeSeries(1000, 2);
    QCOMPARE(s.windowQuery({0, 10}, 10).bucketCount(), std::size_t(0));  // before the data
    QCOMPARE(s.windowQuery({50, 50}, 10).bucketCount(), std::size_t(0)); // empty range
  }

  void indexAtBinarySearch() {
    Series s({"v"});
    for (Timestamp t : {10, 20, 20, 30}) {
      float v = float(t);
      s.append(t, &v);
    }
    s.finish();
    QCOMPARE(s.indexAt(9), std::ptrdiff_t(-1));
    QCOMPARE(s.indexAt(10), std::ptrdiff_t(0));
    QCOMPARE(s.indexAt(19), std::ptrdiff_t(0));
    QCOMPARE(s.indexAt(20), std::ptrdiff_t(2)); // latest of equal stamps
    QCOMPARE(s.indexAt(1000), std::ptrdiff_t(3));
    QCOMPARE(s.nearestIndex(26), std::ptrdiff_t(3));
    QCOMPARE(s.nearestIndex(24), std::ptrdiff_t(2));
    QCOMPARE(s.nearestIndex(0), std::ptrdiff_t(0));
    QCOMPARE(s.timeRange(), (TimeRange{10, 31}));
    QCOMPARE(s.sampleAt(3), std::vector<float>{30.f});
  }
};

QTEST_GUILESS_MAIN(WindowQueryTest)
#include "WindowQueryTest.moc"
