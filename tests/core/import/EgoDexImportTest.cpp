// EgoDex import from a synthetic episode written with the HDF5 C API (no real EgoDex file is
// redistributable): intrinsics, joint -> Aria landmark mapping, camera-frame conversion, task.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "EgoDexTestFile.h"
#include "core/import/EgoDexImporter.h"
#include "core/recording/RecordingReader.h"
#include "core/series/HandSeries.h"
#include "core/series/TrajectorySeries.h"

using namespace tacit;
namespace fs = std::filesystem;

class EgoDexImportTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  fs::path tmp(const std::string &n) const { return fs::path(m_dir.path().toStdString()) / n; }

  fs::path makeVideo(const std::string &name, int frames) {
    fs::path p = tmp(name);
    QString dur = QString::number(frames / 30.0, 'f', 6);
    if (QProcess::execute("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t",
                                     dur, "-pix_fmt", "yuv420p", QString::fromStdString(p.string())}) != 0)
      return {};
    return p;
  }

private slots:
  void importsEpisode() {
    const int n = 12;
    fs::path h5 = tmp("fold_towel/0.hdf5");
    fs::create_directories(h5.parent_path());
    QVERIFY(egodextest::writeEpisode(h5.string(), n));
    fs::path video = makeVideo("fold_towel_0.mp4", n);
    QVERIFY(!video.empty());

    import::EgoDexImportOptions o;
    o.hdf5 = h5;
    o.video = video;
    o.out = tmp("rec");
    auto r = import::importEgoDex(o);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY2(r.warnings().empty(), r.warnings().empty() ? "" : r.warnings().front().c_str());

    auto m = RecordingReader::read(o.out);
    QVERIFY2(m.ok(), m.error().c_str());
    QCOMPARE(m->task, std::string(egodextest::kDescription));
    const auto *cam = m->calibration.camera("rgb");
    QVERIFY(cam);
    QCOMPARE(cam->model->kind(), geometry::CameraModelKind::Pinhole);
    QVERIFY(std::abs(cam->model->params()[0] - 736.6339) < 1e-3);
    QCOMPARE(cam->model->params()[2], 160.0);
    QCOMPARE(cam->model->width(), 320);

    auto hands = series::HandSeries::load((o.out / "hands.csv").string());
    QVERIFY2(hands.ok(), hands.error().c_str());
    QCOMPARE(hands->size(), std::size_t(n));
    QCOMPARE(hands->layout(), series::HandLayout::TrackingResultsV1);
    // Camera at the origin in ARKit convention (looking down -Z, y up) -> Tacit camera frame
    // (z forward, y down): (x, y, z)_world -> (x, -y, -z).
    for (int frame : {0, 7}) {
      for (int side = 0; side < 2; ++side) {
        auto pose = hands->sampleAt(std::size_t(frame), side == 0 ? series::HandSide::Left : series::HandSide::Right);
        QCOMPARE(pose.confidence, side == 0 ? 0.75f : 0.5f);
        for (int l = 0; l < 20; ++l) {
          double w[3];
          egodextest::jointWorld(side, l, frame, w);
          const Eigen::Vector3d expected(w[0], -w[1], -w[2]);
          QVERIFY2((pose.landmarks[std::size_t(l)].cast<double>() - expected).norm() < 1e-5,
                   qPrintable(QString("side %1 landmark %2").arg(side).arg(l)));
        }
        // Palm centre: midway wrist (5) .. middle knuckle (11).
        const Eigen::Vector3f palm = 0.5f * (pose.landmarks[5] + pose.landmarks[11]);
        QVERIFY((pose.landmarks[20] - palm).norm() < 1e-5);
      }
    }
    // Frame times = video frame times (30 fps).
    QCOMPARE(hands->series().timeAt(1) - hands->series().timeAt(0), Timestamp(33333000));

    auto traj = series::TrajectorySeries::load((o.out / "trajectory.csv").string());
    QVERIFY2(traj.ok(), traj.error().c_str());
    QCOMPARE(traj->size(), std::size_t(n));
  }

  void missingJointIsAnError() {
    fs::path h5 = tmp("broken.hdf5");
    QVERIFY(egodextest::writeEpisode(h5.string(), 5, "rightRingFingerIntermediateTip"));
    fs::path video = makeVideo("broken.mp4", 5);
    import::EgoDexImportOptions o;
    o.hdf5 = h5;
    o.video = video;
    o.out = tmp("rec_broken");
    auto r = import::importEgoDex(o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), std::string("broken.hdf5: /transforms/rightRingFingerIntermediateTip is missing"));
    QVERIFY(!fs::exists(o.out));
  }

  void notHdf5IsAnError() {
    fs::path p = tmp("text.hdf5");
    std::ofstream(p) << "not hdf5";
    import::EgoDexImportOptions o;
    o.hdf5 = p;
    o.video = tmp("none.mp4");
    o.out = tmp("rec_text");
    auto r = import::importEgoDex(o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), std::string("text.hdf5: not an HDF5 file"));
  }

  void landmarkMappingTable() {
    QCOMPARE(std::string(import::egoDexJointForLandmark(0)), std::string("ThumbTip"));
    QCOMPARE(std::string(import::egoDexJointForLandmark(5)), std::string("Hand"));
    QCOMPARE(std::string(import::egoDexJointForLandmark(17)), std::string("LittleFingerKnuckle"));
    QCOMPARE(std::string(import::egoDexJointForLandmark(20)), std::string());
  }
};

QTEST_GUILESS_MAIN(EgoDexImportTest)
#include "EgoDexImportTest.moc"
