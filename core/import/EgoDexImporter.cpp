#include "core/import/EgoDexImporter.h"

#include <Eigen/Geometry>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/import/EgoDexPoses.h"
#include "core/import/Hdf5File.h"
#include "core/import/ImportStaging.h"
#include "core/media/VideoSource.h"
#include "core/series/HandSeries.h"
#include "core/series/TrajectorySeries.h"
#include "core/util/Utf8.h"

namespace tacit::import {

namespace fs = std::filesystem;
using R = Result<ImportSummary>;

namespace {

// Aria landmark order (FORMATS §1.3) <- ARKit joint (FORMATS §4/§7); see docs/importers.md.
const char *const kLandmarkJoints[21] = {
    "ThumbTip",                     // 0 thumb fingertip
    "IndexFingerTip",               // 1
    "MiddleFingerTip",              // 2
    "RingFingerTip",                // 3
    "LittleFingerTip",              // 4
    "Hand",                         // 5 wrist
    "ThumbIntermediateBase",        // 6 thumb intermediate (MCP)
    "ThumbIntermediateTip",         // 7 thumb distal (IP)
    "IndexFingerKnuckle",           // 8 index proximal (MCP)
    "IndexFingerIntermediateBase",  // 9 index intermediate (PIP)
    "IndexFingerIntermediateTip",   // 10 index distal (DIP)
    "MiddleFingerKnuckle",          // 11
    "MiddleFingerIntermediateBase", // 12
    "MiddleFingerIntermediateTip",  // 13
    "RingFingerKnuckle",            // 14
    "RingFingerIntermediateBase",   // 15
    "RingFingerIntermediateTip",    // 16
    "LittleFingerKnuckle",          // 17
    "LittleFingerIntermediateBase", // 18
    "LittleFingerIntermediateTip",  // 19
    "",                             // 20 palm centre: derived
};

using Mat4 = Eigen::Matrix4d;

struct Track {
  std::vector<Mat4> poses; // per frame
};

Result<Track> readTransforms(const Hdf5File &f, const std::string &joint, std::size_t expectFrames) {
  auto a = f.readArray("/transforms/" + joint);
  if (!a)
    return Result<Track>::failure(a.error());
  if (a->dims.size() != 3 || a->dims[1] != 4 || a->dims[2] != 4)
    return Result<Track>::failure(f.name() + ": /transforms/" + joint + " must have shape (N,4,4)");
  if (expectFrames && a->dims[0] != expectFrames)
    return Result<Track>::failure(f.name() + ": /transforms/" + joint + " has " + std::to_string(a->dims[0]) +
                                  " frames, /transforms/camera has " + std::to_string(expectFrames));
  Track t;
  t.poses.resize(a->dims[0]);
  for (std::size_t i = 0; i < t.poses.size(); ++i)
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 4; ++c)
        t.poses[i](r, c) = a->values[i * 16 + std::size_t(r) * 4 + std::size_t(c)];
  return t;
}

void appendNumber(std::string &out, double v) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

std::string taskAttribute(const Hdf5File &f) {
  auto desc = f.attribute("llm_description");
  if (f.attribute("llm_type").value_or("") == "reversible" && f.attribute("which_llm_description").value_or("1") == "2")
    if (auto d2 = f.attribute("llm_description2"))
      desc = d2;
  if (desc && !desc->empty())
    return *desc;
  return f.attribute("task").value_or("");
}

// Attributes are free text written by other tools: invalid UTF-8 becomes U+FFFD (recording.json is JSON).
} // namespace

Result<EgoDexPoses> readEgoDexPoses(const Hdf5File &f) {
  using P = Result<EgoDexPoses>;
  EgoDexPoses poses;
  auto K = f.readArray("/camera/intrinsic");
  if (!K)
    return P::failure(K.error());
  if (K->values.size() != 9)
    return P::failure(f.name() + ": /camera/intrinsic must be 3x3");
  poses.fx = K->values[0], poses.fy = K->values[4], poses.cx = K->values[2], poses.cy = K->values[5];
  if (!(poses.fx > 0 && poses.fy > 0))
    return P::failure(f.name() + ": /camera/intrinsic has no positive focal length");

  auto camera = readTransforms(f, "camera", 0);
  if (!camera)
    return P::failure(camera.error());
  poses.camera = std::move(camera->poses);
  const std::size_t n = poses.camera.size();
  if (n == 0)
    return P::failure(f.name() + ": /transforms/camera has no frames");

  // Joints of both hands; missing ones are an error naming the joint.
  for (const char *side : {"left", "right"})
    for (int l = 0; l < 21; ++l) {
      std::string j = egoDexJointForLandmark(l);
      if (j.empty())
        continue;
      std::string name = side + j;
      auto t = readTransforms(f, name, n);
      if (!t)
        return P::failure(t.error());
      poses.joints[name] = std::move(t->poses);
    }
  auto confidence = [&](const std::string &joint) -> std::vector<double> {
    auto a = f.readArray("/confidences/" + joint);
    if (a && a->values.size() == n)
      return a->values;
    return std::vector<double>(n, 1.0);
  };
  if (!f.exists("/confidences"))
    poses.warnings.push_back(f.name() + ": no /confidences; hands get confidence 1");
  poses.confidenceLeft = confidence("leftHand");
  poses.confidenceRight = confidence("rightHand");
  // recording.json is UTF-8 JSON: invalid bytes in the attribute become U+FFFD, with a warning.
  const std::string raw = taskAttribute(f);
  poses.task = toValidUtf8(raw);
  if (poses.task != raw)
    poses.warnings.push_back(f.name() + ": the task attribute is not valid UTF-8; invalid bytes replaced");
  return poses;
}

