#pragma once
// Typed reasons for quality flags. Codes are stable strings stored in the project and in exports.
#include <optional>
#include <string_view>
#include <vector>

namespace tacit::project {

enum class FlagReason {
  HandOccluded,
  TrackingLost,
  ObjectDropped,
  Regrasp,
  WrongTask,
  Unsafe,
  CameraObstructed,
  MotionBlur,
  SyncProblem,
  Other,
};

const char *flagReasonCode(FlagReason r);        // "hand_occluded", ...
const char *flagReasonDisplayName(FlagReason r); // "Hand occluded", ...
std::optional<FlagReason> flagReasonFromCode(std::string_view code);
const std::vector<FlagReason> &allFlagReasons();

constexpr int kMinSeverity = 1;
constexpr int kMaxSeverity = 4;

} // namespace tacit::project
