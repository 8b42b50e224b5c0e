#pragma once
// 16-bit depth frames in millimetres, values exactly as stored:
//  * a video file decoded to 16-bit grey (FFV1 gray16le in MKV is the native format), or
//  * a folder of 16-bit greyscale PNG files, in file-name order. A file name that is all digits
//    ("1234567890.png") is the frame time in ns; otherwise frames are 1/sequenceFps apart.
// Frames are PixelFormat::Gray16. Not thread-safe (one instance per thread).
#include <filesystem>
#include <memory>
#include <vector>

#include "core/media/FrameSource.h"
#include "core/media/VideoSource.h"

namespace tacit::media {

class DepthSource : public FrameSource {
public:
  struct Options {
    Timestamp timeOffsetNs = 0;
    bool useIndexCache = true;
    std::filesystem::path indexCacheDir;
    double sequenceFps = 30.0; // PNG folders without timestamps in the file names
  };
  static Result<std::unique_ptr<DepthSource>> open(const std::filesystem::path &path, const Options &options);
  static Result<std::unique_ptr<DepthSource>> open(const std::filesystem::path &path) { return open(path, Options{}); }

  std::int64_t frameCount() const override;
  Timestamp ptsNs(std::int64_t index) const override;
  TimeRange timeRange() const override;
  std::int64_t indexAt(Timestamp t) const override;
  Result<VideoFrame> frame(std::int64_t index) override;
  PixelFormat pixelFormat() const override { return PixelFormat::Gray16; }
  int width() const override { return m_width; }
  int height() const override { return m_height; }
  std::string path() const override { return m_path.string(); }
  const std::vector<std::string> &warnings() const override { return m_warnings; }
  // The decoder of a video-file depth stream (codec, index facts); null for a PNG folder.
  const VideoSource *video() const { return m_video.get(); }

private:
  DepthSource() = default;
  Result<VideoFrame> readPng(std::int64_t index);

  std::filesystem::path m_path;
  std::unique_ptr<VideoSource> m_video;       // video-file depth
  std::vector<std::filesystem::path> m_files; // PNG-sequence depth
  std::vector<Timestamp> m_times;
  BufferPool m_pool{4};
  int m_width = 0, m_height = 0;
  std::vector<std::string> m_warnings;
};

} // namespace tacit::media
