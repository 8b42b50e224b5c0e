#include "core/media/VideoSource.h"

#include <algorithm>
#include <cmath>
#include <system_error>

extern "C" {
#include <libavutil/display.h>
}

#include "core/media/FrameIndexCache.h"
#include "core/util/Logging.h"

namespace fs = std::filesystem;

namespace tacit::media {

namespace {
constexpr std::size_t kMaxWarnings = 200;
constexpr AVRational kNs{1, 1000000000};

std::int64_t frameKey(const AVFrame *f) {
  return f->pts != AV_NOPTS_VALUE ? f->pts : f->pkt_dts;
}
std::int64_t packetKey(const AVPacket *p) {
  return p->pts != AV_NOPTS_VALUE ? p->pts : p->dts;
}
} // namespace

Result<std::unique_ptr<VideoSource>> VideoSource::open(const fs::path &path, const Options &options) {
  using R = Result<std::unique_ptr<VideoSource>>;
  initFfmpegLogging();
  std::error_code ec;
  if (!fs::exists(path, ec))
    return R::failure(path.string() + ": no such file");
  if (fs::is_directory(path, ec))
    return R::failure(path.string() + ": is a folder, not a video file");
  if (fs::file_size(path, ec) == 0)
    return R::failure(path.string() + ": empty file (0 bytes)");

  std::unique_ptr<VideoSource> src(new VideoSource());
  src->m_path = path;
  src->m_options = options;
  src->m_packet.reset(av_packet_alloc());
  src->m_frame.reset(av_frame_alloc());
  if (auto st = src->openDemuxer(); !st)
    return R::failure(st.error());
  if (auto st = src->openDecoder(); !st)
    return R::failure(st.error());

  FrameIndexCache cache(options.indexCacheDir.empty() ? FrameIndexCache::defaultDirectory() : options.indexCacheDir);
  std::optional<FrameIndex> cached;
  if (options.useIndexCache)
    cached = cache.load(path, src->m_stream);
  if (cached) {
    src->m_index = std::move(*cached);
    src->m_indexFromCache = true;
  } else {
    auto scanned = FrameIndex::scan(src->m_fmt.get(), src->m_stream, path.string());
    if (!scanned)
      return R::failure(scanned.error());
    src->m_index = scanned.takeValue();
    if (options.useIndexCache && src->m_index.frameCount() > 0)
      cache.store(path, src->m_stream, src->m_index);
  }
  if (src->m_index.frameCount() == 0)
    return R::failure(path.string() + ": no displayable video frames");
  for (const auto &w : src->m_index.warnings())
    src->addWarning(w);

  const AVRational tb = src->m_index.timeBase();
  src->m_times.reserve(static_cast<std::size_t>(src->m_index.frameCount()));
  for (std::int64_t i = 0; i < src->m_index.frameCount(); ++i)
    src->m_times.push_back(av_rescale_q(src->m_index.pts(i), tb, kNs) + options.timeOffsetNs);
  auto log = logging::get("tacit.media");
  for (const auto &w : src->m_warnings)
    log->warn("{}", w);
  return R(std::move(src));
}

VideoSource::~VideoSource() = default;

std::string VideoSource::name() const {
  return m_path.string();
}

void VideoSource::addWarning(std::string w) {
  if (m_warnings.size() < kMaxWarnings && std::find(m_warnings.begin(), m_warnings.end(), w) == m_warnings.end())
    m_warnings.push_back(std::move(w));
}

Status VideoSource::openDemuxer() {
  AVFormatContext *fmt = nullptr;
  int ret = avformat_open_input(&fmt, m_path.c_str(), nullptr, nullptr);
  if (ret < 0)
    return Status::failure(name() + ": not a readable media file (" + avErrorText(ret) + ")");
  m_fmt.reset(fmt);
  ret = avformat_find_stream_info(fmt, nullptr);
  if (ret < 0)
    return Status::failure(name() + ": cannot read stream information (" + avErrorText(ret) + ")");
  if (m_stream < 0) {
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
      const AVStream *st = fmt->streams[i];
      if (st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !(st->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
        m_stream = static_cast<int>(i);
        break;
      }
    }
    if (m_stream < 0)
      return Status::failure(name() + ": no video stream");
  }
  return okStatus();
}

Status VideoSource::openDecoder() {
  AVStream *st = m_fmt->streams[m_stream];
  const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
  if (!codec)
    return Status::failure(name() + ": no decoder for codec " + avcodec_get_name(st->codecpar->codec_id));
  m_dec.reset(avcodec_alloc_context3(codec));
  if (avcodec_parameters_to_context(m_dec.get(), st->codecpar) < 0)
    return Status::failure(name() + ": bad codec parameters");
  m_dec->pkt_timebase = st->time_base;
  m_dec->thread_count = std::max(1, m_options.decoderThreads);
  m_dec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  if (int ret = avcodec_open2(m_dec.get(), codec, nullptr); ret < 0)
    return Status::failure(name() + ": cannot open " + codec->name + " decoder (" + avErrorText(ret) + ")");
  const auto *matrix =
      reinterpret_cast<const std::int32_t *>(av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
  m_orientation = Orientation::fromDisplayMatrix(matrix);
  m_converter = std::make_unique<FrameConverter>(m_options.output, m_orientation, m_options.convertThreads);
  m_width = m_converter->outputWidth(st->codecpar->width, st->codecpar->height);
  m_height = m_converter->outputHeight(st->codecpar->width, st->codecpar->height);
  if (m_width <= 0 || m_height <= 0)
    return Status::failure(name() + ": video stream has no picture size");
  return okStatus();
}

std::string VideoSource::codecName() const {
  return m_fmt ? avcodec_get_name(m_fmt->streams[m_stream]->codecpar->codec_id) : std::string();
}

bool VideoSource::isGray16() const {
  const int f = m_fmt ? m_fmt->streams[m_stream]->codecpar->format : -1;
  return f == AV_PIX_FMT_GRAY16LE || f == AV_PIX_FMT_GRAY16BE;
}

Timestamp VideoSource::ptsNs(std::int64_t index) const {
  if (index < 0 || index >= frameCount())
    return kInvalidTime;
  return m_times[static_cast<std::size_t>(index)];
}

TimeRange VideoSource::timeRange() const {
  return frameTimeRange(m_times);
}

std::int64_t VideoSource::indexAt(Timestamp t) const {
  return latestIndexAt(m_times, t);
}

Result<VideoFrame> VideoSource::next() {
  const std::int64_t i = m_lastReturned + 1;
  if (i >= frameCount())
    return Result<VideoFrame>::failure(name() + ": end of stream (" + std::to_string(frameCount()) + " frames)");
  return frame(i);
}

Result<VideoFrame> VideoSource::displayFrame(std::int64_t i, int maxWidth, int maxHeight) {
  if (m_options.output != PixelFormat::Rgb24 || maxWidth <= 0 || maxHeight <= 0)
    return frame(i);
  const double k = std::min({1.0, double(maxWidth) / m_width, double(maxHeight) / m_height});
  m_displayW = std::max(1, static_cast<int>(std::lround(m_width * k)));
  m_displayH = std::max(1, static_cast<int>(std::lround(m_height * k)));
  if (!m_displayConverter)
    m_displayConverter = std::make_unique<FrameConverter>(PixelFormat::Rgb32, m_orientation, m_options.convertThreads);
  auto out = frame(i);
  m_displayW = m_displayH = 0;
  return out;
}

Result<VideoFrame> VideoSource::frame(std::int64_t i) {
  if (i < 0 || i >= frameCount())
    return Result<VideoFrame>::failure(name() + ": frame " + std::to_string(i) + " out of range (0.." +
                                       std::to_string(frameCount() - 1) + ")");
  if (!canContinueTo(i)) {
    if (auto st = seekTo(i); !st)
      return Result<VideoFrame>::failure(st.error());
  }
  m_lastReturned = i; // also on failure, so next() moves past a damaged frame
  return decodeUntil(i);
}

bool VideoSource::canContinueTo(std::int64_t i) const {
  if (m_nextPacket < 0 || m_draining || i <= m_lastOutput)
    return false;
  const auto sp = m_index.seekPointFor(i);
  // Continuing is right when decoding began at or before the frame's key frame, and cheaper
  // than seeking when the reader has not yet passed... that key frame is already behind us.
  return m_startPacket <= sp.decodeIndex && sp.decodeIndex <= std::max(m_nextPacket, m_syncPacket);
}

Status VideoSource::seekTo(std::int64_t i) {
  const auto sp = m_index.seekPointFor(i);
  avcodec_flush_buffers(m_dec.get());
  m_inputEnded = false;
  m_draining = false;
  m_lastOutput = -1;
  m_lastReturned = -1;
  bool rewound = false;
  if (sp.seekTimestamp != INT64_MIN)
    rewound = av_seek_frame(m_fmt.get(), m_stream, sp.seekTimestamp, AVSEEK_FLAG_BACKWARD) >= 0;
  if (!rewound) {
    // Start of file (or a demuxer that cannot seek there): reopen, which always works.
    m_fmt.reset();
    if (auto st = openDemuxer(); !st)
      return st;
  }
  m_startPacket = sp.decodeIndex;
  m_syncPacket = sp.decodeIndex;
  m_nextPacket = sp.decodeIndex; // provisional; confirmed when the sync packet is read
  return okStatus();
}

Result<VideoFrame> VideoSource::decodeUntil(std::int64_t target) {
  using R = Result<VideoFrame>;
  AVCodecContext *dec = m_dec.get();
  AVPacket *pkt = m_packet.get();
  AVFrame *frm = m_frame.get();
  const std::string frameName = name() + ": frame " + std::to_string(target);
  int receiveErrors = 0;
  bool reopenedForSync = false;
  while (true) {
    // 1. Drain what the decoder has ready.
    while (true) {
      const int ret = avcodec_receive_frame(dec, frm);
      if (ret == AVERROR(EAGAIN))
        break;
      if (ret == AVERROR_EOF) {
        m_nextPacket = -1; // decoder is finished: the next request must seek
        return R::failure(frameName + " could not be decoded (stream ended after frame " +
                          std::to_string(m_lastOutput) + ")");
      }
      if (ret < 0) {
        addWarning(name() + ": decode error near frame " + std::to_string(target) + " (" + avErrorText(ret) + ")");
        if (++receiveErrors > 1000)
          return R::failure(frameName + ": decoder keeps failing (" + avErrorText(ret) + ")");
        continue;
      }
      ++m_decodedPictures;
      const std::int64_t f = m_index.frameOfPtsAfter(frameKey(frm), m_lastOutput);
      if (f < 0 || f <= m_lastOutput) { // discarded (edit list) or unknown picture
        av_frame_unref(frm);
        continue;
      }
      m_lastOutput = f;
      if ((frm->flags & AV_FRAME_FLAG_CORRUPT) || frm->decode_error_flags)
        addWarning(name() + ": frame " + std::to_string(f) + " decoded with errors (damaged data concealed)");
      if (f == target) {
        auto out = m_displayW > 0 ? m_displayConverter->convertScaled(frm, m_pool, m_displayW, m_displayH)
                                  : m_converter->convert(frm, m_pool);
        av_frame_unref(frm);
        if (!out)
          return R::failure(frameName + ": " + out.error());
        out->index = target;
        out->ptsNs = m_times[static_cast<std::size_t>(target)];
        return out;
      }
      av_frame_unref(frm);
      if (f > target) {
        addWarning(frameName + " was not produced by the decoder (damaged data?)");
        return R::failure(frameName + " could not be decoded (damaged data; decoder continued at frame " +
                          std::to_string(f) + ")");
      }
    }
    if (m_draining)
      continue; // receive_frame will report EOF
    // 2. Feed the next packet of our stream.
    if (m_inputEnded) {
      avcodec_send_packet(dec, nullptr);
      m_draining = true;
      continue;
    }
    const int rr = av_read_frame(m_fmt.get(), pkt);
    if (rr < 0) {
      if (rr != AVERROR_EOF)
        addWarning(name() + ": read error near frame " + std::to_string(target) + " (" + avErrorText(rr) + ")");
      m_inputEnded = true;
      continue;
    }
    if (pkt->stream_index != m_stream) {
      av_packet_unref(pkt);
      continue;
    }
    if (m_syncPacket >= 0) {
      int d = m_index.decodeIndexOfPts(packetKey(pkt));
      if (d >= 0 && d != m_syncPacket && packetKey(pkt) == m_index.packetKey(m_syncPacket))
        d = m_syncPacket; // duplicate timestamps: trust the seek
      if (d < m_syncPacket && d >= 0) {
        av_packet_unref(pkt);
        continue;
      }
      if (d != m_syncPacket) { // landed after the key frame (or on unknown data): rewind fully
        av_packet_unref(pkt);
        if (reopenedForSync)
          return R::failure(frameName + ": cannot position the reader (index does not match file)");
        reopenedForSync = true;
        m_fmt.reset();
        if (auto st = openDemuxer(); !st)
          return R::failure(st.error());
        continue;
      }
      m_syncPacket = -1;
      m_nextPacket = d;
    }
    const int d = m_nextPacket++;
    if (d < m_index.packetCount() && (m_index.packetFlags(d) & FrameIndex::kDisposable) && d != m_startPacket) {
      // Nobody references this picture: skip it when it is shown before the target.
      if (m_index.packetKey(d) < m_index.pts(target)) {
        av_packet_unref(pkt);
        continue;
      }
    }
    const int sr = avcodec_send_packet(dec, pkt);
    av_packet_unref(pkt);
    if (sr < 0 && sr != AVERROR(EAGAIN)) {
      const std::int64_t f = d < m_index.packetCount() ? m_index.frameOfPts(m_index.packetKey(d)) : -1;
      addWarning(name() + ": decode error at frame " + std::to_string(f) + " (" + avErrorText(sr) + ")");
    }
  }
}

} // namespace tacit::media
