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
constexpr int kMaxUnknownWhileSyncing = 64;

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
    if (src->m_index.needsDecodedOrder()) {
      if (auto st = src->scanDecodedOrder(); !st)
        return R::failure(st.error());
    }
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
  // Raw elementary streams have no timestamps to seek by: seek to the key packet's byte position.
  m_byteSeek = (fmt->iformat->flags & AVFMT_NOTIMESTAMPS) && !(fmt->iformat->flags & AVFMT_NO_BYTE_SEEK);
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
  auto pic = picture(i);
  if (!pic)
    return Result<VideoFrame>::failure(pic.error());
  return convertDisplay(*pic, i, maxWidth, maxHeight);
}

Result<VideoFrame> VideoSource::frame(std::int64_t i) {
  auto pic = picture(i);
  if (!pic)
    return Result<VideoFrame>::failure(pic.error());
  return convertExact(*pic, i);
}

QSize VideoSource::displaySize(int maxWidth, int maxHeight) const {
  const double k = std::min({1.0, double(maxWidth) / m_width, double(maxHeight) / m_height});
  return {std::max(1, static_cast<int>(std::lround(m_width * k))),
          std::max(1, static_cast<int>(std::lround(m_height * k)))};
}

Result<VideoFrame> VideoSource::finishFrame(Result<VideoFrame> out, std::int64_t i) const {
  if (!out)
    return Result<VideoFrame>::failure(name() + ": frame " + std::to_string(i) + ": " + out.error());
  out->index = i;
  out->ptsNs = m_times[static_cast<std::size_t>(i)];
  return out;
}

Result<VideoFrame> VideoSource::convertExact(const Picture &pic, std::int64_t i) {
  return finishFrame(m_converter->convert(pic.get(), m_pool), i);
}

Result<VideoFrame> VideoSource::convertDisplay(const Picture &pic, std::int64_t i, int maxWidth, int maxHeight) {
  if (m_options.output != PixelFormat::Rgb24)
    return convertExact(pic, i);
  const QSize size = displaySize(maxWidth, maxHeight);
  if (!m_displayConverter)
    m_displayConverter = std::make_unique<FrameConverter>(PixelFormat::Rgb32, m_orientation, m_options.convertThreads);
  auto out = finishFrame(m_displayConverter->convertScaled(pic.get(), m_pool, size.width(), size.height()), i);
  if (out)
    out->exact = false;
  return out;
}

Result<Picture> VideoSource::picture(std::int64_t i, const PictureVisitor &onPicture, bool skipDisposable) {
  if (i < 0 || i >= frameCount())
    return Result<Picture>::failure(name() + ": frame " + std::to_string(i) + " out of range (0.." +
                                    std::to_string(frameCount() - 1) + ")");
  if (!canContinueTo(i)) {
    if (auto st = seekTo(i); !st)
      return Result<Picture>::failure(st.error());
  }
  m_lastReturned = i; // also on failure, so next() moves past a damaged frame
  return decodeUntil(i, onPicture, skipDisposable);
}

bool VideoSource::canContinueTo(std::int64_t i) const {
  if (m_nextPacket < 0 || m_draining || i <= m_lastOutput)
    return false;
  const auto sp = m_index.seekPointFor(i);
  // Continuing is right when decoding began at or before the frame's key frame, and cheaper
  // than seeking when the reader has not yet passed that key frame.
  return m_startPacket <= sp.decodeIndex && sp.decodeIndex <= std::max(m_nextPacket, m_syncPacket);
}

bool VideoSource::isPositionedFor(std::int64_t i) const {
  return canContinueTo(i);
}

Status VideoSource::rewindToStart() {
  m_fmt.reset();
  if (auto st = openDemuxer(); !st)
    return st;
  m_readCount = 0; // from the file start packets are identified by counting
  return okStatus();
}

