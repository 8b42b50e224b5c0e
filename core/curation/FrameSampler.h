#pragma once
// Decoded frames for the pixel metrics and the video-motion clock check: small grey images of
// chosen frames, from the media module's video source (the one decoder), one instance per thread.
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>

#include "core/time/Timestamp.h"
#include "core/util/Result.h"

namespace tacit::media {
class VideoSource;
}

namespace tacit::curation {

class FrameSampler {
public:
  static Result<std::unique_ptr<FrameSampler>> open(const std::filesystem::path &file, Timestamp offsetNs,
                                                    const std::filesystem::path &indexCacheDir = {});
  ~FrameSampler();

  std::int64_t frameCount() const;
  Timestamp timeOf(std::int64_t index) const; // global
  std::int64_t indexAt(Timestamp t) const;
  bool isKeyFrame(std::int64_t index) const;
  // Frame `index` as 8-bit grey, scaled down to at most maxWidth pixels wide (aspect kept).
  Result<cv::Mat> gray(std::int64_t index, int maxWidth);

private:
  FrameSampler() = default;
  std::unique_ptr<media::VideoSource> m_source;
};

} // namespace tacit::curation
