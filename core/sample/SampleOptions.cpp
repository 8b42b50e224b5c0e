#include "core/sample/SampleOptions.h"

#include <cmath>

namespace tacit::sample {

std::string sampleOptionsProblem(const SampleOptions &o) {
  if (!(o.durationSec >= 0.5 && o.durationSec <= 7200.0))
    return "--duration must be 0.5..7200 seconds, got " + std::to_string(o.durationSec);
  if (o.fps < 1 || o.fps > 240)
    return "--fps must be 1..240, got " + std::to_string(o.fps);
  // The frame code needs 26 cells of at least 8 px across the top edge.
  if (o.width < 256 || o.height < 192 || o.width > 8192 || o.height > 8192)
    return "--size must be at least 256x192 and at most 8192x8192, got " + std::to_string(o.width) + "x" +
           std::to_string(o.height);
  if (o.width % 2 || o.height % 2)
    return "--size must have even width and height (yuv420p), got " + std::to_string(o.width) + "x" +
           std::to_string(o.height);
  if (o.imuHz < 10 || o.imuHz > 10000)
    return "--imu-hz must be 10..10000, got " + std::to_string(o.imuHz);
  if (o.codec != "h264" && o.codec != "hevc" && o.codec != "av1")
    return "--codec must be h264, hevc or av1, got '" + o.codec + "'";
  if (o.gop < 1 || o.gop > 1000)
    return "--gop must be 1..1000, got " + std::to_string(o.gop);
  if (o.bframes < 0 || o.bframes > 16)
    return "--bframes must be 0..16, got " + std::to_string(o.bframes);
  return degradationProblem(o.degradation);
}

} // namespace tacit::sample
