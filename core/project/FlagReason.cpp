#include "core/project/FlagReason.h"

#include <array>

namespace tacit::project {

namespace {
struct ReasonInfo {
  FlagReason reason;
  const char *code;
  const char *display;
};
constexpr std::array<ReasonInfo, 10> kReasons{{
    {FlagReason::HandOccluded, "hand_occluded", "Hand occluded"},
    {FlagReason::TrackingLost, "tracking_lost", "Tracking lost"},
    {FlagReason::ObjectDropped, "object_dropped", "Object dropped"},
    {FlagReason::Regrasp, "regrasp", "Regrasp"},
    {FlagReason::WrongTask, "wrong_task", "Wrong task"},
    {FlagReason::Unsafe, "unsafe", "Unsafe"},
    {FlagReason::CameraObstructed, "camera_obstructed", "Camera obstructed"},
    {FlagReason::MotionBlur, "motion_blur", "Motion blur"},
    {FlagReason::SyncProblem, "sync_problem", "Sync problem"},
    {FlagReason::Other, "other", "Other"},
}};
} // namespace

const char *flagReasonCode(FlagReason r) {
  return kReasons[static_cast<std::size_t>(r)].code;
}
const char *flagReasonDisplayName(FlagReason r) {
  return kReasons[static_cast<std::size_t>(r)].display;
}

std::optional<FlagReason> flagReasonFromCode(std::string_view code) {
  for (const auto &info : kReasons)
    if (code == info.code)
      return info.reason;
  return std::nullopt;
}

const std::vector<FlagReason> &allFlagReasons() {
  static const std::vector<FlagReason> all = [] {
    std::vector<FlagReason> v;
    for (const auto &info : kReasons)
      v.push_back(info.reason);
    return v;
  }();
  return all;
}

} // namespace tacit::project
