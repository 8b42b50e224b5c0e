// Projection check for the Aria importer: a generated 1408x1408 sample is re-exported in Aria's own
// formats (its MPS-format CSVs laid out as an MPS folder, its calibration as a 2880x2880 factory
// calibration JSON), imported with `import aria-mps --video`, and every hand landmark at several
// frames must land where the native recording puts it (<= 0.5 px).
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "core/import/AriaImporter.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"
#include "core/sample/AriaMpsExport.h"
#include "core/sample/SampleGenerator.h"
#include "core/series/HandSeries.h"

using namespace tacit;
namespace fs = std::filesystem;

namespace {

constexpr Timestamp kHandMaxGap = 100 * kNsPerMs; // as the review window's overlay

struct Opened {
  RecordingManifest manifest;
  std::unique_ptr<media::VideoSource> video;
  std::optional<series::HandSeries> hands;
  CameraCalibration camera;
};

Opened open(const fs::path &folder) {
  Opened o;
  auto m = RecordingReader::read(folder);
  if (!m)
    qFatal("%s", m.error().c_str());
  o.manifest = m.takeValue();
  const StreamDescriptor *rgb = o.manifest.stream("rgb");
  const StreamDescriptor *hands = o.manifest.firstOfKind(StreamKind::HandPose);
  if (!rgb || !hands || !o.manifest.calibration.cameras.count("rgb"))
    qFatal("%s: rgb stream, hands stream or rgb camera missing", folder.c_str());
  media::VideoSource::Options vo;
  vo.timeOffsetNs = rgb->timeOffsetNs;
  vo.useIndexCache = false;
  auto v = media::VideoSource::open(o.manifest.absolutePath(*rgb), vo);
  if (!v)
    qFatal("%s", v.error().c_str());
  o.video = v.takeValue();
  auto h = series::HandSeries::load(o.manifest.absolutePath(*hands).string());
  if (!h)
    qFatal("%s", h.error().c_str());
  o.hands = h.takeValue();
  o.camera = o.manifest.calibration.cameras.at("rgb");
  return o;
}

// Painting coordinates as CameraProjector computes them for an image of the video's size.
std::optional<Eigen::Vector2d> project(const Opened &o, const Eigen::Vector3d &pointDevice) {
  const auto px = o.camera.model->project(o.camera.T_device_camera.inverse().apply(pointDevice));
  if (!px)
    return std::nullopt;
  const double sx = double(o.video->width()) / o.camera.model->width();
  const double sy = double(o.video->height()) / o.camera.model->height();
  return Eigen::Vector2d(sx * (px->x() + 0.5), sy * (px->y() + 0.5));
}

} // namespace

class AriaSampleProjectionTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void importedOverlayMatchesNative() {
    QVERIFY(m_dir.isValid());
    const fs::path root = m_dir.path().toStdString();
    sample::SampleOptions so;
    so.width = so.height = 1408; // Aria's RGB stream size: the factory 2880 calibration applies exactly
    so.durationSec = 1.0;
    so.imuHz = 200;
    auto gen = sample::generateSample(so, root / "native");
    QVERIFY2(gen, gen ? "" : gen.error().c_str());
    auto exported = sample::writeAriaMpsExport(so, root / "native", root / "mps", root / "calib.json");
    QVERIFY2(exported, exported ? "" : exported.error().c_str());

    const Opened native = open(root / "native");
    import::AriaImportOptions io;
    io.mpsDir = root / "mps";
    io.video = root / "native" / "rgb.mp4";
    io.calibration = root / "calib.json";
    io.videoStartNs = native.manifest.stream("rgb")->timeOffsetNs;
    io.out = root / "imported";
    auto imported = import::importAria(io);
    QVERIFY2(imported, imported ? "" : imported.error().c_str());
    const Opened ours = open(root / "imported");

    // The imported camera is the factory model put through Aria's 2880 -> 1408 rule, not a copy.
    QCOMPARE(ours.camera.model->width(), 1408);
    QCOMPARE(ours.video->frameCount(), native.video->frameCount());
    QVERIFY(native.video->frameCount() >= 25);

    double maxError = 0;
    int compared = 0;
    const std::int64_t n = native.video->frameCount();
    for (std::int64_t i : {std::int64_t(0), n / 5, n / 3, n / 2, 2 * n / 3, n - 1}) {
      const Timestamp tNative = native.video->ptsNs(i), tOurs = ours.video->ptsNs(i);
      QCOMPARE(tOurs, tNative); // the frame is shown at the same device time
      for (auto side : {series::HandSide::Left, series::HandSide::Right}) {
        const series::HandPose a = native.hands->interpolateAt(tNative, side, kHandMaxGap);
        const series::HandPose b = ours.hands->interpolateAt(tOurs, side, kHandMaxGap);
        QCOMPARE(b.valid(), a.valid());
        if (!a.valid())
          continue;
        for (int k = 0; k < series::kHandLandmarkCount; ++k) {
          const auto pa = project(native, a.landmarks[k].cast<double>());
          const auto pb = project(ours, b.landmarks[k].cast<double>());
          QCOMPARE(pb.has_value(), pa.has_value());
          if (!pa)
            continue;
          maxError = std::max(maxError, (*pa - *pb).norm());
          ++compared;
        }
      }
    }
    qInfo("projection check: %d landmarks compared, max error %.3g px", compared, maxError);
    QVERIFY(compared >= 6 * 21);
    QVERIFY2(maxError <= 0.5, qPrintable(QStringLiteral("max error %1 px").arg(maxError)));
  }
};

QTEST_GUILESS_MAIN(AriaSampleProjectionTest)
#include "AriaSampleProjectionTest.moc"
