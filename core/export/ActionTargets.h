#pragma once
// EgoMimic-style targets from an episode's palm positions (FORMATS.md §3.2, docs/export.md):
//   ee_pose      (n, 6)      left xyz, right xyz in the camera frame of frame t
//   actions_xyz  (n, 10, 6)  palm positions at frames t+3, t+6, ... t+30 expressed in camera frame t
//   actions_xyz_act (n, 100, 6) the same span t+3 .. t+30 sampled at 100 evenly spaced fractional
//                frames (linear interpolation between neighbouring frames)
// Future frames past the episode end are clamped to its last frame. Row-major float arrays.
#include <vector>

#include "core/export/EpisodeData.h"

namespace tacit::exporting {

constexpr int kActionSteps = 10;
constexpr int kActionStride = 3;
constexpr int kActionDenseSteps = 100;

std::vector<float> eePoseArray(const EpisodeData &ep);
std::vector<float> futureActions(const EpisodeData &ep, int steps = kActionSteps, int stride = kActionStride);
std::vector<float> denseFutureActions(const EpisodeData &ep, int steps = kActionDenseSteps, int stride = kActionStride,
                                      int keySteps = kActionSteps);

} // namespace tacit::exporting
