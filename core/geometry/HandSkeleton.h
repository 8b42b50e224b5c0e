#pragma once
// The 21 hand landmarks of Aria MPS hand tracking, in file order (shared/docs/FORMATS.md §1.3),
// their names and the bones to draw between them.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace tacit::geometry::hand {

enum class Landmark : int {
  ThumbTip = 0,
  IndexTip = 1,
  MiddleTip = 2,
  RingTip = 3,
  PinkyTip = 4,
  Wrist = 5,
  ThumbIntermediate = 6,
  ThumbDistal = 7,
  IndexProximal = 8,
  IndexIntermediate = 9,
  IndexDistal = 10,
  MiddleProximal = 11,
  MiddleIntermediate = 12,
  MiddleDistal = 13,
  RingProximal = 14,
  RingIntermediate = 15,
  RingDistal = 16,
  PinkyProximal = 17,
  PinkyIntermediate = 18,
  PinkyDistal = 19,
  PalmCenter = 20,
};

constexpr int kLandmarkCount = 21;

enum class Finger : int { Thumb, Index, Middle, Ring, Pinky, Palm };

// snake_case names, e.g. "thumb_tip", "index_proximal", "palm_center".
std::string_view landmarkName(Landmark landmark);
std::optional<Landmark> landmarkFromName(std::string_view name);
// Which finger a landmark belongs to (wrist and palm centre: Palm).
Finger fingerOf(Landmark landmark);

struct Bone {
  Landmark from, to;
  Finger finger;
};

// Wrist -> each finger's chain to its tip, plus the knuckle line across the palm
// (index-middle-ring-pinky proximal). The palm centre is a point, not a bone end.
inline constexpr std::array<Bone, 23> kBones = {{
    {Landmark::Wrist, Landmark::ThumbIntermediate, Finger::Thumb},
    {Landmark::ThumbIntermediate, Landmark::ThumbDistal, Finger::Thumb},
    {Landmark::ThumbDistal, Landmark::ThumbTip, Finger::Thumb},
    {Landmark::Wrist, Landmark::IndexProximal, Finger::Index},
    {Landmark::IndexProximal, Landmark::IndexIntermediate, Finger::Index},
    {Landmark::IndexIntermediate, Landmark::IndexDistal, Finger::Index},
    {Landmark::IndexDistal, Landmark::IndexTip, Finger::Index},
    {Landmark::Wrist, Landmark::MiddleProximal, Finger::Middle},
    {Landmark::MiddleProximal, Landmark::MiddleIntermediate, Finger::Middle},
    {Landmark::MiddleIntermediate, Landmark::MiddleDistal, Finger::Middle},
    {Landmark::MiddleDistal, Landmark::MiddleTip, Finger::Middle},
    {Landmark::Wrist, Landmark::RingProximal, Finger::Ring},
    {Landmark::RingProximal, Landmark::RingIntermediate, Finger::Ring},
    {Landmark::RingIntermediate, Landmark::RingDistal, Finger::Ring},
    {Landmark::RingDistal, Landmark::RingTip, Finger::Ring},
    {Landmark::Wrist, Landmark::PinkyProximal, Finger::Pinky},
    {Landmark::PinkyProximal, Landmark::PinkyIntermediate, Finger::Pinky},
    {Landmark::PinkyIntermediate, Landmark::PinkyDistal, Finger::Pinky},
    {Landmark::PinkyDistal, Landmark::PinkyTip, Finger::Pinky},
    {Landmark::IndexProximal, Landmark::MiddleProximal, Finger::Palm},
    {Landmark::MiddleProximal, Landmark::RingProximal, Finger::Palm},
    {Landmark::RingProximal, Landmark::PinkyProximal, Finger::Palm},
    {Landmark::ThumbIntermediate, Landmark::IndexProximal, Finger::Palm},
}};

// Landmark i of side "left"/"right" is in MPS columns tx_<side>_landmark_<i>_device, ty_..., tz_....
constexpr int index(Landmark landmark) {
  return static_cast<int>(landmark);
}

} // namespace tacit::geometry::hand
