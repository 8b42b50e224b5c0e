#include "core/media/VideoEncoder.h"

#include "core/media/FfmpegUtil.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cstring>

namespace tacit::media {

struct VideoEncoder::Impl {
  VideoEncoderSettings s;
  AVFormatContext *fmt = nullptr;
  AVCodecContext *ctx = nullptr;
  AVStream *stream = nullptr;
  AVFrame *frame = nullptr;
  AVPacket *packet = nullptr;
  SwsContext *sws = nullptr;
  bool headerWritten = false;
  bool finished = false;

  std::string where() const { return s.path.string(); }

  Status fail(const std::string &what, int code) {
    if (code == AVERROR(ENOSPC) || (fmt && fmt->pb && fmt->pb->error == AVERROR(ENOSPC)))
      return Status::failure(where() + ": disk full");
    return Status::failure(where() + ": " + what + ": " + avErrorText(code));
  }

  Status drain() {
    for (;;) {
      int rc = avcodec_receive_packet(ctx, packet);
      if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
        return okStatus();
      if (rc < 0)
        return fail("encoding failed", rc);
      av_packet_rescale_ts(packet, ctx->time_base, stream->time_base);
      packet->stream_index = stream->index;
      rc = av_interleaved_write_frame(fmt, packet);
      av_packet_unref(packet);
      if (rc < 0)
        return fail("write failed (disk full?)", rc);
    }
  }

  void release() {
    sws_freeContext(sws);
    sws = nullptr;
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&ctx);
    if (fmt) {
      if (fmt->pb)
        avio_closep(&fmt->pb);
      avformat_free_context(fmt);
      fmt = nullptr;
    }
  }
};

VideoEncoder::VideoEncoder() : d(std::make_unique<Impl>()) {}

VideoEncoder::~VideoEncoder() {
  if (d->headerWritten && !d->finished)
    (void)finish();
  d->release();
}

std::string pickEncoder(const std::string &codec) {
  std::vector<const char *> names;
  if (codec == "h264")
    names = {"libx264"};
  else if (codec == "hevc")
    names = {"libx265"};
  else if (codec == "av1")
    names = {"libsvtav1", "libaom-av1", "librav1e"};
  for (const char *n : names)
    if (avcodec_find_encoder_by_name(n))
      return n;
  return {};
}

