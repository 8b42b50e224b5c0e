#pragma once
// Writes already-compressed video pictures (e.g. the JPEG payloads of an Aria RGB stream) into a
// container without re-encoding. Timestamps are microseconds from the first picture, so variable
// frame rates and exact device times survive (MOV track timescale 1 MHz).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/util/Result.h"

namespace tacit::import {

enum class PictureCodec { Mjpeg, H264, Hevc };

class PacketMuxer {
public:
  ~PacketMuxer();
  // Container chosen from the extension (.mov recommended for MJPEG).
  static Result<std::unique_ptr<PacketMuxer>> create(const std::filesystem::path &path, PictureCodec codec, int width,
                                                     int height);
  // ptsUs must increase strictly.
  Status write(const std::vector<std::uint8_t> &picture, std::int64_t ptsUs, bool keyFrame);
  Status finish();
  std::int64_t packetCount() const { return m_count; }

private:
  PacketMuxer() = default;
  struct Impl;
  std::unique_ptr<Impl> m;
  std::int64_t m_count = 0;
  std::int64_t m_lastPts = -1;
};

} // namespace tacit::import
