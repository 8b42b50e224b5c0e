#include "core/sample/Degradation.h"

#include <algorithm>

namespace tacit::sample {

bool DegradationOptions::any() const {
  return !(*this == DegradationOptions{});
}

DegradationOptions degradationForLevel(int level) {
  DegradationOptions d;
  const int l = std::clamp(level, 0, 10);
  d.tremorMm = 0.25 * l;
  d.jitterMm = 0.3 * l;
  d.pauses = (l + 1) / 3;
  d.dropouts = l / 2;
  d.blurs = l / 3;
  d.failedGrasp = l >= 5;
  return d;
}

std::string degradationProblem(const DegradationOptions &d) {
  auto count = [](const char *name, int v, int max) -> std::string {
    if (v < 0 || v > max)
      return std::string("--") + name + " must be 0.." + std::to_string(max) + ", got " + std::to_string(v);
    return {};
  };
  for (const std::string &p : {count("pauses", d.pauses, 6), count("dropouts", d.dropouts, 20),
                               count("blurs", d.blurs, 10), count("frame-drops", d.frameDrops, 100),
                               count("duplicate-frames", d.duplicateFrames, 100), count("imu-gaps", d.imuGaps, 20)})
    if (!p.empty())
      return p;
  if (!(d.tremorMm >= 0 && d.tremorMm <= 20))
    return "--tremor must be 0..20 mm, got " + std::to_string(d.tremorMm);
  if (!(d.jitterMm >= 0 && d.jitterMm <= 50))
    return "--jitter must be 0..50 mm, got " + std::to_string(d.jitterMm);
  if (!d.offsetStream.empty() && d.offsetStream != "imu" && d.offsetStream != "trajectory")
    return "--clock-offset stream must be imu or trajectory, got '" + d.offsetStream + "'";
  if (!(d.offsetMs >= -1000 && d.offsetMs <= 1000))
    return "--clock-offset must be -1000..1000 ms, got " + std::to_string(d.offsetMs);
  return {};
}

} // namespace tacit::sample