Status VideoEncoder::open(const VideoEncoderSettings &settings) {
  d->release();
  d->s = settings;
  const std::string path = settings.path.string();
  int rc = avformat_alloc_output_context2(&d->fmt, nullptr, nullptr, path.c_str());
  if (rc < 0 || !d->fmt)
    return d->fail("cannot choose a container", rc);
  d->fmt->flags |= AVFMT_FLAG_BITEXACT;
  const AVCodec *codec = avcodec_find_encoder_by_name(settings.encoder.c_str());
  if (!codec)
    return Status::failure(d->where() + ": encoder " + settings.encoder + " is not available in this FFmpeg build");
  d->ctx = avcodec_alloc_context3(codec);
  AVCodecContext *c = d->ctx;
  c->width = settings.width;
  c->height = settings.height;
  c->time_base = AVRational{settings.timeBaseNum, settings.timeBaseDen};
  c->framerate = AVRational{settings.frameRate, 1};
  c->gop_size = settings.gop;
  c->max_b_frames = settings.bframes;
  c->thread_count = settings.threads;
  c->flags |= AV_CODEC_FLAG_BITEXACT;
  if (settings.input == EncoderInput::Gray16) {
    c->pix_fmt = AV_PIX_FMT_GRAY16LE;
  } else {
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    // swscale's default RGB->YUV matrix: BT.601, limited range. Tag it so decoders agree.
    c->colorspace = AVCOL_SPC_SMPTE170M;
    c->color_primaries = AVCOL_PRI_SMPTE170M;
    c->color_trc = AVCOL_TRC_SMPTE170M;
    c->color_range = AVCOL_RANGE_MPEG;
  }
  if (d->fmt->oformat->flags & AVFMT_GLOBALHEADER)
    c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  AVDictionary *opts = nullptr;
  for (const auto &[k, v] : settings.options)
    av_dict_set(&opts, k.c_str(), v.c_str(), 0);
  rc = avcodec_open2(c, codec, &opts);
  av_dict_free(&opts);
  if (rc < 0)
    return d->fail("cannot open encoder " + settings.encoder, rc);

  d->stream = avformat_new_stream(d->fmt, nullptr);
  if (!d->stream)
    return Status::failure(d->where() + ": cannot add a stream");
  d->stream->time_base = c->time_base;
  d->stream->avg_frame_rate = c->framerate;
  rc = avcodec_parameters_from_context(d->stream->codecpar, c);
  if (rc < 0)
    return d->fail("cannot copy codec parameters", rc);
  if (!(d->fmt->oformat->flags & AVFMT_NOFILE)) {
    rc = avio_open(&d->fmt->pb, path.c_str(), AVIO_FLAG_WRITE);
    if (rc < 0)
      return d->fail("cannot create file", rc);
  }
  rc = avformat_write_header(d->fmt, nullptr);
  if (rc < 0)
    return d->fail("cannot write header", rc);
  d->headerWritten = true;

  d->frame = av_frame_alloc();
  d->packet = av_packet_alloc();
  d->frame->format = c->pix_fmt;
  d->frame->width = c->width;
  d->frame->height = c->height;
  rc = av_frame_get_buffer(d->frame, 0);
  if (rc < 0)
    return d->fail("cannot allocate a frame", rc);
  if (settings.input == EncoderInput::Rgb24) {
    d->sws = sws_getContext(c->width, c->height, AV_PIX_FMT_RGB24, c->width, c->height, AV_PIX_FMT_YUV420P,
                            SWS_BILINEAR | SWS_ACCURATE_RND | SWS_BITEXACT, nullptr, nullptr, nullptr);
    if (!d->sws)
      return Status::failure(d->where() + ": cannot create the colour converter");
  }
  return okStatus();
}

Status VideoEncoder::write(const std::uint8_t *data, int stride, std::int64_t pts) {
  if (!d->headerWritten || d->finished)
    return Status::failure(d->where() + ": encoder is not open");
  int rc = av_frame_make_writable(d->frame);
  if (rc < 0)
    return d->fail("frame not writable", rc);
  if (d->s.input == EncoderInput::Rgb24) {
    const std::uint8_t *src[1] = {data};
    const int srcStride[1] = {stride};
    sws_scale(d->sws, src, srcStride, 0, d->ctx->height, d->frame->data, d->frame->linesize);
  } else {
    for (int y = 0; y < d->ctx->height; ++y)
      std::memcpy(d->frame->data[0] + static_cast<std::ptrdiff_t>(y) * d->frame->linesize[0],
                  data + static_cast<std::ptrdiff_t>(y) * stride, static_cast<std::size_t>(d->ctx->width) * 2);
  }
  d->frame->pts = pts;
  rc = avcodec_send_frame(d->ctx, d->frame);
  if (rc < 0)
    return d->fail("encoder refused a frame", rc);
  return d->drain();
}

Status VideoEncoder::finish() {
  if (!d->headerWritten || d->finished)
    return okStatus();
  d->finished = true;
  int rc = avcodec_send_frame(d->ctx, nullptr);
  if (rc < 0 && rc != AVERROR_EOF)
    return d->fail("cannot flush encoder", rc);
  if (Status st = d->drain(); !st)
    return st;
  rc = av_write_trailer(d->fmt);
  if (rc < 0)
    return d->fail("cannot finish file", rc);
  if (d->fmt->pb && (rc = avio_closep(&d->fmt->pb)) < 0)
    return d->fail("cannot close file", rc);
  return okStatus();
}

} // namespace tacit::media
