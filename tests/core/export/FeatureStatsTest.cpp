// FeatureStats / ImageStats: statistics computed the way lerobot computes them (FeatureStats.h). The
// expected values were computed with numpy 1.24 (Debian 12) running lerobot 7427f31's formulas; the
// end-to-end comparison against the readers is ReaderCompatTest.
#include <QtTest>

#include "core/export/FeatureStats.h"

using namespace tacit::exporting;

class FeatureStatsTest : public QObject {
  Q_OBJECT

private slots:
  void exactMeanAndPopulationStd() {
    FeatureStats s(2);
    for (double v : {1.0, 2.0, 3.0, 4.0}) {
      const double row[2] = {v, 10 * v};
      s.add(row);
    }
    const StatsSummary r = s.summarize(false);
    QCOMPARE(r.count, 4);
    QCOMPARE(r.mean[0], 2.5);
    QCOMPARE(r.std[0], std::sqrt(1.25)); // population std (np.std)
    QCOMPARE(r.min[1], 10.0);
    QCOMPARE(r.max[1], 40.0);
  }

  void lerobotFloat32RowsLoseWhatLerobotLoses() {
    // A 0.2 mm spread around 0.3 m: lerobot's sqrt(E[x^2] - E[x]^2) in float32 (compute_stats.py:103-115)
    // gives 0.000193010..., the exact population std is 0.000229134...
    FeatureStats s(2);
    const float rows[4][2] = {{0.3001f, 1.0f}, {0.3002f, 2.0f}, {0.3004f, 3.0f}, {0.3007f, 4.0f}};
    for (const auto &r : rows)
      s.add(r);
    const StatsSummary lerobot = s.summarize(true, StatsArithmetic::LeRobotFloat32);
    QCOMPARE(lerobot.mean[0], 0.30035001039505005);
    QCOMPARE(lerobot.std[0], 0.00019301011343486607);
    QCOMPARE(lerobot.std[1], 1.1180340051651);
    const StatsSummary exact = s.summarize(true);
    QVERIFY(std::abs(exact.std[0] - 0.0002291342893408447) < 1e-12);
  }

  void singleColumnUsesNumpysPairwiseSum() {
    std::vector<float> col;
    for (int i = 0; i < 10000; ++i)
      col.push_back(1000.0f + static_cast<float>(i) * 0.37f);
    // np.add.reduce(col.reshape(-1, 1), axis=0): 28498150 (a row-by-row float32 sum gives 28498116).
    QCOMPARE(numpyPairwiseSum(col.data(), col.size()), 28498150.0f);

    FeatureStats s(1);
    for (int i = 0; i < 3000; ++i) {
      const float v = 0.3f + static_cast<float>(i) * 1e-5f;
      s.add(&v);
    }
    const StatsSummary r = s.summarize(true, StatsArithmetic::LeRobotFloat32);
    QCOMPARE(r.mean[0], 0.31499502062797546);
    QCOMPARE(r.std[0], 0.008659682236611843);
  }

  void oneRowHasZeroStdAndQuantilesAtTheMean() {
    // _compute_basic_stats (compute_stats.py:405-432) for fewer than two rows.
    FeatureStats s(1);
    s.add(0.25);
    for (StatsArithmetic a : {StatsArithmetic::Exact, StatsArithmetic::LeRobotFloat32}) {
      const StatsSummary r = s.summarize(true, a);
      QCOMPARE(r.std[0], 0.0);
      for (const auto &q : r.quantiles)
        QCOMPARE(q[0], 0.25);
    }
  }

  void histogramQuantilesInterpolateInsideTheBin() {
    // Frames 0..6: q50 target 3.5 lands halfway into the bin starting at 3 (width 6 / 5000).
    std::vector<std::pair<double, double>> v;
    for (int i = 0; i <= 6; ++i)
      v.emplace_back(i, 1.0);
    const auto q = histogramQuantiles(v, 0, 6);
    QVERIFY(std::abs(q[2] - (3.0 + 0.5 * 6.0 / 5000)) < 1e-9);
    QVERIFY(q[0] >= -1e-9 && q[0] < 6.0 / 5000 * 1.01); // q01: inside the first bin
    QVERIFY(q[4] > 6.0 - 6.0 / 5000 && q[4] <= 6.0 + 1e-9);
  }

  void aggregateIsCountWeighted() {
    // aggregate_feature_stats (compute_stats.py:581-625): equal to the stats of all rows together.
    FeatureStats a(1), b(1), all(1);
    for (double v : {1.0, 2.0, 3.0}) {
      a.add(v);
      all.add(v);
    }
    for (double v : {10.0, 20.0}) {
      b.add(v);
      all.add(v);
    }
    const StatsSummary agg = aggregateStats({a.summarize(), b.summarize()}), whole = all.summarize();
    QCOMPARE(agg.count, 5);
    QVERIFY(std::abs(agg.mean[0] - whole.mean[0]) < 1e-12);
    QVERIFY(std::abs(agg.std[0] - whole.std[0]) < 1e-12);
    QCOMPARE(agg.min[0], 1.0);
    QCOMPARE(agg.max[0], 20.0);
    QCOMPARE(agg.quantiles[0][0], std::min(a.summarize().quantiles[0][0], b.summarize().quantiles[0][0]));
    QCOMPARE(agg.quantiles[4][0], std::max(a.summarize().quantiles[4][0], b.summarize().quantiles[4][0]));
  }

  void imageSamplesAndDownsamplesAsLerobot() {
    // estimate_num_samples + sample_indices (compute_stats.py:204-226).
    QCOMPARE(ImageStats::sampleIndices(5), (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
    QCOMPARE(int(ImageStats::sampleIndices(1000).size()), 177);
    QCOMPARE(ImageStats::sampleIndices(1000).back(), 999);
    // A 300x300 frame keeps every 2nd row and column (auto_downsample_height_width): pixel (1,1) is skipped.
    ImageStats s(1);
    std::vector<std::uint8_t> rgb(300 * 300 * 3, 100);
    rgb[(300 + 1) * 3] = 255; // red of pixel (1, 1)
    s.addFrame(0, rgb.data(), 300, 300);
    const StatsSummary r = s.summarize();
    QCOMPARE(r.count, 1); // sampled frames, not pixels
    QCOMPARE(r.max[0], 100.0 / 255.0);
    QCOMPARE(r.std[0], 0.0);
    const StatsSummary r32 = s.summarize(StatsArithmetic::LeRobotFloat32);
    QCOMPARE(r32.mean[1], static_cast<double>(100.0f / 255.0f));
  }
};

QTEST_GUILESS_MAIN(FeatureStatsTest)
#include "FeatureStatsTest.moc"
