#include <QTemporaryDir>
#include <QtTest>

#include "ReadersHelper.h"
#include "core/export/ActionTargets.h"
#include "core/export/RobomimicWriter.h"

using namespace tacit::exporting;
using nlohmann::json;

namespace {

constexpr int kH = 24, kW = 32;

std::uint8_t pixel(std::size_t frame, std::size_t k) {
  return static_cast<std::uint8_t>((frame * 7 + k * 3) % 251);
}

EpisodeData makeEpisode(int n, const std::string &task) {
  EpisodeData ep;
  ep.task = task;
  ep.recordingId = "rec-1";
  for (int i = 0; i < n; ++i) {
    ep.frameTimes.push_back(1000 + i * 33333333LL);
    ep.leftPalm.emplace_back(0.1f * i, 0.2f, 0.5f);
    ep.rightPalm.emplace_back(-0.1f, 0.01f * i, 0.4f);
    ep.leftValid.push_back(1);
    ep.rightValid.push_back(i % 2);
    ep.worldFromCamera.push_back(Eigen::Isometry3d::Identity());
  }
  ep.range = {ep.frameTimes.front(), ep.frameTimes.back() + 33333333LL};
  return ep;
}

FrameProvider patternFrames() {
  return [](std::size_t i, std::vector<std::uint8_t> &rgb) {
    for (std::size_t k = 0; k < rgb.size(); ++k)
      rgb[k] = pixel(i, k);
    return tacit::okStatus();
  };
}

} // namespace

class RobomimicWriterTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void h5pyReadsLayoutShapesAttrsAndMasks() {
    const QString path = m_dir.filePath("robomimic.hdf5");
    RobomimicOptions opt;
    opt.height = kH;
    opt.width = kW;
    opt.splitSeed = 7;
    auto writer = RobomimicWriter::create(path.toStdString(), opt);
    QVERIFY2(writer.ok(), writer.error().c_str());
    const int lengths[5] = {12, 5, 40, 1, 9};
    for (int d = 0; d < 5; ++d)
      QVERIFY((*writer)->writeDemo(makeEpisode(lengths[d], "pick up cup " + std::to_string(d)), patternFrames()).ok());
    QVERIFY((*writer)->finish().ok());

    const json out = tacit::testing::runJsonTool(
        tacit::testing::systemPython(), {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py"), path});
    QVERIFY(!out.is_null());
    QCOMPARE(out["attrs"]["data"]["total"].get<int>(), 12 + 5 + 40 + 1 + 9);
    QVERIFY(!json::parse(out["attrs"]["data"]["env_args"].get<std::string>()).is_discarded());
    for (int d = 0; d < 5; ++d) {
      const std::string demo = "data/demo_" + std::to_string(d);
      const int n = lengths[d];
      QCOMPARE(out["attrs"][demo]["num_samples"].get<int>(), n);
      QCOMPARE(out["attrs"][demo]["language"].get<std::string>(), "pick up cup " + std::to_string(d));
      const json &img = out["datasets"][demo + "/obs/front_img_1"];
      QCOMPARE(img["shape"], json({n, kH, kW, 3}));
      QCOMPARE(img["dtype"].get<std::string>(), std::string("|u1"));
      QCOMPARE(img["chunks"], json({1, kH, kW, 3}));
      QCOMPARE(img["compression"].get<std::string>(), std::string("gzip"));
      QCOMPARE(out["datasets"][demo + "/obs/ee_pose"]["shape"], json({n, 6}));
      QCOMPARE(out["datasets"][demo + "/obs/ee_pose"]["dtype"].get<std::string>(), std::string("<f4"));
      QCOMPARE(out["datasets"][demo + "/actions_xyz"]["shape"], json({n, 10, 6}));
      QCOMPARE(out["datasets"][demo + "/actions_xyz_act"]["shape"], json({n, 100, 6}));
      QCOMPARE(out["datasets"][demo + "/actions_xyz_act"]["compression"].get<std::string>(), std::string("gzip"));
      // Frame content: every frame's byte sum equals what the provider produced.
      const json &sums = out["frame_sums"]["demo_" + std::to_string(d)];
      QCOMPARE(int(sums.size()), n);
      for (int i = 0; i < n; ++i) {
        long long expect = 0;
        for (std::size_t k = 0; k < std::size_t(kH * kW * 3); ++k)
          expect += pixel(std::size_t(i), k);
        QCOMPARE(sums[i].get<long long>(), expect);
      }
      const json &arr = out["arrays"]["demo_" + std::to_string(d)];
      const auto ee = eePoseArray(makeEpisode(n, ""));
      QCOMPARE(int(arr["obs/ee_pose"].size()), int(ee.size()));
      for (std::size_t k = 0; k < ee.size(); ++k)
        QCOMPARE(arr["obs/ee_pose"][k].get<float>(), ee[k]);
      QCOMPARE(arr["timestamps_ns"][0].get<long long>(), 1000LL);
    }
    // Seeded split: 20 % of 5 demos = 1 valid; together they cover every demo exactly once.
    std::vector<std::string> train = out["masks"]["train"], valid = out["masks"]["valid"];
    QCOMPARE(int(valid.size()), 1);
    QCOMPARE(int(train.size()), 4);
    std::vector<std::string> expectTrain, expectValid;
    RobomimicWriter::splitDemos(5, 0.2, 7, expectTrain, expectValid);
    QCOMPARE(train, expectTrain);
    QCOMPARE(valid, expectValid);
  }

  void splitIsSeededAndDeterministic() {
    std::vector<std::string> t1, v1, t2, v2, t3, v3;
    RobomimicWriter::splitDemos(50, 0.2, 1, t1, v1);
    RobomimicWriter::splitDemos(50, 0.2, 1, t2, v2);
    RobomimicWriter::splitDemos(50, 0.2, 2, t3, v3);
    QCOMPARE(int(v1.size()), 10);
    QCOMPARE(int(t1.size()), 40);
    QCOMPARE(v1, v2);
    QVERIFY(v1 != v3);
    // mt19937_64's sequence is standardised, so this exact split holds on every platform.
    RobomimicWriter::splitDemos(10, 0.2, 0, t1, v1);
    QCOMPARE(int(v1.size()), 2);
  }

  void providerErrorAndCancelStopTheDemo() {
    RobomimicOptions opt;
    opt.height = kH;
    opt.width = kW;
    auto writer = RobomimicWriter::create(m_dir.filePath("err.hdf5").toStdString(), opt);
    QVERIFY(writer.ok());
    auto s = (*writer)->writeDemo(makeEpisode(4, "t"), [](std::size_t i, std::vector<std::uint8_t> &) {
      return i == 2 ? tacit::Status::failure("rgb.mp4: frame 2: decode failed") : tacit::okStatus();
    });
    QVERIFY(!s.ok());
    QCOMPARE(QString::fromStdString(s.error()), QStringLiteral("rgb.mp4: frame 2: decode failed"));
    s = (*writer)->writeDemo(makeEpisode(4, "t"), patternFrames(), [](double f) { return f < 0.5; });
    QCOMPARE(QString::fromStdString(s.error()), QStringLiteral("cancelled"));
  }

  void unwritablePathNamesTheFile() {
    auto w = RobomimicWriter::create("/nonexistent-folder/a.hdf5", {});
    QVERIFY(!w.ok());
    QCOMPARE(QString::fromStdString(w.error()), QStringLiteral("/nonexistent-folder/a.hdf5: cannot create HDF5 file"));
  }
};

QTEST_GUILESS_MAIN(RobomimicWriterTest)
#include "RobomimicWriterTest.moc"
