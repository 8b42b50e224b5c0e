#include "core/curation/FrameSampler.h"

#include <opencv2/imgproc.hpp>

#include "core/media/VideoSource.h"

namespace tacit::curation {

Result<std::unique_ptr<FrameSampler>> FrameSampler::open(const std::filesystem::path &file, Timestamp offsetNs,
                                                         const std::filesystem::path &indexCacheDir) {
  media::VideoSource::Options o;
  o.timeOffsetNs = offsetNs;
  o.decoderThreads = 2;
  o.convertThreads = 1;
  o.indexCacheDir = indexCacheDir;
  auto source = media::VideoSource::open(file, o);
  if (!source)
    return Result<std::unique_ptr<FrameSampler>>::failure(source.error());
  std::unique_ptr<FrameSampler> s(new FrameSampler);
  s->m_source = source.takeValue();
  return s;
}

FrameSampler::~FrameSampler() = default;

std::int64_t FrameSampler::frameCount() const {
  return m_source->frameCount();
}

Timestamp FrameSampler::timeOf(std::int64_t index) const {
  return m_source->ptsNs(index);
}

std::int64_t FrameSampler::indexAt(Timestamp t) const {
  return m_source->indexAt(t);
}

bool FrameSampler::isKeyFrame(std::int64_t index) const {
  return m_source->index().isKeyFrame(index);
}

Result<cv::Mat> FrameSampler::gray(std::int64_t index, int maxWidth) {
  const int h = std::max(1, m_source->height() * maxWidth / std::max(1, m_source->width()));
  auto frame = m_source->displayFrame(index, maxWidth, h);
  if (!frame)
    return Result<cv::Mat>::failure(frame.error());
  const media::VideoFrame &f = *frame;
  const cv::Mat view(f.height, f.width, f.format == media::PixelFormat::Rgb32 ? CV_8UC4 : CV_8UC3,
                     const_cast<std::uint8_t *>(f.data()), static_cast<std::size_t>(f.stride));
  cv::Mat out;
  cv::cvtColor(view, out, f.format == media::PixelFormat::Rgb32 ? cv::COLOR_BGRA2GRAY : cv::COLOR_RGB2GRAY);
  return out;
}

} // namespace tacit::curation
