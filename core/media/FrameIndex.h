#pragma once
// Presentation-order index of one video stream, built from a packet scan and cached on disk
// (FrameIndexCache). Frame i is the i-th picture the ffmpeg CLI outputs (-vsync 0), which is the
// decoder's output order. Two ways to know that order:
//  * timestamps (MP4, MKV, TS, PS, ...): the non-discarded packets sorted by pts, no decoding;
//  * the decoder itself, where the container's timestamps do not say it (raw elementary streams,
//    AVI with B-frames, missing pts): needsDecodedOrder() after the scan, then the owner decodes the
//    stream once and calls setDecodedOrder() (VideoSource does; the result is cached like the rest).
// Packets are identified by byte position where the demuxer reports one (raw streams have no
// timestamps at all). About 21 bytes per frame (2 h at 30 fps: ~4.5 MB).
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
  std::int64_t pts(std::int64_t frame) const {
    return m_framePts.empty() ? m_key[m_presentation[frame]] : m_framePts[frame];
  }
  int decodeIndex(std::int64_t frame) const { return m_presentation[frame]; }
  // Presentation index of the picture in packet `decodeIndex`, -1 when it is never shown.
  std::int64_t frameOfPacket(int decodeIndex) const { return m_frameOfPacket[decodeIndex]; }
  std::int64_t packetKey(int decodeIndex) const { return m_key[decodeIndex]; }
  std::int64_t packetPos(int decodeIndex) const { return m_pos[decodeIndex]; }
  std::uint8_t packetFlags(int decodeIndex) const { return m_flags[decodeIndex]; }
  // Decode index of a packet read back from the file, by byte position (when the scan had distinct
  // ones) or else by timestamp (several packets with that key: the first at or after `expected`);
  // -1 when unknown.
  int decodeIndexOfPacket(std::int64_t pos, std::int64_t key, int expected = 0) const;
  // True when byte positions identify packets (every packet had a distinct position).
  bool hasPositions() const { return m_positionsUnique; }

  // The scan could not tell the presentation order from timestamps.
  bool needsDecodedOrder() const { return m_needsDecodedOrder; }
  bool orderFromDecoder() const { return m_orderFromDecoder; }
  // The decoder's output order (decode indices, first shown first). Frame times: the packets'
  // timestamps in ascending order when they had them, else frames 1/frameRate apart.
  void setDecodedOrder(const std::vector<int> &outputOrder, AVRational frameRate);
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
  // GOP (shown before its keyframe).
  struct SeekPoint {
    int decodeIndex = 0;
    std::int64_t seekTimestamp = 0; // for av_seek_frame(..., AVSEEK_FLAG_BACKWARD); INT64_MIN: file start
    std::int64_t bytePos = -1;      // for AVSEEK_FLAG_BYTE (raw streams), -1 unknown
  };
  SeekPoint seekPointFor(std::int64_t frame) const;
  // Seek timestamp of the key frame before the seek point's (INT64_MIN: the file start).
  std::int64_t previousKeySeekTimestamp(const SeekPoint &point) const;
  std::vector<std::int64_t> keyFrames() const; // presentation indices of key frames

  const std::vector<std::string> &warnings() const { return m_warnings; }

  std::string serialize() const;
  static Result<FrameIndex> deserialize(const std::string &bytes, const std::string &fileName);

private:
  void finish(); // builds the presentation order from m_key / m_flags (or keeps the decoded one)
  bool shownBefore(int decodeIndex, int keyPacket) const; // packet shown before the key packet

  AVRational m_timeBase{1, 1};
  std::vector<std::int64_t> m_key; // per packet in decode order: pts (dts if no pts)
  std::vector<std::uint8_t> m_flags;
  std::vector<std::int64_t> m_pos; // per packet: byte position in the file, -1 unknown
  std::vector<int> m_keyPackets;   // decode indices of key packets
  std::vector<std::int64_t> m_keySeekTs;
  std::vector<int> m_presentation;                   // frame -> decode index
  std::vector<int> m_discarded;                      // decode indices of discarded packets, sorted by key
  std::vector<std::int64_t> m_frameOfPacket;         // decode index -> frame, -1 never shown
  std::vector<std::pair<std::int64_t, int>> m_byPos; // (pos, decode index) sorted, when unique
  std::vector<std::pair<std::int64_t, int>> m_byKey; // (key, decode index) sorted, when pos is not
  std::vector<std::int64_t> m_framePts;              // per frame when the order came from the decoder
  bool m_positionsUnique = false;
  bool m_needsDecodedOrder = false;
  bool m_orderFromDecoder = false;
  bool m_keysGuessed = false; // packets had neither pts nor dts
  std::vector<std::string> m_warnings;
};

} // namespace tacit::media
