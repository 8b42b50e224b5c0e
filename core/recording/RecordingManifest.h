#pragma once
// Value types of a native recording folder (DESIGN §4, docs/recording-format.md).
// Parsed and validated by RecordingReader (recording module).
#include <Eigen/Geometry>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry/CameraModel.h"
#include "core/time/Timestamp.h"

namespace tacit {

enum class StreamKind { Video, Depth, Imu, HandPose, Trajectory, Gaze, Audio };
const char *streamKindName(StreamKind kind); // "video","depth","imu","hand_pose","trajectory","gaze","audio"
std::optional<StreamKind> streamKindFromName(const std::string &name);

struct StreamDescriptor {
  std::string id; // unique within the recording, e.g. "rgb"
  StreamKind kind = StreamKind::Video;
  std::filesystem::path path; // relative to the recording folder (validated: no escape)
  Timestamp timeOffsetNs = 0; // added to every sample time of this stream
  std::string camera;         // calibration camera name for video/depth ("rgb", "depth"); may be empty
  int rotationDeg = 0;        // display rotation clockwise (0, 90, 180, 270)
};

struct Rigid { // T_a_b: maps points from frame b to frame a
  Eigen::Quaterniond rotation = Eigen::Quaterniond::Identity();
  Eigen::Vector3d translation = Eigen::Vector3d::Zero();
  Eigen::Vector3d apply(const Eigen::Vector3d &p) const { return rotation * p + translation; }
  Rigid inverse() const {
    Rigid r;
    r.rotation = rotation.conjugate();
    r.translation = -(r.rotation * translation);
    return r;
  }
  // Chaining: T_a_c = T_a_b * T_b_c.
  Rigid operator*(const Rigid &other) const {
    Rigid r;
    r.rotation = rotation * other.rotation;
    r.translation = rotation * other.translation + translation;
    return r;
  }
  Eigen::Matrix4d matrix() const {
    Eigen::Matrix4d m = Eigen::Matrix4d::Identity();
    m.topLeftCorner<3, 3>() = rotation.toRotationMatrix();
    m.topRightCorner<3, 1>() = translation;
    return m;
  }
  // From MPS CSV column order (tx, ty, tz, qx, qy, qz, qw); the quaternion is normalized.
  static Rigid fromTranslationXyzw(const Eigen::Vector3d &t, double qx, double qy, double qz, double qw) {
    Rigid r;
    r.rotation = Eigen::Quaterniond(qw, qx, qy, qz).normalized();
    r.translation = t;
    return r;
  }
};

struct CameraCalibration {
  std::string name; // "rgb", "depth", ...
  std::shared_ptr<const geometry::CameraModel> model;
  Rigid T_device_camera;
};

struct Calibration {
  std::map<std::string, CameraCalibration> cameras;
  Rigid T_device_imu;
  const CameraCalibration *camera(const std::string &name) const {
    auto it = cameras.find(name);
    return it == cameras.end() ? nullptr : &it->second;
  }
};

struct RecordingManifest {
  std::filesystem::path folder; // absolute folder the manifest was read from
  int version = 1;
  std::string id; // UUID
  std::string workerId, workerName;
  std::string task, site, startedAt, device;
  std::vector<StreamDescriptor> streams;
  std::filesystem::path calibrationPath; // relative; empty if none
  Calibration calibration;

  const StreamDescriptor *stream(const std::string &id) const {
    for (const auto &s : streams)
      if (s.id == id)
        return &s;
    return nullptr;
  }
  const StreamDescriptor *firstOfKind(StreamKind kind) const {
    for (const auto &s : streams)
      if (s.kind == kind)
        return &s;
    return nullptr;
  }
  std::filesystem::path absolutePath(const StreamDescriptor &s) const { return folder / s.path; }
};

} // namespace tacit