Status VideoSource::seekTo(std::int64_t i) {
  const auto sp = m_index.seekPointFor(i);
  avcodec_flush_buffers(m_dec.get());
  m_inputEnded = false;
  m_draining = false;
  m_lastOutput = -1;
  m_lastReturned = -1;
  m_readCount = -1;
  m_lastPacketSeen = -1;
  bool rewound = false;
  if (sp.seekTimestamp != INT64_MIN) {
    if (m_byteSeek && sp.bytePos >= 0) {
      rewound = av_seek_frame(m_fmt.get(), m_stream, sp.bytePos, AVSEEK_FLAG_BYTE) >= 0;
    } else if (!m_byteSeek) {
      // Parsing demuxers (MPEG-PS: packets without positions) deliver a damaged first picture after
      // a seek: land one key frame earlier and read (not decode) up to the wanted one.
      const std::int64_t ts = m_index.hasPositions() ? sp.seekTimestamp : m_index.previousKeySeekTimestamp(sp);
      rewound = ts != INT64_MIN && av_seek_frame(m_fmt.get(), m_stream, ts, AVSEEK_FLAG_BACKWARD) >= 0;
    }
  }
  if (!rewound) {
    // Start of file (or a demuxer that cannot seek there): reopen, which always works.
    if (auto st = rewindToStart(); !st)
      return st;
  }
  m_startPacket = sp.decodeIndex;
  m_syncPacket = sp.decodeIndex;
  m_nextPacket = sp.decodeIndex; // provisional; confirmed when the sync packet is read
  return okStatus();
}

bool VideoSource::isContinuation(const AVPacket *pkt) const {
  const int prev = m_nextPacket - 1;
  return pkt->pos < 0 && prev >= 0 && prev < m_index.packetCount() && prev == m_lastPacketSeen &&
         packetKey(pkt) != AV_NOPTS_VALUE && packetKey(pkt) == m_index.packetKey(prev);
}

int VideoSource::identifyPacket(const AVPacket *pkt) {
  if (m_readCount >= 0)
    return m_readCount++;
  return m_index.decodeIndexOfPacket(pkt->pos, packetKey(pkt), m_syncPacket);
}

std::int64_t VideoSource::frameOfPicture(const AVFrame *f) const {
  // The decoder echoes the packet's pts, which we set to the packet's decode index.
  if (f->pts == AV_NOPTS_VALUE || f->pts < 0 || f->pts >= m_index.packetCount())
    return -1;
  return m_index.frameOfPacket(static_cast<int>(f->pts));
}

