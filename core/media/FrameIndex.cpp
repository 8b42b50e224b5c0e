#include "core/media/FrameIndex.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "core/media/FfmpegUtil.h"

namespace tacit::media {

namespace {

// True when every VCL NAL unit in an H.264 access unit has nal_ref_idc 0 (nothing references it).
bool h264Disposable(const std::uint8_t *p, std::size_t n, int nalLengthSize) {
  bool sawSlice = false;
  auto visit = [&](std::uint8_t header) -> bool { // false: picture is referenced
    const int type = header & 0x1f;
    if (type == 1 || type == 5) {
      if ((header >> 5) & 3)
        return false;
      sawSlice = true;
    }
    return true;
  };
  if (nalLengthSize > 0) {
    std::size_t i = 0;
    while (i + nalLengthSize < n) {
      std::size_t len = 0;
      for (int k = 0; k < nalLengthSize; ++k)
        len = (len << 8) | p[i + k];
      i += nalLengthSize;
      if (len == 0 || i + len > n)
        return false;
      if (!visit(p[i]))
        return false;
      i += len;
    }
  } else {
    for (std::size_t i = 0; i + 3 < n; ++i) {
      if (p[i] == 0 && p[i + 1] == 0 && p[i + 2] == 1) {
        if (!visit(p[i + 3]))
          return false;
        i += 2;
      }
    }
  }
  return sawSlice;
}

template <typename T> void put(std::string &out, const T &v) {
  out.append(reinterpret_cast<const char *>(&v), sizeof v);
}
template <typename T> void putVec(std::string &out, const std::vector<T> &v) {
  put<std::uint64_t>(out, v.size());
  out.append(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(T));
}

struct Reader {
  const std::string &s;
  std::size_t pos = 0;
  bool ok = true;
  template <typename T> T get() {
    T v{};
    if (pos + sizeof v > s.size()) {
      ok = false;
      return v;
    }
    std::memcpy(&v, s.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
  template <typename T> std::vector<T> getVec() {
    const auto n = get<std::uint64_t>();
    std::vector<T> v;
    if (!ok || n > (s.size() - pos) / sizeof(T)) {
      ok = false;
      return v;
    }
    v.resize(n);
    std::memcpy(v.data(), s.data() + pos, n * sizeof(T));
    pos += n * sizeof(T);
    return v;
  }
  std::string getString() {
    auto v = getVec<char>();
    return std::string(v.begin(), v.end());
  }
};

constexpr char kMagic[8] = {'T', 'A', 'C', 'I', 'T', 'I', 'D', 'X'};
constexpr std::uint32_t kVersion = 2; // 2: byte positions, decoder order

} // namespace

Result<FrameIndex> FrameIndex::scan(AVFormatContext *fmt, int streamIndex, const std::string &fileName) {
  FrameIndex idx;
  AVStream *st = fmt->streams[streamIndex];
  idx.m_timeBase = st->time_base;
  for (unsigned i = 0; i < fmt->nb_streams; ++i)
    fmt->streams[i]->discard = static_cast<int>(i) == streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL;

  const AVCodecParameters *par = st->codecpar;
  const bool h264 = par->codec_id == AV_CODEC_ID_H264;
  int nalLengthSize = 0;
  if (h264 && par->extradata_size >= 7 && par->extradata[0] == 1)
    nalLengthSize = (par->extradata[4] & 3) + 1;

  PacketPtr pkt(av_packet_alloc());
  int readError = 0;
  int retries = 0;
  std::int64_t lastKey = AV_NOPTS_VALUE;
  std::int64_t corruptFirst = -1, corruptLast = -1, corruptCount = 0;
  bool missingTimestamps = false; // neither pts nor dts: times are guessed
  bool missingPts = false;        // the container does not say the presentation order
  while (true) {
    const int ret = av_read_frame(fmt, pkt.get());
    if (ret == AVERROR(EAGAIN) && ++retries < 100)
      continue;
    if (ret < 0) {
      if (ret != AVERROR_EOF)
        readError = ret;
      break;
    }
    if (pkt->stream_index != streamIndex) {
      av_packet_unref(pkt.get());
      continue;
    }
    missingPts = missingPts || pkt->pts == AV_NOPTS_VALUE;
    std::int64_t key = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    if (key == AV_NOPTS_VALUE) {
      missingTimestamps = true;
      key = lastKey == AV_NOPTS_VALUE ? 0 : lastKey + 1;
    }
    lastKey = key;
    std::uint8_t flags = 0;
    if (pkt->flags & AV_PKT_FLAG_KEY)
      flags |= kKey;
    if (pkt->flags & AV_PKT_FLAG_DISCARD)
      flags |= kDiscard;
    if ((pkt->flags & AV_PKT_FLAG_DISPOSABLE) ||
        (h264 && !(flags & kKey) && h264Disposable(pkt->data, pkt->size, nalLengthSize)))
      flags |= kDisposable;
    if (pkt->flags & AV_PKT_FLAG_CORRUPT) {
      flags |= kCorrupt;
      const auto n = static_cast<std::int64_t>(idx.m_key.size());
      corruptFirst = corruptFirst < 0 ? n : corruptFirst;
      corruptLast = n;
      ++corruptCount;
    }
    if (flags & kKey) {
      idx.m_keyPackets.push_back(static_cast<int>(idx.m_key.size()));
      idx.m_keySeekTs.push_back(pkt->dts != AV_NOPTS_VALUE ? std::min(pkt->dts, key) : key);
    }
    idx.m_key.push_back(key);
    idx.m_flags.push_back(flags);
    idx.m_pos.push_back(pkt->pos);
    av_packet_unref(pkt.get());
  }
  for (unsigned i = 0; i < fmt->nb_streams; ++i)
    fmt->streams[i]->discard = AVDISCARD_DEFAULT;

  // Raw elementary streams carry no timestamps, and AVI stores decode times only (with B-frames
  // some packets have no pts at all): only the decoder knows the order there.
  idx.m_needsDecodedOrder = missingPts || (fmt->iformat->flags & AVFMT_NOTIMESTAMPS);
  idx.m_keysGuessed = missingTimestamps;
  idx.finish();
  // Several pictures with one pts (broken muxers): which is shown first is the decoder's choice.
  for (std::size_t f = 1; !idx.m_needsDecodedOrder && f < idx.m_presentation.size(); ++f)
    idx.m_needsDecodedOrder = idx.m_key[idx.m_presentation[f]] == idx.m_key[idx.m_presentation[f - 1]];
  const std::int64_t n = idx.frameCount();
  if (readError)
    idx.m_warnings.push_back(fileName + ": read error after frame " + std::to_string(n) + " (" +
                             avErrorText(readError) + "): later frames unavailable");
  if (st->nb_frames > idx.packetCount())
    idx.m_warnings.push_back(fileName + ": header declares " + std::to_string(st->nb_frames) + " frames but only " +
                             std::to_string(idx.packetCount()) + " are readable (truncated?): frames " +
                             std::to_string(n) + ".." + std::to_string(st->nb_frames - 1) + " unavailable");
  if (corruptCount)
    idx.m_warnings.push_back(fileName + ": " + std::to_string(corruptCount) + " corrupt packets (decode order " +
                             std::to_string(corruptFirst) + ".." + std::to_string(corruptLast) +
                             "): nearby frames may not decode");
  if (missingTimestamps)
    idx.m_warnings.push_back(fileName + ": packets without timestamps; frame times follow the frame rate");
  if (idx.m_key.empty())
    return Result<FrameIndex>::failure(fileName + ": no readable video frames" +
                                       (readError ? " (" + avErrorText(readError) + ")" : std::string()));
  return idx;
}

void FrameIndex::finish() {
  const int packets = static_cast<int>(m_key.size());
  if (!m_orderFromDecoder) {
    m_presentation.clear();
    m_discarded.clear();
    for (int d = 0; d < packets; ++d)
      (m_flags[d] & kDiscard ? m_discarded : m_presentation).push_back(d);
    auto byKey = [this](int a, int b) { return m_key[a] < m_key[b]; };
    std::stable_sort(m_presentation.begin(), m_presentation.end(), byKey);
    std::stable_sort(m_discarded.begin(), m_discarded.end(), byKey);
  }
  m_frameOfPacket.assign(static_cast<std::size_t>(packets), -1);
  for (std::size_t f = 0; f < m_presentation.size(); ++f)
    m_frameOfPacket[static_cast<std::size_t>(m_presentation[f])] = static_cast<std::int64_t>(f);
  if (m_orderFromDecoder) { // packets the decoder never showed
    m_discarded.clear();
    for (int d = 0; d < packets; ++d)
      if (m_frameOfPacket[static_cast<std::size_t>(d)] < 0)
        m_discarded.push_back(d);
    std::stable_sort(m_discarded.begin(), m_discarded.end(), [this](int a, int b) { return m_key[a] < m_key[b]; });
  }
  if (m_pos.size() != m_key.size())
    m_pos.assign(m_key.size(), -1);
  m_byPos.clear();
  m_byPos.reserve(m_pos.size());
  m_positionsUnique = true;
  for (int d = 0; d < packets; ++d) {
    if (m_pos[d] < 0)
      m_positionsUnique = false;
    m_byPos.emplace_back(m_pos[d], d);
  }
  std::sort(m_byPos.begin(), m_byPos.end());
  for (std::size_t i = 1; m_positionsUnique && i < m_byPos.size(); ++i)
    m_positionsUnique = m_byPos[i].first != m_byPos[i - 1].first;
  m_byKey.clear();
  if (!m_positionsUnique) {
    m_byPos.clear();
    m_byKey.reserve(m_key.size());
    for (int d = 0; d < packets; ++d)
      m_byKey.emplace_back(m_key[d], d);
    std::sort(m_byKey.begin(), m_byKey.end());
  }
}

void FrameIndex::setDecodedOrder(const std::vector<int> &outputOrder, AVRational frameRate) {
  const int packets = static_cast<int>(m_key.size());
  std::vector<char> seen(static_cast<std::size_t>(packets), 0);
  m_presentation.clear();
  for (int d : outputOrder)
    if (d >= 0 && d < packets && !seen[static_cast<std::size_t>(d)]) {
      seen[static_cast<std::size_t>(d)] = 1;
      m_presentation.push_back(d);
    }
  m_framePts.clear();
  if (m_keysGuessed) {
    if (frameRate.num <= 0 || frameRate.den <= 0)
      frameRate = {25, 1}; // what the raw demuxers assume
    for (std::size_t f = 0; f < m_presentation.size(); ++f)
      m_framePts.push_back(av_rescale_q(static_cast<std::int64_t>(f), av_inv_q(frameRate), m_timeBase));
  } else {
    for (int d : m_presentation)
      m_framePts.push_back(m_key[d]);
    std::sort(m_framePts.begin(), m_framePts.end());
  }
  m_orderFromDecoder = true;
  m_needsDecodedOrder = false;
  finish();
}

int FrameIndex::decodeIndexOfPacket(std::int64_t pos, std::int64_t key, int expected) const {
  if (m_positionsUnique && pos >= 0) {
    auto it = std::lower_bound(m_byPos.begin(), m_byPos.end(), std::make_pair(pos, -1));
    return it != m_byPos.end() && it->first == pos ? it->second : -1;
  }
  if (key == AV_NOPTS_VALUE)
    return -1;
  // Packets sharing the key: the first at or after the expected one, else the last before it.
  auto lo = std::lower_bound(m_byKey.begin(), m_byKey.end(), std::make_pair(key, INT_MIN));
  int best = -1;
  for (auto it = lo; it != m_byKey.end() && it->first == key; ++it) {
    best = it->second;
    if (best >= expected)
      break;
  }
  return best;
}

bool FrameIndex::shownBefore(int d, int keyPacket) const {
  if (m_orderFromDecoder) {
    const std::int64_t fd = m_frameOfPacket[d], fk = m_frameOfPacket[keyPacket];
    if (fd >= 0 && fk >= 0)
      return fd < fk;
  }
  return m_key[d] < m_key[keyPacket];
}

std::int64_t FrameIndex::frameOfPts(std::int64_t value) const {
  std::int64_t lo = 0, hi = frameCount(); // first frame with pts >= value
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    if (pts(mid) < value)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < frameCount() && pts(lo) == value ? lo : -1;
}

std::int64_t FrameIndex::frameOfPtsAfter(std::int64_t pts, std::int64_t after) const {
  std::int64_t f = frameOfPts(pts);
  if (f < 0)
    return -1;
  while (f <= after && f + 1 < frameCount() && this->pts(f + 1) == pts)
    ++f;
  return f;
}

int FrameIndex::decodeIndexOfPts(std::int64_t pts) const {
  const std::int64_t f = m_orderFromDecoder ? -1 : frameOfPts(pts);
  if (f >= 0)
    return m_presentation[f];
  auto it = std::lower_bound(m_discarded.begin(), m_discarded.end(), pts,
                             [this](int d, std::int64_t v) { return m_key[d] < v; });
  return it != m_discarded.end() && m_key[*it] == pts ? *it : -1;
}

FrameIndex::SeekPoint FrameIndex::seekPointFor(std::int64_t frame) const {
  const int d = m_presentation[frame];
  auto it = std::upper_bound(m_keyPackets.begin(), m_keyPackets.end(), d);
  if (it == m_keyPackets.begin())
    return {0, INT64_MIN, -1}; // no key frame before it: decode from the start of the file
  std::size_t k = static_cast<std::size_t>(it - m_keyPackets.begin()) - 1;
  // A leading picture of an open GOP (shown before its key frame) needs the previous GOP too.
  while (k > 0 && shownBefore(d, m_keyPackets[k]))
    --k;
  if (shownBefore(d, m_keyPackets[k]))
    return {0, INT64_MIN, -1};
  return {m_keyPackets[k], m_keySeekTs[k], m_pos[static_cast<std::size_t>(m_keyPackets[k])]};
}

std::int64_t FrameIndex::previousKeySeekTimestamp(const SeekPoint &point) const {
  auto it = std::lower_bound(m_keyPackets.begin(), m_keyPackets.end(), point.decodeIndex);
  if (it == m_keyPackets.begin())
    return INT64_MIN;
  return m_keySeekTs[static_cast<std::size_t>(it - m_keyPackets.begin()) - 1];
}

std::vector<std::int64_t> FrameIndex::keyFrames() const {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < m_presentation.size(); ++i)
    if (m_flags[m_presentation[i]] & kKey)
      out.push_back(static_cast<std::int64_t>(i));
  return out;
}

std::string FrameIndex::serialize() const {
  std::string out(kMagic, sizeof kMagic);
  put(out, kVersion);
  put(out, m_timeBase.num);
  put(out, m_timeBase.den);
  putVec(out, m_key);
  putVec(out, m_flags);
  putVec(out, m_keyPackets);
  putVec(out, m_keySeekTs);
  putVec(out, m_pos);
  put<std::uint8_t>(out, (m_orderFromDecoder ? 1 : 0) | (m_needsDecodedOrder ? 2 : 0) | (m_keysGuessed ? 4 : 0));
  if (m_orderFromDecoder) {
    putVec(out, m_presentation);
    putVec(out, m_framePts);
  }
  put<std::uint64_t>(out, m_warnings.size());
  for (const auto &w : m_warnings)
    putVec(out, std::vector<char>(w.begin(), w.end()));
  return out;
}

Result<FrameIndex> FrameIndex::deserialize(const std::string &bytes, const std::string &fileName) {
  auto bad = [&] { return Result<FrameIndex>::failure(fileName + ": not a valid frame index"); };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return bad();
  Reader r{bytes, sizeof kMagic};
  if (r.get<std::uint32_t>() != kVersion)
    return bad();
  FrameIndex idx;
  idx.m_timeBase.num = r.get<int>();
  idx.m_timeBase.den = r.get<int>();
  idx.m_key = r.getVec<std::int64_t>();
  idx.m_flags = r.getVec<std::uint8_t>();
  idx.m_keyPackets = r.getVec<int>();
  idx.m_keySeekTs = r.getVec<std::int64_t>();
  idx.m_pos = r.getVec<std::int64_t>();
  const auto bits = r.get<std::uint8_t>();
  idx.m_orderFromDecoder = bits & 1;
  idx.m_needsDecodedOrder = bits & 2;
  idx.m_keysGuessed = bits & 4;
  if (idx.m_orderFromDecoder) {
    idx.m_presentation = r.getVec<int>();
    idx.m_framePts = r.getVec<std::int64_t>();
  }
  const auto nw = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; r.ok && i < nw && i < 1000; ++i)
    idx.m_warnings.push_back(r.getString());
  if (!r.ok || idx.m_key.size() != idx.m_flags.size() || idx.m_keyPackets.size() != idx.m_keySeekTs.size() ||
      idx.m_key.empty() || idx.m_timeBase.den <= 0 || idx.m_timeBase.num <= 0 || idx.m_pos.size() != idx.m_key.size() ||
      (idx.m_orderFromDecoder && idx.m_framePts.size() != idx.m_presentation.size()))
    return bad();
  for (int d : idx.m_presentation)
    if (d < 0 || d >= static_cast<int>(idx.m_key.size()))
      return bad();
  for (int d : idx.m_keyPackets)
    if (d < 0 || d >= static_cast<int>(idx.m_key.size()))
      return bad();
  idx.finish();
  return idx;
}

} // namespace tacit::media
