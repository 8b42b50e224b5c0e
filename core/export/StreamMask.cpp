#include "core/export/StreamMask.h"

#include <algorithm>
#include <limits>

namespace tacit::exporting {

StreamMaskResult applyStreamMasks(EpisodeData &ep, const std::vector<GateStreamMask> &masks) {
  StreamMaskResult result;
  const std::size_t n = ep.size();
  constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
  auto has = [](const GateStreamMask &m, const char *s) {
    return m.streams.empty() || std::find(m.streams.begin(), m.streams.end(), s) != m.streams.end();
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Timestamp t0 = ep.frameTimes[i];
    const Timestamp t1 = i + 1 < n ? ep.frameTimes[i + 1] : std::max(ep.range.end, t0 + 1);
    const TimeRange row{t0, std::max(t1, t0 + 1)};
    bool touched = false;
    for (const auto &m : masks) {
      if (!m.range.overlaps(row))
        continue;
      if (has(m, "imu") && i < ep.imu.size()) {
        ep.imu[i].fill(kNan);
        touched = true;
      }
      if (has(m, "gaze") && i < ep.gaze.size()) {
        ep.gaze[i].fill(kNan);
        touched = true;
      }
      if (has(m, "hands")) {
        if (i < ep.leftPalm.size())
          ep.leftPalm[i].setConstant(kNan);
        if (i < ep.rightPalm.size())
          ep.rightPalm[i].setConstant(kNan);
        if (i < ep.leftValid.size())
          ep.leftValid[i] = 0;
        if (i < ep.rightValid.size())
          ep.rightValid[i] = 0;
        touched = true;
      }
      if (has(m, "trajectory") && i < ep.worldFromCamera.size()) {
        ep.worldFromCamera[i].matrix().setConstant(std::numeric_limits<double>::quiet_NaN());
        touched = true;
      }
    }
    result.rows += touched ? 1 : 0;
  }
  return result;
}

} // namespace tacit::exporting
