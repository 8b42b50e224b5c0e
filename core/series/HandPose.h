#pragma once
// One hand at one instant, in the device frame (metres), from Aria MPS hand CSVs (FORMATS §1.3/§1.4).
#include <Eigen/Geometry>
#include <array>

#include "core/time/Timestamp.h"

namespace tacit::series {

enum class HandSide { Left = 0, Right = 1 };

constexpr int kHandLandmarkCount = 21; // MPS order: 0-4 fingertips, 5 wrist, ..., 20 palm centre
constexpr int kWristLandmark = 5;
constexpr int kPalmLandmark = 20;

struct HandPose {
  Timestamp time = 0;
  float confidence = -1.0f; // 0..1; -1 = hand missing (then every value below is meaningless)
  bool valid() const { return confidence >= 0.0f; }

  bool hasLandmarks = false;
  std::array<Eigen::Vector3f, kHandLandmarkCount> landmarks{};

  bool hasWristPose = false; // T_device_wrist
  Eigen::Vector3d wristTranslation = Eigen::Vector3d::Zero();
  Eigen::Quaterniond wristRotation = Eigen::Quaterniond::Identity();

  bool hasNormals = false;
  Eigen::Vector3f palmNormal = Eigen::Vector3f::Zero();
  Eigen::Vector3f wristNormal = Eigen::Vector3f::Zero();

  // Always filled: wrist_and_palm columns when present, else landmarks 5 and 20.
  Eigen::Vector3f wristPosition = Eigen::Vector3f::Zero();
  Eigen::Vector3f palmPosition = Eigen::Vector3f::Zero();
};

// Blend of two valid poses (alpha in [0,1]): positions linear, wrist rotation slerp, normals
// re-normalised. Callers decide whether blending is allowed (see HandSeries::interpolateAt).
HandPose interpolateHandPose(const HandPose &a, const HandPose &b, double alpha);

} // namespace tacit::series
