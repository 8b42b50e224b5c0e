#pragma once
// A stream of pictures addressed by presentation-order frame index (DESIGN §3.3):
// VideoSource (colour video), DepthSource (16-bit depth). Readers are pure and single-threaded:
// one instance per thread (the FrameEngine owns its own on its worker).
#include <cstdint>
#include <string>
#include <vector>

#include "core/media/VideoFrame.h"
#include "core/time/Timestamp.h"
#include "core/util/Result.h"

namespace tacit::media {

class FrameSource {
public:
  virtual ~FrameSource() = default;
  virtual std::int64_t frameCount() const = 0;
  // Time of frame i (ns, stream offset included). Ascending in i.
  virtual Timestamp ptsNs(std::int64_t index) const = 0;
  // [first frame time, last frame time + one frame duration).
  virtual TimeRange timeRange() const = 0;
  // Latest frame whose time is <= t, or -1 if t is before the first frame.
  virtual std::int64_t indexAt(Timestamp t) const = 0;
  // Exactly frame `index` (presentation order). Error names the file and frame.
  virtual Result<VideoFrame> frame(std::int64_t index) = 0;
  // Frame `index` for on-screen playback: colour may come back smaller (fitting maxWidth x maxHeight,
  // aspect kept) and as PixelFormat::Rgb32, converted with fast filtering. Default: frame(index).
  virtual Result<VideoFrame> displayFrame(std::int64_t index, int maxWidth, int maxHeight) {
    (void)maxWidth;
    (void)maxHeight;
    return frame(index);
  }
  virtual PixelFormat pixelFormat() const = 0;
  virtual int width() const = 0; // output size (after display rotation)
  virtual int height() const = 0;
  virtual std::string path() const = 0;
  // Problems found while opening (e.g. "frames 120..179 unreadable: file truncated").
  virtual const std::vector<std::string> &warnings() const = 0;
};

// Shared helper: binary search of an ascending time vector for "latest at t".
std::int64_t latestIndexAt(const std::vector<Timestamp> &times, Timestamp t);
// Half-open range from first time to last time + the median frame spacing.
TimeRange frameTimeRange(const std::vector<Timestamp> &times);

} // namespace tacit::media
