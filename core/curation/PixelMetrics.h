#pragma once
// Sharpness (variance of the Laplacian, Pech-Pacheco et al., ICPR 2000) and exposure of sampled
// frames, decoded small; frames in hidden spans are never decoded.
#include <functional>
#include <vector>

#include "core/curation/DemoMetrics.h"
#include "core/curation/HiddenSpans.h"
#include "core/curation/RecordingSignals.h"

namespace tacit::curation {

struct PixelOptions {
  int maxFrames = 120;     // sampled frames per recording at most
  double framesPerSec = 2; // sampling rate for short recordings
  int analysisWidth = 320; // frames are scaled to this width before measuring
};

std::vector<FrameQuality> sampleFrameQuality(const RecordingSignals &recording, const HiddenSpans &hidden,
                                             const PixelOptions &options = {},
                                             const std::function<bool()> &cancelled = {});

} // namespace tacit::curation
