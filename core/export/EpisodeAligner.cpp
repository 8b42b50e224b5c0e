#include "core/export/EpisodeAligner.h"

#include <algorithm>
#include <cmath>

namespace tacit::exporting {

namespace {
constexpr Timestamp kMaxHandGap = 200 * kNsPerMs; // no hand interpolation across longer gaps

std::int64_t nearestFrame(const std::vector<Timestamp> &pts, Timestamp t) {
  auto it = std::lower_bound(pts.begin(), pts.end(), t);
  if (it == pts.end())
    return static_cast<std::int64_t>(pts.size()) - 1;
  const auto i = static_cast<std::int64_t>(it - pts.begin());
  if (i > 0 && t - pts[static_cast<std::size_t>(i - 1)] <= *it - t)
    return i - 1;
  return i;
}

template <typename Row> std::size_t holdNonFinite(std::vector<Row> &rows) {
  std::size_t fixed = 0;
  Row last{};
  for (auto &r : rows) {
    for (std::size_t k = 0; k < r.size(); ++k)
      if (!std::isfinite(r[k])) {
        r[k] = last[k];
        ++fixed;
      }
    last = r;
  }
  return fixed;
}
} // namespace

std::vector<std::int64_t> selectFrames(const std::vector<Timestamp> &pts, TimeRange range, int fps) {
  std::vector<std::int64_t> out;
  if (pts.empty() || fps <= 0)
    return out;
  // Nothing is shown past the video's last frame: without this bound a span reaching far beyond the
  // recording (a mistyped end_ns) would repeat the last frame until memory runs out.
  const Timestamp lastPeriod = pts.size() > 1 ? pts.back() - pts[pts.size() - 2] : kNsPerSecond / fps;
  range.end = std::min(range.end, pts.back() + std::max<Timestamp>(1, lastPeriod));
  auto first = std::lower_bound(pts.begin(), pts.end(), range.begin);
  if (first == pts.end() || *first >= range.end)
    return out;
  const Timestamp t0 = *first;
  for (std::int64_t k = 0;; ++k) {
    const Timestamp tk = t0 + static_cast<Timestamp>(std::llround(static_cast<double>(k) * 1e9 / fps));
    if (tk >= range.end)
      break;
    std::int64_t i = nearestFrame(pts, tk);
    // Never show a frame from outside the episode (e.g. redacted neighbours).
    if (pts[static_cast<std::size_t>(i)] < range.begin)
      ++i;
    if (i >= static_cast<std::int64_t>(pts.size()) || pts[static_cast<std::size_t>(i)] >= range.end)
      break;
    out.push_back(i);
  }
  return out;
}

namespace {
Eigen::Isometry3d deviceFromCamera(const RecordingContext &rec) {
  Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
  if (const CameraCalibration *cam = rec.camera(*rec.video())) {
    T.linear() = cam->T_device_camera.rotation.normalized().toRotationMatrix();
    T.translation() = cam->T_device_camera.translation;
  }
  return T;
}
} // namespace

Result<AlignedEpisode> alignEpisode(const RecordingContext &rec, TimeRange range, int fps) {
  using R = Result<AlignedEpisode>;
  const MediaStream *video = rec.video();
  if (!video)
    return R::failure(rec.sourcePath().string() + ": recording has no video stream to export");
  const std::vector<Timestamp> pts = rec.timelineFrameTimes(*video);
  AlignedEpisode out;
  out.sourceFrames = selectFrames(pts, range, fps);
  if (out.sourceFrames.empty())
    return R::failure(video->file.string() + ": no video frame in [" + std::to_string(range.begin) + ", " +
                      std::to_string(range.end) + ") ns");

  const RecordingSeries &src = rec.series();
  const Timestamp handsOffset = rec.streamOffset(src.handsId), trajectoryOffset = rec.streamOffset(src.trajectoryId);
  const Timestamp imuOffset = rec.streamOffset(src.imuId), gazeOffset = rec.streamOffset(src.gazeId);
  EpisodeData &ep = out.data;
  const Eigen::Isometry3d cameraPose = deviceFromCamera(rec);
  const Eigen::Isometry3d cameraFromDevice = cameraPose.inverse();
  Eigen::Vector3f lastValid[2] = {Eigen::Vector3f::Zero(), Eigen::Vector3f::Zero()};
  bool seen[2] = {false, false};
  std::vector<std::size_t> pendingInvalid[2]; // frames before the first valid sample of a hand
  std::size_t badPoses = 0, badPalms = 0;
  for (std::int64_t f : out.sourceFrames) {
    const Timestamp t = pts[static_cast<std::size_t>(f)];
    const std::size_t row = ep.frameTimes.size();
    ep.frameTimes.push_back(t);

    Eigen::Isometry3d worldFromDevice = Eigen::Isometry3d::Identity();
    if (src.trajectory)
      if (auto pose = src.trajectory->interpolatePoseAt(t - trajectoryOffset)) {
        worldFromDevice.linear() = pose->rotation.normalized().toRotationMatrix();
        worldFromDevice.translation() = pose->translation;
      }
    Eigen::Isometry3d worldFromCamera = worldFromDevice * cameraPose;
    if (!worldFromCamera.matrix().allFinite()) {
      worldFromCamera = ep.worldFromCamera.empty() ? cameraPose : ep.worldFromCamera.back();
      ++badPoses;
    }
    ep.worldFromCamera.push_back(worldFromCamera);

    Eigen::Vector3f palm[2];
    std::uint8_t valid[2] = {0, 0};
    for (int h = 0; h < 2; ++h) {
      palm[h] = lastValid[h];
      if (!src.hands)
        continue;
      const series::HandPose p =
          src.hands->interpolateAt(t - handsOffset, static_cast<series::HandSide>(h), kMaxHandGap);
      if (!p.valid())
        continue;
      const Eigen::Vector3f inCamera = (cameraFromDevice * p.palmPosition.cast<double>()).cast<float>();
      if (!inCamera.allFinite()) {
        ++badPalms;
        continue;
      }
      palm[h] = inCamera;
      valid[h] = 1;
      lastValid[h] = palm[h];
      if (!seen[h]) {
        seen[h] = true;
        for (std::size_t r : pendingInvalid[h])
          (h == 0 ? ep.leftPalm : ep.rightPalm)[r] = palm[h];
        pendingInvalid[h].clear();
      }
    }
    for (int h = 0; h < 2; ++h)
      if (!seen[h])
        pendingInvalid[h].push_back(row);
    ep.leftPalm.push_back(palm[0]);
    ep.rightPalm.push_back(palm[1]);
    ep.leftValid.push_back(valid[0]);
    ep.rightValid.push_back(valid[1]);

    std::array<float, 6> imu{};
    if (src.imu) {
      const series::ImuSample s = src.imu->interpolateAt(t - imuOffset);
      imu = {s.accel.x(), s.accel.y(), s.accel.z(), s.gyro.x(), s.gyro.y(), s.gyro.z()};
    }
    ep.imu.push_back(imu);
    std::array<float, 3> gaze{};
    if (src.gaze) {
      const series::GazeSample g = src.gaze->interpolateAt(t - gazeOffset);
      gaze = {static_cast<float>(g.yaw), static_cast<float>(g.pitch),
              g.hasDepth() ? static_cast<float>(g.depth) : 0.0f};
    }
    ep.gaze.push_back(gaze);
  }
  const std::size_t badImu = holdNonFinite(ep.imu), badGaze = holdNonFinite(ep.gaze);
  auto warn = [&](std::size_t count, const char *what) {
    if (count > 0)
      out.warnings.push_back(rec.sourcePath().string() + ": " + std::to_string(count) + " non-finite " + what +
                             " in [" + std::to_string(range.begin) + ", " + std::to_string(range.end) +
                             ") ns replaced (no exported value is NaN or inf)");
  };
  warn(badPoses, "trajectory poses");
  warn(badPalms, "palm positions");
  warn(badImu, "IMU values");
  warn(badGaze, "gaze values");
  const Timestamp lastPts = ep.frameTimes.back();
  const Timestamp framePeriod = static_cast<Timestamp>(std::llround(1e9 / fps));
  ep.range = {ep.frameTimes.front(), std::min(range.end, lastPts + framePeriod)};
  return R(std::move(out));
}

} // namespace tacit::exporting
