#include "core/media/DepthSource.h"

#include <QImage>
#include <algorithm>
#include <cstring>
#include <system_error>

namespace fs = std::filesystem;

namespace tacit::media {

namespace {
bool allDigits(const std::string &s) {
  return !s.empty() && s.size() <= 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

Result<std::unique_ptr<DepthSource>> DepthSource::open(const fs::path &path, const Options &options) {
  using R = Result<std::unique_ptr<DepthSource>>;
  std::unique_ptr<DepthSource> src(new DepthSource());
  src->m_path = path;
  std::error_code ec;
  if (!fs::exists(path, ec))
    return R::failure(path.string() + ": no such file or folder");
  if (!fs::is_directory(path, ec)) {
    VideoSource::Options vo;
    vo.output = PixelFormat::Gray16;
    vo.timeOffsetNs = options.timeOffsetNs;
    vo.useIndexCache = options.useIndexCache;
    vo.indexCacheDir = options.indexCacheDir;
    vo.decoderThreads = 1; // lossless intra codecs: threading buys little for small depth frames
    auto video = VideoSource::open(path, vo);
    if (!video)
      return R::failure(video.error());
    src->m_video = video.takeValue();
    src->m_width = src->m_video->width();
    src->m_height = src->m_video->height();
    src->m_warnings = src->m_video->warnings();
    return R(std::move(src));
  }

  for (const auto &entry : fs::directory_iterator(path, ec)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (entry.is_regular_file(ec) && ext == ".png")
      src->m_files.push_back(entry.path());
  }
  if (src->m_files.empty())
    return R::failure(path.string() + ": no .png depth images in folder");
  std::sort(src->m_files.begin(), src->m_files.end());
  const bool stamped = std::all_of(src->m_files.begin(), src->m_files.end(),
                                   [](const fs::path &p) { return allDigits(p.stem().string()); });
  if (stamped) {
    std::sort(src->m_files.begin(), src->m_files.end(), [](const fs::path &a, const fs::path &b) {
      return std::stoll(a.stem().string()) < std::stoll(b.stem().string());
    });
    for (const auto &f : src->m_files)
      src->m_times.push_back(std::stoll(f.stem().string()) + options.timeOffsetNs);
  } else {
    const double fps = options.sequenceFps > 0 ? options.sequenceFps : 30.0;
    for (std::size_t i = 0; i < src->m_files.size(); ++i)
      src->m_times.push_back(fromSeconds(static_cast<double>(i) / fps) + options.timeOffsetNs);
  }
  auto first = src->readPng(0);
  if (!first)
    return R::failure(first.error());
  src->m_width = first->width;
  src->m_height = first->height;
  return R(std::move(src));
}

std::int64_t DepthSource::frameCount() const {
  return m_video ? m_video->frameCount() : static_cast<std::int64_t>(m_files.size());
}

Timestamp DepthSource::ptsNs(std::int64_t index) const {
  if (m_video)
    return m_video->ptsNs(index);
  return index >= 0 && index < frameCount() ? m_times[static_cast<std::size_t>(index)] : kInvalidTime;
}

TimeRange DepthSource::timeRange() const {
  return m_video ? m_video->timeRange() : frameTimeRange(m_times);
}

std::int64_t DepthSource::indexAt(Timestamp t) const {
  return m_video ? m_video->indexAt(t) : latestIndexAt(m_times, t);
}

Result<VideoFrame> DepthSource::frame(std::int64_t index) {
  if (m_video)
    return m_video->frame(index);
  if (index < 0 || index >= frameCount())
    return Result<VideoFrame>::failure(m_path.string() + ": depth frame " + std::to_string(index) +
                                       " out of range (0.." + std::to_string(frameCount() - 1) + ")");
  return readPng(index);
}

Result<VideoFrame> DepthSource::readPng(std::int64_t index) {
  const fs::path &file = m_files[static_cast<std::size_t>(index)];
  QImage img(QString::fromStdString(file.string()));
  if (img.isNull())
    return Result<VideoFrame>::failure(file.string() + ": not a readable PNG image");
  if (img.format() != QImage::Format_Grayscale16)
    return Result<VideoFrame>::failure(file.string() + ": not a 16-bit greyscale PNG (depth must be 16-bit mm)");
  if (m_width && (img.width() != m_width || img.height() != m_height))
    return Result<VideoFrame>::failure(file.string() + ": size " + std::to_string(img.width()) + "x" +
                                       std::to_string(img.height()) + " differs from the first image");
  VideoFrame out;
  out.index = index;
  out.ptsNs = m_times[static_cast<std::size_t>(index)];
  out.width = img.width();
  out.height = img.height();
  out.format = PixelFormat::Gray16;
  out.stride = (out.width * 2 + 63) / 64 * 64;
  auto buffer = m_pool.acquire(static_cast<std::size_t>(out.stride) * out.height);
  for (int y = 0; y < out.height; ++y)
    std::memcpy(buffer->data() + static_cast<std::ptrdiff_t>(y) * out.stride, img.constScanLine(y),
                static_cast<std::size_t>(out.width) * 2);
  out.buffer = std::move(buffer);
  return out;
}

} // namespace tacit::media
