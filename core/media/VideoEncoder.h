#pragma once
// In-process video encoding with libavcodec/libavformat: RGB24 frames to yuv420p H.264/HEVC/AV1
// in MP4, or 16-bit grey frames to FFV1 in Matroska. Deterministic: bit-exact muxing, fixed thread
// counts. Not thread-safe; one encoder per thread. The one libav encoder of Tacit: the sample
// generator (core/sample) and the LeRobot export (core/export/LeRobotVideoEncoder) both use it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/util/Result.h"

namespace tacit::media {

enum class EncoderInput { Rgb24, Gray16 };

struct VideoEncoderSettings {
  std::filesystem::path path; // container chosen from the extension (.mp4, .mkv)
  std::string encoder;        // libavcodec encoder name: libx264, libx265, libsvtav1, libaom-av1, ffv1
  EncoderInput input = EncoderInput::Rgb24;
  int width = 0, height = 0;
  int timeBaseNum = 1, timeBaseDen = 30; // unit of the pts passed to write()
  int frameRate = 30;                    // nominal, for the stream header
  int gop = 30;
  int bframes = 0;
  int threads = 1;
  std::vector<std::pair<std::string, std::string>> options; // encoder private options (preset, crf, ...)
};

class VideoEncoder {
public:
  VideoEncoder();
  ~VideoEncoder();
  VideoEncoder(const VideoEncoder &) = delete;
  VideoEncoder &operator=(const VideoEncoder &) = delete;

  Status open(const VideoEncoderSettings &settings);
  // `data` is width x height RGB24 or GRAY16 (native endian) with `stride` bytes per row.
  Status write(const std::uint8_t *data, int stride, std::int64_t pts);
  // Flushes the encoder and writes the trailer. Called by the destructor if needed (errors lost).
  Status finish();

private:
  struct Impl;
  std::unique_ptr<Impl> d;
};

// The first encoder of `codec` ("h264", "hevc", "av1") this FFmpeg build has; empty if none.
std::string pickEncoder(const std::string &codec);

} // namespace tacit::media
