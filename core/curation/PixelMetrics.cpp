#include "core/curation/PixelMetrics.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/curation/FrameSampler.h"

namespace tacit::curation {

std::vector<FrameQuality> sampleFrameQuality(const RecordingSignals &sig, const HiddenSpans &hidden,
                                             const PixelOptions &o, const std::function<bool()> &cancelled) {
  std::vector<FrameQuality> out;
  if (!sig.video || sig.videoFrameTimes.empty() || hidden.everything)
    return out;
  auto sampler = FrameSampler::open(sig.video->file, sig.video->offsetNs);
  if (!sampler)
    return out;
  const auto frames = static_cast<std::int64_t>(sig.videoFrameTimes.size());
  const double seconds = toSeconds(sig.videoFrameTimes.back() - sig.videoFrameTimes.front());
  const auto count = std::clamp<std::int64_t>(std::llround(seconds * o.framesPerSec), 1, o.maxFrames);
  std::vector<std::int64_t> picks;
  for (std::int64_t k = 0; k < count; ++k) {
    std::int64_t f = (2 * k + 1) * frames / (2 * count);
    // The nearest key frame within half a step decodes without the frames before it.
    const std::int64_t step = std::max<std::int64_t>(1, frames / count);
    for (std::int64_t d = 0; d <= step / 2; ++d) {
      if (f - d >= 0 && (*sampler)->isKeyFrame(f - d)) {
        f -= d;
        break;
      }
      if (f + d < frames && (*sampler)->isKeyFrame(f + d)) {
        f += d;
        break;
      }
    }
    if (picks.empty() || picks.back() != f)
      picks.push_back(f);
  }
  for (std::int64_t f : picks) {
    if (cancelled && cancelled())
      break;
    const Timestamp t = sig.videoFrameTimes[static_cast<std::size_t>(f)];
    if (hidden.hidden(t))
      continue;
    auto g = (*sampler)->gray(f, o.analysisWidth);
    if (!g)
      continue;
    cv::Mat lap;
    cv::Laplacian(*g, lap, CV_64F);
    cv::Scalar mean, sd;
    cv::meanStdDev(lap, mean, sd);
    const double luma = cv::mean(*g)[0];
    const double clipped =
        static_cast<double>(cv::countNonZero(*g <= 5) + cv::countNonZero(*g >= 250)) / static_cast<double>(g->total());
    out.push_back({t, sd[0] * sd[0], luma, clipped});
  }
  return out;
}

} // namespace tacit::curation
