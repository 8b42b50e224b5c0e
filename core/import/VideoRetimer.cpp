#include "core/import/VideoRetimer.h"

#include "core/media/FfmpegUtil.h"

#include <cmath>
#include <cstring>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace tacit::import {

namespace {

struct Input {
  AVFormatContext *ctx = nullptr;
  ~Input() { avformat_close_input(&ctx); }
};

struct Output {
  AVFormatContext *ctx = nullptr;
  ~Output() {
    if (ctx) {
      if (ctx->pb)
        avio_closep(&ctx->pb);
      avformat_free_context(ctx);
    }
  }
};

} // namespace

Result<bool> hasNoContainerTimestamps(const std::filesystem::path &path) {
  Input in;
  int rc = avformat_open_input(&in.ctx, path.c_str(), nullptr, nullptr);
  if (rc < 0)
    return Result<bool>::failure(path.filename().string() + ": cannot open: " + media::avErrorText(rc));
  const char *name = in.ctx->iformat->name;
  for (const char *raw : {"h264", "hevc", "mjpeg", "m4v", "mpegvideo", "h263", "av1", "obu", "vvc", "cavsvideo"})
    if (std::strcmp(name, raw) == 0)
      return true;
  return false;
}

Result<std::int64_t> retimeVideo(const std::filesystem::path &source, const std::filesystem::path &target, double fps) {
  using R = Result<std::int64_t>;
  const std::string name = source.filename().string();
  if (!(fps > 0 && fps < 10000))
    return R::failure(name + ": frame rate hint must be between 0 and 10000");
  media::initFfmpegLogging();
  Input in;
  int rc = avformat_open_input(&in.ctx, source.c_str(), nullptr, nullptr);
  if (rc < 0 || (rc = avformat_find_stream_info(in.ctx, nullptr)) < 0)
    return R::failure(name + ": cannot open: " + media::avErrorText(rc));
  int vs = av_find_best_stream(in.ctx, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (vs < 0)
    return R::failure(name + ": no video stream");
  Output out;
  rc = avformat_alloc_output_context2(&out.ctx, nullptr, "matroska", target.c_str());
  if (rc < 0)
    return R::failure(target.filename().string() + ": cannot create: " + media::avErrorText(rc));
  AVStream *os = avformat_new_stream(out.ctx, nullptr);
  avcodec_parameters_copy(os->codecpar, in.ctx->streams[vs]->codecpar);
  os->codecpar->codec_tag = 0;
  // A rational close to fps: microsecond ticks keep 29.97 etc. exact enough.
  const AVRational frameTb = av_d2q(1.0 / fps, 1000000);
  os->time_base = frameTb;
  if ((rc = avio_open(&out.ctx->pb, target.c_str(), AVIO_FLAG_WRITE)) < 0 ||
      (rc = avformat_write_header(out.ctx, nullptr)) < 0)
    return R::failure(target.filename().string() + ": cannot write: " + media::avErrorText(rc));
  AVPacket *pkt = av_packet_alloc();
  std::int64_t count = 0;
  while ((rc = av_read_frame(in.ctx, pkt)) >= 0) {
    if (pkt->stream_index == vs) {
      pkt->stream_index = 0;
      pkt->pts = pkt->dts = av_rescale_q(count, frameTb, os->time_base);
      pkt->duration = av_rescale_q(1, frameTb, os->time_base);
      pkt->pos = -1;
      if ((rc = av_interleaved_write_frame(out.ctx, pkt)) < 0) {
        av_packet_free(&pkt);
        return R::failure(target.filename().string() + ": cannot write: " + media::avErrorText(rc));
      }
      ++count;
    }
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  if ((rc = av_write_trailer(out.ctx)) < 0)
    return R::failure(target.filename().string() + ": cannot finish: " + media::avErrorText(rc));
  if (count == 0)
    return R::failure(name + ": no video pictures");
  return count;
}

} // namespace tacit::import
