#pragma once
// A simple articulated hand: the 21 Aria MPS landmarks (FORMATS §1.3 order) in the hand frame
// for a given finger flexion. Hand frame: origin at the wrist joint, +x towards the middle finger,
// +y towards the thumb, +z out of the back of the hand (the palm faces -z).
#include <Eigen/Core>
#include <array>

namespace tacit::sample {

enum class Side { Left = 0, Right = 1 };

using HandLandmarks = std::array<Eigen::Vector3d, 21>;

// flex 0 = relaxed open hand, 1 = closed grasp. Left hands are the mirror image (y -> -y), and the
// frame stays right-handed: for the left hand +y points away from the thumb.
HandLandmarks handLandmarksInHandFrame(Side side, double flex);

// Unit palm normal in the hand frame (out of the palm).
inline Eigen::Vector3d palmNormalInHandFrame() {
  return Eigen::Vector3d(0, 0, -1);
}

constexpr double kFingerRadius = 0.0085; // metres, used by both renderers
constexpr double kPalmThickness = 0.025;

} // namespace tacit::sample
