#include "core/export/RecordingSources.h"

#include <algorithm>
#include <cmath>

#include "core/recording/RecordingReader.h"

namespace tacit::exporting {

namespace {
Eigen::Isometry3d toIsometry(const Rigid &r) {
  Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
  T.linear() = r.rotation.normalized().toRotationMatrix();
  T.translation() = r.translation;
  return T;
}
} // namespace

Result<std::unique_ptr<RecordingSources>> RecordingSources::open(const std::filesystem::path &folder) {
  using R = Result<std::unique_ptr<RecordingSources>>;
  auto manifest = RecordingReader::read(folder);
  if (!manifest)
    return R::failure(manifest.error());
  auto src = std::make_unique<RecordingSources>();
  src->warnings = manifest.warnings(); // e.g. a stream file that is missing: never silent
  src->manifest = manifest.takeValue();
  const RecordingManifest &m = src->manifest;
  const StreamDescriptor *video = m.firstOfKind(StreamKind::Video);
  if (!video)
    return R::failure((m.folder / "recording.json").string() + ": recording has no video stream to export");
  media::VideoSource::Options vo;
  vo.timeOffsetNs = video->timeOffsetNs;
  auto vs = media::VideoSource::open(m.absolutePath(*video), vo);
  if (!vs)
    return R::failure(vs.error());
  src->video = vs.takeValue();
  if (src->video->frameCount() <= 0)
    return R::failure(m.absolutePath(*video).string() + ": video has no frames");
  const std::string cameraName = video->camera.empty() ? video->id : video->camera;
  if (const CameraCalibration *cam = m.calibration.camera(cameraName)) {
    src->cameraModel = cam->model;
    src->deviceFromCamera = toIsometry(cam->T_device_camera);
  } else {
    src->warnings.push_back((m.folder / "calibration.json").string() + ": no camera '" + cameraName +
                            "': frames are resized, not undistorted, and poses stay in the device frame");
  }
  if (src->video->rotationDeg() != 0)
    src->warnings.push_back(m.absolutePath(*video).string() +
                            ": video carries a rotation; the calibration is applied to the upright frames");

  for (const auto &s : m.streams) {
    const std::string path = m.absolutePath(s).string();
    auto warn = [&](const std::string &e) { src->warnings.push_back(e + " (stream skipped)"); };
    if (s.kind == StreamKind::HandPose && !src->hands) {
      auto r = series::HandSeries::load(path);
      r ? (void)(src->hands = r.takeValue(), src->handsOffset = s.timeOffsetNs) : warn(r.error());
    } else if (s.kind == StreamKind::Trajectory && !src->trajectory) {
      auto r = series::TrajectorySeries::load(path);
      r ? (void)(src->trajectory = r.takeValue(), src->trajectoryOffset = s.timeOffsetNs) : warn(r.error());
    } else if (s.kind == StreamKind::Imu && !src->imu) {
      auto r = series::ImuSeries::load(path);
      r ? (void)(src->imu = r.takeValue(), src->imuOffset = s.timeOffsetNs) : warn(r.error());
    } else if (s.kind == StreamKind::Gaze && !src->gaze) {
      auto r = series::GazeSeries::load(path);
      r ? (void)(src->gaze = r.takeValue(), src->gazeOffset = s.timeOffsetNs) : warn(r.error());
    }
  }
  return R(std::move(src));
}

Timestamp RecordingSources::firstSampleTime() const {
  Timestamp first = video->timeRange().begin;
  auto take = [&](const auto &series, Timestamp offset) {
    if (series && !series->timeRange().empty())
      first = std::min(first, series->timeRange().begin + offset);
  };
  take(hands, handsOffset);
  take(trajectory, trajectoryOffset);
  take(imu, imuOffset);
  take(gaze, gazeOffset);
  return first;
}

int RecordingSources::nominalFps() const {
  const std::int64_t n = video->frameCount();
  if (n < 2)
    return 30;
  std::vector<Timestamp> d;
  for (std::int64_t i = 1; i < std::min<std::int64_t>(n, 301); ++i)
    d.push_back(video->ptsNs(i) - video->ptsNs(i - 1));
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
  const Timestamp mid = d[d.size() / 2];
  return mid > 0 ? std::max(1, static_cast<int>(std::lround(1e9 / static_cast<double>(mid)))) : 30;
}

} // namespace tacit::exporting
