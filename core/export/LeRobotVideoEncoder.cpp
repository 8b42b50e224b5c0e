#include "core/export/LeRobotVideoEncoder.h"

#include <cstdlib>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/log.h>
}

namespace tacit::exporting {

bool LeRobotVideoEncoder::hasEncoder(const char *name) {
  return avcodec_find_encoder_by_name(name) != nullptr;
}

Result<std::unique_ptr<LeRobotVideoEncoder>> LeRobotVideoEncoder::open(const std::filesystem::path &file,
                                                                       const VideoEncoderOptions &opts) {
  if (opts.codec != "auto")
    return openWith(file, opts, opts.codec);
  // LeRobot's default is AV1; SVT-AV1 refuses some sizes (e.g. below 64 px), then H.264 it is.
  if (hasEncoder("libsvtav1")) {
    ::setenv("SVT_LOG", "2", 0); // SVT-AV1 prints its whole configuration to stderr unless told otherwise
    auto av1 = openWith(file, opts, "libsvtav1");
    if (av1.ok())
      return av1;
  }
  return openWith(file, opts, "libx264");
}

Result<std::unique_ptr<LeRobotVideoEncoder>> LeRobotVideoEncoder::openWith(const std::filesystem::path &file,
                                                                           const VideoEncoderOptions &opts,
                                                                           const std::string &encoder) {
  using R = Result<std::unique_ptr<LeRobotVideoEncoder>>;
  if (opts.width <= 0 || opts.height <= 0 || opts.width % 2 || opts.height % 2 || opts.fps <= 0)
    return R::failure(file.string() + ": video size must be positive and even, fps positive");
  const AVCodec *codec = avcodec_find_encoder_by_name(encoder.c_str());
  if (!codec)
    return R::failure(file.string() + ": no " + encoder + " encoder in this FFmpeg build");
  if (av_log_get_level() > AV_LOG_WARNING)
    av_log_set_level(AV_LOG_WARNING); // encoders print per-file statistics at info level
  std::unique_ptr<LeRobotVideoEncoder> enc(new LeRobotVideoEncoder);
  enc->m_path = file;
  enc->m_width = opts.width;
  enc->m_codecName = codec->id == AV_CODEC_ID_AV1 ? "av1" : avcodec_get_name(codec->id);
  media::VideoEncoderSettings s;
  s.path = file;
  s.encoder = encoder;
  s.width = opts.width;
  s.height = opts.height;
  s.timeBaseNum = 1;
  s.timeBaseDen = opts.fps;
  s.frameRate = opts.fps;
  s.gop = opts.gop;
  s.bframes = 0;
  s.options = {{"crf", std::to_string(opts.crf)}};
  s.options.emplace_back("preset", codec->id == AV_CODEC_ID_AV1 ? std::to_string(opts.svtPreset) : "veryfast");
  if (Status st = enc->m_enc.open(s); !st)
    return R::failure(st.error());
  return R(std::move(enc));
}

Status LeRobotVideoEncoder::addFrame(const std::uint8_t *rgb) {
  if (m_finished)
    return Status::failure(m_path.string() + ": encoder already finished");
  if (Status s = m_enc.write(rgb, m_width * 3, m_frames); !s)
    return s;
  ++m_frames;
  return okStatus();
}

Status LeRobotVideoEncoder::finish() {
  if (m_finished)
    return okStatus();
  m_finished = true;
  return m_enc.finish();
}

} // namespace tacit::exporting