Result<Picture> VideoSource::decodeUntil(std::int64_t target, const PictureVisitor &onPicture, bool skipDisposable) {
  using R = Result<Picture>;
  AVCodecContext *dec = m_dec.get();
  AVPacket *pkt = m_packet.get();
  AVFrame *frm = m_frame.get();
  const std::string frameName = name() + ": frame " + std::to_string(target);
  int receiveErrors = 0;
  int unknownWhileSyncing = 0;
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
      const std::int64_t f = frameOfPicture(frm);
      if (f < 0 || f <= m_lastOutput) { // not shown (edit list), or a leading picture after a seek
        av_frame_unref(frm);
        continue;
      }
      m_lastOutput = f;
      if ((frm->flags & AV_FRAME_FLAG_CORRUPT) || frm->decode_error_flags)
        addWarning(name() + ": frame " + std::to_string(f) + " decoded with errors (damaged data concealed)");
      if (f == target || onPicture) {
        Picture pic = takePicture(frm);
        const bool goOn = !onPicture || onPicture(f, pic);
        if (f == target)
          return pic;
        if (!goOn)
          return R::failure(frameName + ": cancelled");
      } else {
        av_frame_unref(frm);
      }
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
    int d;
    if (m_syncPacket >= 0) {
      d = identifyPacket(pkt);
      if (d >= 0 && d != m_syncPacket && !m_index.hasPositions() && packetKey(pkt) == m_index.packetKey(m_syncPacket))
        d = m_syncPacket; // duplicate timestamps: trust the seek
      if ((d < m_syncPacket && d >= 0) || (d < 0 && ++unknownWhileSyncing < kMaxUnknownWhileSyncing)) {
        av_packet_unref(pkt); // before the key frame (or data the scan never saw, e.g. cut by the seek)
        continue;
      }
      if (d != m_syncPacket) { // landed after the key frame (or lost): rewind fully
        av_packet_unref(pkt);
        if (reopenedForSync)
          return R::failure(frameName + ": cannot position the reader (index does not match file)");
        reopenedForSync = true;
        if (auto st = rewindToStart(); !st)
          return R::failure(st.error());
        continue;
      }
      m_syncPacket = -1;
      m_nextPacket = d + 1;
    } else if (m_readCount >= 0) {
      d = m_nextPacket++; // from the file start: the same packets as the scan
    } else if (isContinuation(pkt)) {
      d = m_nextPacket - 1; // after a seek a parsing demuxer (MPEG-PS) may split a picture in two
    } else {
      // After a seek some demuxers (MPEG-PS) deliver packets out of the scan's order: check each.
      const int id = m_index.decodeIndexOfPacket(pkt->pos, packetKey(pkt), m_nextPacket);
      if (id >= 0 && id < m_nextPacket) {
        av_packet_unref(pkt); // before the key frame or already sent
        continue;
      }
      if (id > m_nextPacket) { // packets missing: read from the file start, where they match the scan
        av_packet_unref(pkt);
        if (reopenedForSync)
          return R::failure(frameName + ": cannot position the reader (packets missing after packet " +
                            std::to_string(m_nextPacket - 1) + ")");
        reopenedForSync = true;
        if (auto st = rewindToStart(); !st)
          return R::failure(st.error());
        m_syncPacket = m_startPacket;
        m_nextPacket = m_startPacket;
        m_lastOutput = -1;
        avcodec_flush_buffers(dec);
        continue;
      }
      d = m_nextPacket++;
    }
    const bool continuation = d == m_lastPacketSeen;
    m_lastPacketSeen = d;
    const bool skip = continuation ? m_lastPacketSkipped
                                   : skipDisposable && d < m_index.packetCount() &&
                                         (m_index.packetFlags(d) & FrameIndex::kDisposable) && d != m_startPacket &&
                                         m_index.frameOfPacket(d) < target;
    m_lastPacketSkipped = skip;
    if (skip) {
      av_packet_unref(pkt); // nobody references this picture and it is shown before the target
      continue;
    }
    pkt->pts = d; // echoed by the decoder on the picture: identifies it whatever the container says
    const int sr = avcodec_send_packet(dec, pkt);
    av_packet_unref(pkt);
    if (sr < 0 && sr != AVERROR(EAGAIN)) {
      const std::int64_t f = d < m_index.packetCount() ? m_index.frameOfPacket(d) : -1;
      addWarning(name() + ": decode error at frame " + std::to_string(f) + " (" + avErrorText(sr) + ")");
    }
  }
}

Status VideoSource::scanDecodedOrder() {
  // Decode the whole stream once (no pixels kept, no loop filter: only the output order matters),
  // tagging each packet with its decode index as pts.
  if (auto st = rewindToStart(); !st)
    return st;
  for (unsigned i = 0; i < m_fmt->nb_streams; ++i)
    m_fmt->streams[i]->discard = static_cast<int>(i) == m_stream ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
  AVCodecContext *dec = m_dec.get();
  avcodec_flush_buffers(dec);
  dec->skip_loop_filter = AVDISCARD_ALL;
  std::vector<int> order;
  order.reserve(static_cast<std::size_t>(m_index.packetCount()));
  AVPacket *pkt = m_packet.get();
  AVFrame *frm = m_frame.get();
  auto drain = [&] {
    while (avcodec_receive_frame(dec, frm) >= 0) {
      if (frm->pts != AV_NOPTS_VALUE)
        order.push_back(static_cast<int>(frm->pts));
      av_frame_unref(frm);
    }
  };
  int d = 0;
  while (d < m_index.packetCount()) {
    const int rr = av_read_frame(m_fmt.get(), pkt);
    if (rr == AVERROR(EAGAIN))
      continue;
    if (rr < 0)
      break;
    if (pkt->stream_index == m_stream) {
      pkt->pts = d++;
      while (avcodec_send_packet(dec, pkt) == AVERROR(EAGAIN))
        drain();
      drain();
    }
    av_packet_unref(pkt);
  }
  avcodec_send_packet(dec, nullptr);
  drain();
  dec->skip_loop_filter = AVDISCARD_DEFAULT;
  avcodec_flush_buffers(dec);
  const AVStream *st = m_fmt->streams[m_stream];
  m_index.setDecodedOrder(order, st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate);
  m_nextPacket = -1; // the next request seeks
  return rewindToStart();
}

} // namespace tacit::media
