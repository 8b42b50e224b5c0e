// streamKindName / streamKindFromName (declared in RecordingManifest.h).
#include "core/recording/RecordingManifest.h"

namespace tacit {

namespace {
constexpr StreamKind kAllKinds[] = {StreamKind::Video,      StreamKind::Depth, StreamKind::Imu,  StreamKind::HandPose,
                                    StreamKind::Trajectory, StreamKind::Gaze,  StreamKind::Audio};
}

const char *streamKindName(StreamKind kind) {
  switch (kind) {
  case StreamKind::Video: return "video";
  case StreamKind::Depth: return "depth";
  case StreamKind::Imu: return "imu";
  case StreamKind::HandPose: return "hand_pose";
  case StreamKind::Trajectory: return "trajectory";
  case StreamKind::Gaze: return "gaze";
  case StreamKind::Audio: return "audio";
  }
  return "unknown";
}

std::optional<StreamKind> streamKindFromName(const std::string &name) {
  for (auto kind : kAllKinds)
    if (name == streamKindName(kind))
      return kind;
  return std::nullopt;
}

} // namespace tacit
