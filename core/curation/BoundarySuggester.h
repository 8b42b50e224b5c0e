#pragma once
// Task-boundary suggestions without learning (docs/curation.md "Boundary suggestions"): candidate
// instants from several signals, fused into one list with a confidence and the signals that fired.
//   hand_speed   minima of wrist speed between bell-shaped movement units, and unit on/offsets
//                (velocity-based movement-chunk segmentation as in vMCI)
//   grasp        the hand closes (aperture from the landmarks falls)
//   release      the hand opens
//   hand_switch  the other hand starts acting
//   gaze_shift   a gaze-fixation transition (world-frame gaze speed rises above the I-VT threshold)
//   head_motion  a minimum of head angular speed between head movements (IMU)
#include <string>
#include <vector>

#include "core/curation/MotionSignals.h"

namespace tacit::curation {

struct BoundaryCue {
  Timestamp t = 0;
  std::string signal;
  double strength = 0; // 0..1
};

struct BoundarySuggestion {
  Timestamp t = 0;
  double confidence = 0;            // 0..1
  std::vector<std::string> firedBy; // signals of the cues that fired here, strongest first
};

struct SuggestOptions {
  double clusterSec = 0.35;      // cues closer than this form one candidate
  double minSeparationSec = 1.3; // weaker candidates closer than this to a stronger one are dropped
  double minConfidence = 0.0;    // returned list keeps candidates at or above this
};

std::vector<BoundaryCue> boundaryCues(const MotionSignals &motion);
std::vector<BoundarySuggestion> fuseCues(std::vector<BoundaryCue> cues, const SuggestOptions &options = {});
inline std::vector<BoundarySuggestion> suggestBoundaries(const MotionSignals &motion,
                                                         const SuggestOptions &options = {}) {
  return fuseCues(boundaryCues(motion), options);
}

} // namespace tacit::curation
