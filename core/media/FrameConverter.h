#pragma once
// Decoded AVFrame -> VideoFrame, pixel-identical to what the ffmpeg CLI writes with
// `-pix_fmt rgb24`: display rotation applied to the decoded planes first (as ffmpeg's autorotate
// transpose/hflip/vflip filters do), then libswscale with the settings vf_scale uses
// (bicubic, colour matrix/range taken from the frame, MPEG-2 chroma siting for yuv420p).
#include <cstdint>
#include <memory>

extern "C" {
#include <libavutil/frame.h>
}

#include "core/media/BufferPool.h"
#include "core/media/VideoFrame.h"
#include "core/util/Result.h"

struct SwsContext;

namespace tacit::media {

// How ffmpeg's autorotate turns the stored picture upright.
struct Orientation {
  bool transpose = false; // swap axes (90 / 270 degrees)
  bool flipX = false;     // transposed: source column reversed; else horizontal flip
  bool flipY = false;     // transposed: source row reversed; else vertical flip
  int rotationDeg = 0;    // clockwise display rotation, for reporting (0, 90, 180, 270)
  bool isIdentity() const { return !transpose && !flipX && !flipY; }
  // From a stream's display matrix (may be null), exactly as ffmpeg 5.1's autorotate decides.
  static Orientation fromDisplayMatrix(const std::int32_t *matrix);
};

class FrameConverter {
public:
  FrameConverter(PixelFormat out, Orientation orientation, int swsThreads = 1);
  ~FrameConverter();
  FrameConverter(const FrameConverter &) = delete;
  FrameConverter &operator=(const FrameConverter &) = delete;

  // Output size for a decoded size (swapped when transposed).
  int outputWidth(int decodedWidth, int decodedHeight) const;
  int outputHeight(int decodedWidth, int decodedHeight) const;
  Result<VideoFrame> convert(const AVFrame *frame, BufferPool &pool);
  // Display conversion for playback: scaled to dstWidth x dstHeight (after rotation) with fast
  // bilinear filtering, default chroma siting. Not bit-exact with the ffmpeg CLI; cheap at small sizes.
  Result<VideoFrame> convertScaled(const AVFrame *frame, BufferPool &pool, int dstWidth, int dstHeight);

private:
  const AVFrame *orient(const AVFrame *frame, std::string &error);
  bool ensureContext(const AVFrame *src, int dstW, int dstH);
  Result<VideoFrame> convertTo(const AVFrame *frame, BufferPool &pool, int dstW, int dstH);

  PixelFormat m_out;
  Orientation m_orientation;
  int m_swsThreads;
  SwsContext *m_sws = nullptr;
  int m_srcW = 0, m_srcH = 0, m_srcFormat = -1, m_srcSpace = -1, m_srcRange = -1;
  int m_dstW = 0, m_dstH = 0;
  bool m_exact = true; // vf_scale settings (bicubic, MPEG-2 chroma siting) vs fast display scaling
  AVFrame *m_rotated = nullptr;
};

} // namespace tacit::media
