#include "core/export/VideoEncoder.h"

#include <cstdlib>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace tacit::exporting {

struct VideoEncoder::Impl {
  AVFormatContext *fmt = nullptr;
  AVCodecContext *ctx = nullptr;
  AVStream *stream = nullptr;
  AVFrame *frame = nullptr;
  AVPacket *packet = nullptr;
  SwsContext *sws = nullptr;
  bool headerWritten = false;
  int width = 0, height = 0;

  ~Impl() {
    if (fmt && fmt->pb && !(fmt->oformat->flags & AVFMT_NOFILE))
      avio_closep(&fmt->pb);
    avformat_free_context(fmt);
    avcodec_free_context(&ctx);
    av_frame_free(&frame);
    av_packet_free(&packet);
    sws_freeContext(sws);
  }
};

bool VideoEncoder::hasEncoder(const char *name) {
  return avcodec_find_encoder_by_name(name) != nullptr;
}

VideoEncoder::~VideoEncoder() = default;

Status VideoEncoder::fail(const std::string &what, int averror) const {
  std::string msg = m_path.string() + ": " + what;
  if (averror < 0) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(averror, buf, sizeof buf);
    msg += std::string(": ") + buf;
  }
  return Status::failure(msg);
}

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::open(const std::filesystem::path &file,
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

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::openWith(const std::filesystem::path &file,
                                                             const VideoEncoderOptions &opts,
                                                             const std::string &codecName) {
  using R = Result<std::unique_ptr<VideoEncoder>>;
  if (av_log_get_level() > AV_LOG_WARNING)
    av_log_set_level(AV_LOG_WARNING); // encoders print per-file statistics at info level
  std::unique_ptr<VideoEncoder> enc(new VideoEncoder);
  enc->m_path = file;
  enc->m = std::make_unique<Impl>();
  Impl &m = *enc->m;
  if (opts.width <= 0 || opts.height <= 0 || opts.width % 2 || opts.height % 2 || opts.fps <= 0)
    return R::failure(file.string() + ": video size must be positive and even, fps positive");

  const AVCodec *codec = avcodec_find_encoder_by_name(codecName.c_str());
  if (!codec)
    return R::failure(file.string() + ": no " + codecName + " encoder in this FFmpeg build");
  enc->m_codecName = codec->id == AV_CODEC_ID_AV1 ? "av1" : avcodec_get_name(codec->id);

  int rc = avformat_alloc_output_context2(&m.fmt, nullptr, "mp4", file.c_str());
  if (rc < 0 || !m.fmt)
    return R::failure(enc->fail("cannot create MP4 muxer", rc).error());
  m.ctx = avcodec_alloc_context3(codec);
  m.ctx->width = opts.width;
  m.ctx->height = opts.height;
  m.ctx->pix_fmt = AV_PIX_FMT_YUV420P;
  m.ctx->time_base = AVRational{1, opts.fps};
  m.ctx->framerate = AVRational{opts.fps, 1};
  m.ctx->gop_size = opts.gop;
  m.ctx->max_b_frames = 0;
  if (m.fmt->oformat->flags & AVFMT_GLOBALHEADER)
    m.ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  const std::string crf = std::to_string(opts.crf);
  if (codec->id == AV_CODEC_ID_AV1) {
    av_opt_set(m.ctx->priv_data, "crf", crf.c_str(), 0);
    av_opt_set(m.ctx->priv_data, "preset", std::to_string(opts.svtPreset).c_str(), 0);
  } else {
    av_opt_set(m.ctx->priv_data, "crf", crf.c_str(), 0);
    av_opt_set(m.ctx->priv_data, "preset", "veryfast", 0);
  }
  rc = avcodec_open2(m.ctx, codec, nullptr);
  if (rc < 0)
    return R::failure(enc->fail(std::string("cannot open encoder ") + codec->name, rc).error());
  m.stream = avformat_new_stream(m.fmt, nullptr);
  m.stream->time_base = m.ctx->time_base;
  m.stream->avg_frame_rate = m.ctx->framerate;
  avcodec_parameters_from_context(m.stream->codecpar, m.ctx);
  rc = avio_open(&m.fmt->pb, file.c_str(), AVIO_FLAG_WRITE);
  if (rc < 0)
    return R::failure(enc->fail("cannot create file", rc).error());
  rc = avformat_write_header(m.fmt, nullptr);
  if (rc < 0)
    return R::failure(enc->fail("cannot write MP4 header", rc).error());
  m.headerWritten = true;

  m.frame = av_frame_alloc();
  m.frame->format = AV_PIX_FMT_YUV420P;
  m.frame->width = opts.width;
  m.frame->height = opts.height;
  if (av_frame_get_buffer(m.frame, 0) < 0)
    return R::failure(file.string() + ": out of memory");
  m.packet = av_packet_alloc();
  m.sws = sws_getContext(opts.width, opts.height, AV_PIX_FMT_RGB24, opts.width, opts.height, AV_PIX_FMT_YUV420P,
                         SWS_BILINEAR, nullptr, nullptr, nullptr);
  m.width = opts.width;
  m.height = opts.height;
  return R(std::move(enc));
}

Status VideoEncoder::addFrame(const std::uint8_t *rgb) {
  if (m_finished)
    return fail("encoder already finished");
  if (av_frame_make_writable(m->frame) < 0)
    return fail("out of memory");
  const std::uint8_t *src[1] = {rgb};
  const int srcStride[1] = {m->width * 3};
  sws_scale(m->sws, src, srcStride, 0, m->height, m->frame->data, m->frame->linesize);
  m->frame->pts = m_frames++;
  int rc = avcodec_send_frame(m->ctx, m->frame);
  if (rc < 0)
    return fail("encoding failed", rc);
  return drain(false);
}

Status VideoEncoder::drain(bool flush) {
  for (;;) {
    int rc = avcodec_receive_packet(m->ctx, m->packet);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
      return okStatus();
    if (rc < 0)
      return fail("encoding failed", rc);
    av_packet_rescale_ts(m->packet, m->ctx->time_base, m->stream->time_base);
    m->packet->stream_index = m->stream->index;
    rc = av_interleaved_write_frame(m->fmt, m->packet);
    if (rc < 0)
      return fail("write failed (disk full?)", rc);
    (void)flush;
  }
}

Status VideoEncoder::finish() {
  if (m_finished)
    return okStatus();
  m_finished = true;
  int rc = avcodec_send_frame(m->ctx, nullptr);
  if (rc < 0)
    return fail("encoding failed", rc);
  if (Status s = drain(true); !s)
    return s;
  rc = av_write_trailer(m->fmt);
  if (rc < 0)
    return fail("cannot finish MP4 (disk full?)", rc);
  rc = avio_closep(&m->fmt->pb);
  if (rc < 0)
    return fail("cannot close file (disk full?)", rc);
  return okStatus();
}

} // namespace tacit::exporting
