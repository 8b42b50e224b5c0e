#include "core/media/VideoConcatenator.h"

#include "core/media/FfmpegUtil.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
}

#include <algorithm>

namespace tacit::media {

namespace {
struct InputCloser {
  AVFormatContext *ctx = nullptr;
  ~InputCloser() { avformat_close_input(&ctx); }
};
} // namespace

struct VideoConcatenator::Impl {
  AVFormatContext *out = nullptr;
  AVStream *stream = nullptr;
  AVPacket *packet = av_packet_alloc();
  bool headerWritten = false, finished = false;
  std::int64_t nextPts = 0; // output time base: where the next file starts

  ~Impl() {
    if (out) {
      if (headerWritten && !finished)
        av_write_trailer(out);
      if (out->pb)
        avio_closep(&out->pb);
      avformat_free_context(out);
    }
    av_packet_free(&packet);
  }
};

VideoConcatenator::VideoConcatenator(std::filesystem::path output)
    : d(std::make_unique<Impl>()), m_path(std::move(output)) {}

VideoConcatenator::~VideoConcatenator() = default;

Result<std::int64_t> VideoConcatenator::append(const std::filesystem::path &file) {
  using R = Result<std::int64_t>;
  auto fail = [](const std::filesystem::path &p, const std::string &what, int rc) {
    return R::failure(p.string() + ": " + what + (rc < 0 ? ": " + avErrorText(rc) : std::string()));
  };
  if (d->finished)
    return R::failure(m_path.string() + ": already finished");
  InputCloser in;
  int rc = avformat_open_input(&in.ctx, file.c_str(), nullptr, nullptr);
  if (rc < 0)
    return fail(file, "cannot open", rc);
  rc = avformat_find_stream_info(in.ctx, nullptr);
  if (rc < 0)
    return fail(file, "cannot read stream info", rc);
  const int si = av_find_best_stream(in.ctx, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (si < 0)
    return fail(file, "no video stream", si);
  AVStream *is = in.ctx->streams[si];

  if (!d->out) {
    rc = avformat_alloc_output_context2(&d->out, nullptr, "mp4", m_path.c_str());
    if (rc < 0 || !d->out)
      return fail(m_path, "cannot create MP4 muxer", rc);
    d->out->flags |= AVFMT_FLAG_BITEXACT;
    d->stream = avformat_new_stream(d->out, nullptr);
    if (!d->stream)
      return fail(m_path, "cannot add a stream", 0);
    rc = avcodec_parameters_copy(d->stream->codecpar, is->codecpar);
    if (rc < 0)
      return fail(m_path, "cannot copy codec parameters", rc);
    d->stream->codecpar->codec_tag = 0;
    d->stream->time_base = is->time_base;
    d->stream->avg_frame_rate = is->avg_frame_rate;
    d->stream->r_frame_rate = is->r_frame_rate;
    rc = avio_open(&d->out->pb, m_path.c_str(), AVIO_FLAG_WRITE);
    if (rc < 0)
      return fail(m_path, "cannot create file", rc);
    rc = avformat_write_header(d->out, nullptr);
    if (rc < 0)
      return fail(m_path, "cannot write MP4 header", rc);
    d->headerWritten = true;
  } else if (is->codecpar->codec_id != d->stream->codecpar->codec_id ||
             is->codecpar->width != d->stream->codecpar->width || is->codecpar->height != d->stream->codecpar->height) {
    return R::failure(file.string() + ": codec or size differs from " + m_path.string());
  }

  std::int64_t frames = 0, end = d->nextPts, firstPts = AV_NOPTS_VALUE;
  while ((rc = av_read_frame(in.ctx, d->packet)) >= 0) {
    if (d->packet->stream_index != si) {
      av_packet_unref(d->packet);
      continue;
    }
    av_packet_rescale_ts(d->packet, is->time_base, d->stream->time_base);
    if (firstPts == AV_NOPTS_VALUE)
      firstPts = d->packet->dts != AV_NOPTS_VALUE ? d->packet->dts : d->packet->pts;
    const std::int64_t shift = d->nextPts - firstPts;
    if (d->packet->pts != AV_NOPTS_VALUE)
      d->packet->pts += shift;
    if (d->packet->dts != AV_NOPTS_VALUE)
      d->packet->dts += shift;
    end = std::max(end, (d->packet->pts != AV_NOPTS_VALUE ? d->packet->pts : d->packet->dts) + d->packet->duration);
    d->packet->stream_index = 0;
    d->packet->pos = -1;
    ++frames;
    rc = av_interleaved_write_frame(d->out, d->packet); // takes the packet's reference
    if (rc < 0)
      return fail(m_path, "write failed (disk full?)", rc);
  }
  if (rc != AVERROR_EOF)
    return fail(file, "read failed", rc);
  d->nextPts = end;
  m_frames += frames;
  return R(frames);
}

Status VideoConcatenator::finish() {
  if (d->finished || !d->headerWritten)
    return okStatus();
  d->finished = true;
  int rc = av_write_trailer(d->out);
  if (rc < 0)
    return Status::failure(m_path.string() + ": cannot finish MP4 (disk full?): " + avErrorText(rc));
  rc = avio_closep(&d->out->pb);
  if (rc < 0)
    return Status::failure(m_path.string() + ": cannot close file (disk full?): " + avErrorText(rc));
  return okStatus();
}

} // namespace tacit::media
