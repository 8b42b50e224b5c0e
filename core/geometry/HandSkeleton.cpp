#include "core/geometry/HandSkeleton.h"

namespace tacit::geometry::hand {

namespace {
constexpr std::array<std::string_view, kLandmarkCount> kNames = {
    "thumb_tip",           "index_tip",     "middle_tip",     "ring_tip",           "pinky_tip",    "wrist",
    "thumb_intermediate",  "thumb_distal",  "index_proximal", "index_intermediate", "index_distal", "middle_proximal",
    "middle_intermediate", "middle_distal", "ring_proximal",  "ring_intermediate",  "ring_distal",  "pinky_proximal",
    "pinky_intermediate",  "pinky_distal",  "palm_center",
};
} // namespace

std::string_view landmarkName(Landmark landmark) {
  const int i = index(landmark);
  return i >= 0 && i < kLandmarkCount ? kNames[i] : std::string_view("unknown");
}

std::optional<Landmark> landmarkFromName(std::string_view name) {
  for (int i = 0; i < kLandmarkCount; ++i)
    if (kNames[i] == name)
      return static_cast<Landmark>(i);
  return std::nullopt;
}

Finger fingerOf(Landmark landmark) {
  switch (landmark) {
  case Landmark::ThumbTip:
  case Landmark::ThumbIntermediate:
  case Landmark::ThumbDistal: return Finger::Thumb;
  case Landmark::IndexTip:
  case Landmark::IndexProximal:
  case Landmark::IndexIntermediate:
  case Landmark::IndexDistal: return Finger::Index;
  case Landmark::MiddleTip:
  case Landmark::MiddleProximal:
  case Landmark::MiddleIntermediate:
  case Landmark::MiddleDistal: return Finger::Middle;
  case Landmark::RingTip:
  case Landmark::RingProximal:
  case Landmark::RingIntermediate:
  case Landmark::RingDistal: return Finger::Ring;
  case Landmark::PinkyTip:
  case Landmark::PinkyProximal:
  case Landmark::PinkyIntermediate:
  case Landmark::PinkyDistal: return Finger::Pinky;
  case Landmark::Wrist:
  case Landmark::PalmCenter: return Finger::Palm;
  }
  return Finger::Palm;
}

} // namespace tacit::geometry::hand