const char *egoDexJointForLandmark(int landmark) {
  return landmark >= 0 && landmark < 21 ? kLandmarkJoints[landmark] : "";
}

Result<ImportSummary> importEgoDex(const EgoDexImportOptions &o) {
  auto file = Hdf5File::open(o.hdf5);
  if (!file)
    return R::failure(file.error());
  const Hdf5File &f = *file;
  auto read = readEgoDexPoses(f);
  if (!read)
    return R::failure(read.error());
  const EgoDexPoses &poses = *read;
  const double fx = poses.fx, fy = poses.fy, cx = poses.cx, cy = poses.cy;
  const std::size_t n = poses.camera.size();

  media::VideoSource::Options vo;
  vo.useIndexCache = false;
  auto video = media::VideoSource::open(o.video, vo);
  if (!video)
    return R::failure(video.error());
  std::vector<std::string> warnings = poses.warnings;
  const std::int64_t frames = (*video)->frameCount();
  if (std::int64_t(n) != frames)
    warnings.push_back(f.name() + ": " + std::to_string(n) + " pose frames but the video has " +
                       std::to_string(frames) + " frames; extra poses are timed at 30 Hz");
  auto frameTime = [&](std::size_t i) -> Timestamp {
    if (std::int64_t(i) < frames)
      return (*video)->ptsNs(std::int64_t(i));
    return (*video)->ptsNs(frames - 1) + Timestamp(i - std::size_t(frames) + 1) * kNsPerSecond / 30;
  };
  const auto &joints = poses.joints;
  const std::vector<double> &confLeft = poses.confidenceLeft, &confRight = poses.confidenceRight;

  // ARKit cameras look down -Z (y up); Tacit cameras look down +Z (y down). Detect the convention
  // from where the wrists are and flip when they sit behind the camera.
  int behind = 0, total = 0;
  for (std::size_t i = 0; i < n; i += std::max<std::size_t>(1, n / 50))
    for (const char *w : {"leftHand", "rightHand"}) {
      Eigen::Vector4d p = poses.camera[i].inverse() * joints.at(w)[i].col(3);
      behind += p.z() < 0;
      ++total;
    }
  const bool arkitCamera = behind * 2 > total;
  Mat4 flip = Mat4::Identity();
  if (arkitCamera) {
    flip(1, 1) = -1;
    flip(2, 2) = -1;
  }

  auto staging = createImportStaging(o.out, std::vector<std::filesystem::path>{o.hdf5, o.video});
  if (!staging)
    return R::failure(staging.error());

  // hands.csv: MPS v1 columns, camera frame = device frame.
  const auto handColumns = series::HandSeries::layoutColumns(series::HandLayout::TrackingResultsV1);
  std::string hands;
  for (std::size_t c = 0; c < handColumns.size(); ++c)
    hands += (c ? "," : "") + handColumns[c];
  hands += '\n';
  // trajectory.csv: camera pose in the ARKit world (graph "egodex"), closed-loop columns.
  const auto trajColumns = series::TrajectorySeries::requiredColumns(series::TrajectoryKind::ClosedLoop);
  std::string traj;
  for (std::size_t c = 0; c < trajColumns.size(); ++c)
    traj += (c ? "," : "") + trajColumns[c];
  traj += '\n';

  Timestamp lastUs = -1;
  for (std::size_t i = 0; i < n; ++i) {
    const Timestamp us = frameTime(i) / kNsPerUs;
    if (us <= lastUs)
      continue; // the series readers need increasing times
    lastUs = us;
    const Mat4 T_world_camera = poses.camera[i] * flip;
    const Mat4 T_camera_world = T_world_camera.inverse();
    std::string row = std::to_string(us);
    Mat4 wrist[2];
    for (int side = 0; side < 2; ++side) {
      const std::string prefix = side == 0 ? "left" : "right";
      row += ',';
      appendNumber(row, (side == 0 ? confLeft : confRight)[i]);
      std::array<Eigen::Vector3d, 21> pts;
      for (int l = 0; l < 20; ++l)
        pts[std::size_t(l)] = (T_camera_world * joints.at(prefix + egoDexJointForLandmark(l))[i].col(3)).head<3>();
      pts[20] = 0.5 * (pts[5] + pts[11]); // palm centre ~ midway wrist .. middle knuckle
      for (const auto &p : pts)
        for (int k = 0; k < 3; ++k) {
          row += ',';
          appendNumber(row, p[k]);
        }
      wrist[side] = T_camera_world * joints.at(prefix + "Hand")[i];
    }
    for (int side = 0; side < 2; ++side) {
      Eigen::Quaterniond q(Eigen::Matrix3d(wrist[side].block<3, 3>(0, 0)));
      q.normalize();
      for (double v : {wrist[side](0, 3), wrist[side](1, 3), wrist[side](2, 3), q.x(), q.y(), q.z(), q.w()}) {
        row += ',';
        appendNumber(row, v);
      }
    }
    hands += row;
    hands += '\n';

    Eigen::Quaterniond qc(Eigen::Matrix3d(T_world_camera.block<3, 3>(0, 0)));
    qc.normalize();
    std::map<std::string, double> v = {{"tx_world_device", T_world_camera(0, 3)},
                                       {"ty_world_device", T_world_camera(1, 3)},
                                       {"tz_world_device", T_world_camera(2, 3)},
                                       {"qx_world_device", qc.x()},
                                       {"qy_world_device", qc.y()},
                                       {"qz_world_device", qc.z()},
                                       {"qw_world_device", qc.w()},
                                       {"gravity_y_world", -9.81}, // ARKit world: y up
                                       {"quality_score", 1.0}};
    std::string trow;
    for (std::size_t c = 0; c < trajColumns.size(); ++c) {
      const std::string &col = trajColumns[c];
      if (c)
        trow += ',';
      if (col == "graph_uid")
        trow += "egodex";
      else if (col == "tracking_timestamp_us")
        trow += std::to_string(us);
      else if (col == "utc_timestamp_ns")
        trow += "-1";
      else
        appendNumber(trow, v.count(col) ? v[col] : 0.0);
    }
    traj += trow;
    traj += '\n';
    if (i % 500 == 0 && !report(o.progress, 0.9 * double(i) / double(n), "hands"))
      return R::failure("import cancelled");
  }
  for (auto [name, text] : {std::pair{"hands.csv", &hands}, std::pair{"trajectory.csv", &traj}}) {
    std::ofstream out(staging->path() / name, std::ios::binary);
    out << *text;
    if (!out.flush())
      return R::failure((staging->path() / name).string() + ": cannot write");
  }
  const std::string videoName = "rgb" + o.video.extension().string();
  if (auto s = linkOrCopy(o.video, staging->path() / videoName); !s)
    return R::failure(s.error());

  ImportSummary summary;
  RecordingManifest &m = summary.manifest;
  m.task = o.task.empty() ? poses.task : o.task;
  if (m.task.empty())
    m.task = o.hdf5.parent_path().filename().string(); // EgoDex folders are named after the task
  m.workerId = o.workerId;
  m.workerName = o.workerName;
  m.site = o.site;
  m.device = "Apple Vision Pro (EgoDex)";
  m.streams.push_back({"rgb", StreamKind::Video, videoName, 0, "rgb", 0});
  m.streams.push_back({"hands", StreamKind::HandPose, "hands.csv", 0, "", 0});
  m.streams.push_back({"trajectory", StreamKind::Trajectory, "trajectory.csv", 0, "", 0});
  auto model = geometry::makeCameraModel(geometry::CameraModelKind::Pinhole, (*video)->width(), (*video)->height(),
                                         {fx, fy, cx, cy});
  if (!model)
    return R::failure(f.name() + ": /camera/intrinsic does not make a valid pinhole camera");
  CameraCalibration cam;
  cam.name = "rgb";
  cam.model = std::move(model);
  m.calibration.cameras["rgb"] = cam;
  if (!report(o.progress, 0.95, "recording.json"))
    return R::failure("import cancelled");
  if (auto s = finishRecording(m, *staging); !s)
    return R::failure(s.error());
  summary.folder = staging->destination();
  m.folder = summary.folder;
  summary.videoFrames = frames;
  summary.files = {videoName, "hands.csv", "trajectory.csv", "recording.json", "calibration.json"};
  R result(std::move(summary));
  for (auto &w : warnings)
    result.addWarning(std::move(w));
  return result;
}

} // namespace tacit::import
