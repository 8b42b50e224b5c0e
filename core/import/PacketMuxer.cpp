#include "core/import/PacketMuxer.h"

#include "core/media/FfmpegUtil.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace tacit::import {

struct PacketMuxer::Impl {
  AVFormatContext *fmt = nullptr;
  AVStream *stream = nullptr;
  AVPacket *pkt = nullptr;
  std::string name;
  bool headerWritten = false, finished = false;
  ~Impl() {
    av_packet_free(&pkt);
    if (fmt) {
      if (fmt->pb)
        avio_closep(&fmt->pb);
      avformat_free_context(fmt);
    }
  }
};

PacketMuxer::~PacketMuxer() = default;

Result<std::unique_ptr<PacketMuxer>> PacketMuxer::create(const std::filesystem::path &path, PictureCodec codec,
                                                         int width, int height) {
  using R = Result<std::unique_ptr<PacketMuxer>>;
  media::initFfmpegLogging(); // our errors say what matters; no muxer chatter on stderr
  std::unique_ptr<PacketMuxer> mux(new PacketMuxer);
  mux->m = std::make_unique<Impl>();
  Impl &m = *mux->m;
  m.name = path.filename().string();
  int rc = avformat_alloc_output_context2(&m.fmt, nullptr, nullptr, path.c_str());
  if (rc < 0 || !m.fmt)
    return R::failure(m.name + ": cannot create container: " + media::avErrorText(rc));
  m.stream = avformat_new_stream(m.fmt, nullptr);
  m.pkt = av_packet_alloc();
  if (!m.stream || !m.pkt)
    return R::failure(m.name + ": out of memory");
  AVCodecParameters *par = m.stream->codecpar;
  par->codec_type = AVMEDIA_TYPE_VIDEO;
  par->codec_id = codec == PictureCodec::Mjpeg  ? AV_CODEC_ID_MJPEG
                  : codec == PictureCodec::H264 ? AV_CODEC_ID_H264
                                                : AV_CODEC_ID_HEVC;
  par->width = width;
  par->height = height;
  par->format = codec == PictureCodec::Mjpeg ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUV420P;
  m.stream->time_base = AVRational{1, 1000000};
  AVDictionary *opts = nullptr;
  av_dict_set(&opts, "video_track_timescale", "1000000", 0);
  if (!(m.fmt->oformat->flags & AVFMT_NOFILE)) {
    rc = avio_open(&m.fmt->pb, path.c_str(), AVIO_FLAG_WRITE);
    if (rc < 0) {
      av_dict_free(&opts);
      return R::failure(m.name + ": cannot write: " + media::avErrorText(rc));
    }
  }
  rc = avformat_write_header(m.fmt, &opts);
  av_dict_free(&opts);
  if (rc < 0)
    return R::failure(m.name + ": cannot write the container header: " + media::avErrorText(rc));
  m.headerWritten = true;
  return mux;
}

Status PacketMuxer::write(const std::vector<std::uint8_t> &picture, std::int64_t ptsUs, bool keyFrame) {
  if (ptsUs <= m_lastPts)
    return Status::failure(m->name + ": picture time " + std::to_string(ptsUs) + " us does not increase");
  av_packet_unref(m->pkt);
  if (av_new_packet(m->pkt, int(picture.size())) < 0)
    return Status::failure(m->name + ": out of memory");
  std::copy(picture.begin(), picture.end(), m->pkt->data);
  m->pkt->stream_index = m->stream->index;
  m->pkt->pts = m->pkt->dts = av_rescale_q(ptsUs, AVRational{1, 1000000}, m->stream->time_base);
  // MOV times a picture by the next one; the last needs an explicit duration or demuxers drop it.
  // Use the previous interval (33 ms for a single picture).
  const std::int64_t durationUs = m_lastPts >= 0 ? ptsUs - m_lastPts : 33333;
  m->pkt->duration = av_rescale_q(durationUs, AVRational{1, 1000000}, m->stream->time_base);
  if (keyFrame)
    m->pkt->flags |= AV_PKT_FLAG_KEY;
  int rc = av_interleaved_write_frame(m->fmt, m->pkt);
  if (rc < 0)
    return Status::failure(m->name + ": cannot write picture: " + media::avErrorText(rc));
  m_lastPts = ptsUs;
  ++m_count;
  return okStatus();
}

Status PacketMuxer::finish() {
  if (m->finished)
    return okStatus();
  m->finished = true;
  int rc = av_write_trailer(m->fmt);
  if (rc < 0)
    return Status::failure(m->name + ": cannot finish the container: " + media::avErrorText(rc));
  if (m->fmt->pb)
    avio_closep(&m->fmt->pb);
  return okStatus();
}

} // namespace tacit::import
