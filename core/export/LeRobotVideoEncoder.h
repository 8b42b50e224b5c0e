#pragma once
// LeRobot's video encoding defaults (FORMATS.md §5.1) on top of the shared libav encoder
// (core/media/VideoEncoder): AV1 via libsvtav1 when available, else H.264 (libx264); GOP 2, CRF 30,
// no B-frames, yuv420p, constant frame rate, MP4. Frames are appended as packed RGB24.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/media/VideoEncoder.h"
#include "core/util/Result.h"

namespace tacit::exporting {

struct VideoEncoderOptions {
  int width = 640, height = 480;
  int fps = 30;
  std::string codec = "auto"; // "auto" | "libsvtav1" | "libx264"
  int crf = 30;
  int gop = 2;
  int svtPreset = 12; // LeRobot's libsvtav1 preset
};

class LeRobotVideoEncoder {
public:
  static Result<std::unique_ptr<LeRobotVideoEncoder>> open(const std::filesystem::path &file,
                                                           const VideoEncoderOptions &opts);

  Status addFrame(const std::uint8_t *rgb); // width*height*3 bytes
  Status finish();                          // flushes the encoder and writes the MP4 trailer

  std::string codecName() const { return m_codecName; } // "av1" or "h264"
  std::string pixFmt() const { return "yuv420p"; }
  std::int64_t frameCount() const { return m_frames; }
  // True when this build of FFmpeg has the encoder (e.g. "libsvtav1").
  static bool hasEncoder(const char *name);

private:
  LeRobotVideoEncoder() = default;
  static Result<std::unique_ptr<LeRobotVideoEncoder>>
  openWith(const std::filesystem::path &file, const VideoEncoderOptions &opts, const std::string &encoder);
  media::VideoEncoder m_enc;
  std::filesystem::path m_path;
  std::string m_codecName;
  int m_width = 0;
  std::int64_t m_frames = 0;
  bool m_finished = false;
};

} // namespace tacit::exporting
