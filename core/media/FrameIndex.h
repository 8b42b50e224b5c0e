#pragma once
// Presentation-order index of one video stream, built from a packet scan (no decoding) and
// cached on disk (FrameIndexCache). Frame i is the i-th picture ffmpeg would output, i.e. the
// non-discarded packets sorted by pts. About 13 bytes per frame (2 h at 30 fps: ~2.8 MB).
#include <cstdint>
#include <string>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
}

#include "core/util/Result.h"

namespace tacit::media {

class FrameIndex {
public:
  enum Flag : std::uint8_t {
    kKey = 1,        // random access point
    kDiscard = 2,    // decoded but not shown (before an edit list's start)
    kDisposable = 4, // nobody references it (H.264 nal_ref_idc 0): skippable when seeking
    kCorrupt = 8,    // demuxer flagged the packet corrupt
  };

  // Reads every packet of `streamIndex` (other streams discarded). Read errors stop the scan
  // with a warning naming the unreadable frame range; the frames before stay usable.
  static Result<FrameIndex> scan(AVFormatContext *fmt, int streamIndex, const std::string &fileName);

  std::int64_t frameCount() const { return static_cast<std::int64_t>(m_presentation.size()); }
  std::int64_t packetCount() const { return static_cast<std::int64_t>(m_key.size()); }
  AVRational timeBase() const { return m_timeBase; }

  // pts (stream time base) of frame i in presentation order.
  std::int64_t pts(std::int64_t frame) const { return m_key[m_presentation[frame]]; }
  int decodeIndex(std::int64_t frame) const { return m_presentation[frame]; }
  std::int64_t packetKey(int decodeIndex) const { return m_key[decodeIndex]; }
  std::uint8_t packetFlags(int decodeIndex) const { return m_flags[decodeIndex]; }
  bool isKeyFrame(std::int64_t frame) const { return m_flags[m_presentation[frame]] & kKey; }
  // Frame index whose pts equals `pts`, or -1.
  std::int64_t frameOfPts(std::int64_t pts) const;
  // Like frameOfPts, but when several frames share the pts (broken muxers), the first one
  // after `after`; -1 if none.
  std::int64_t frameOfPtsAfter(std::int64_t pts, std::int64_t after) const;
  // Decode index of the packet with this pts (also discarded ones), or -1.
  int decodeIndexOfPts(std::int64_t pts) const;

  // Where to start decoding to get `frame` exactly: the keyframe packet (decode index) at or
  // before it in decode order, one further back when the frame is a leading picture of an open
  // GOP (pts before its keyframe's).
  struct SeekPoint {
    int decodeIndex = 0;
    std::int64_t seekTimestamp = 0; // for av_seek_frame(..., AVSEEK_FLAG_BACKWARD)
  };
  SeekPoint seekPointFor(std::int64_t frame) const;
  std::vector<std::int64_t> keyFrames() const; // presentation indices of key frames

  const std::vector<std::string> &warnings() const { return m_warnings; }

  std::string serialize() const;
  static Result<FrameIndex> deserialize(const std::string &bytes, const std::string &fileName);

private:
  void finish(); // builds the presentation order from m_key / m_flags

  AVRational m_timeBase{1, 1};
  std::vector<std::int64_t> m_key; // per packet in decode order: pts (dts if no pts)
  std::vector<std::uint8_t> m_flags;
  std::vector<int> m_keyPackets; // decode indices of key packets
  std::vector<std::int64_t> m_keySeekTs;
  std::vector<int> m_presentation; // frame -> decode index
  std::vector<int> m_discarded;    // decode indices of discarded packets, sorted by key
  std::vector<std::string> m_warnings;
};

} // namespace tacit::media
