#pragma once
// Options of the synthetic recording generator (`tacit-cli sample`, docs/recording-format.md).
#include <cstdint>
#include <string>

#include "core/sample/Degradation.h"

namespace tacit::sample {

struct SampleOptions {
  double durationSec = 20.0;
  int fps = 30;
  int width = 1408;
  int height = 1408;
  std::uint64_t seed = 1;
  int imuHz = 1000;
  std::string codec = "h264"; // h264 | hevc | av1
  int gop = 30;
  int bframes = 2;
  DegradationOptions degradation; // all off by default (docs/curation.md)
};

// Empty when the options are usable, else the problem in one line ("--fps must be 1..240, got 0").
std::string sampleOptionsProblem(const SampleOptions &options);

} // namespace tacit::sample
