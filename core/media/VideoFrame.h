#pragma once
// One decoded picture as the GUI and exporters see it: an immutable, shared pixel buffer
// (RGB 8-bit for colour video, 16-bit grey for depth in millimetres) with its time and index.
#include <QImage>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/time/Timestamp.h"

namespace tacit::media {

enum class PixelFormat {
  Rgb24,  // 3 bytes per pixel, R G B (QImage::Format_RGB888)
  Gray16, // 2 bytes per pixel, native-endian uint16 (QImage::Format_Grayscale16); depth in mm
  Rgb32,  // 4 bytes per pixel, 0xffRRGGBB words (QImage::Format_RGB32): display frames, no GUI copy
};
int bytesPerPixel(PixelFormat format);

// A heap block of pixels, 64-byte aligned (swscale writes it with SIMD).
class FrameBuffer {
public:
  explicit FrameBuffer(std::size_t bytes);
  ~FrameBuffer();
  FrameBuffer(const FrameBuffer &) = delete;
  FrameBuffer &operator=(const FrameBuffer &) = delete;
  std::uint8_t *data() { return m_data; }
  const std::uint8_t *data() const { return m_data; }
  std::size_t size() const { return m_size; }

private:
  std::uint8_t *m_data = nullptr;
  std::size_t m_size = 0;
};

struct VideoFrame {
  std::int64_t index = -1;        // presentation-order frame number in its stream (0-based)
  Timestamp ptsNs = kInvalidTime; // stream pts in ns plus the stream's time offset
  int width = 0;
  int height = 0;
  int stride = 0; // bytes per row (>= width * bytesPerPixel)
  PixelFormat format = PixelFormat::Rgb24;
  bool exact = true; // false: a display frame (scaled / fast-filtered RGB32 for playback)
  std::shared_ptr<const FrameBuffer> buffer;

  bool isNull() const { return !buffer; }
  const std::uint8_t *data() const { return buffer ? buffer->data() : nullptr; }
  const std::uint8_t *row(int y) const { return data() + static_cast<std::ptrdiff_t>(y) * stride; }
  std::size_t byteSize() const { return buffer ? buffer->size() : 0; }
  // Zero-copy QImage view (Format_RGB888, Format_RGB32 or Format_Grayscale16) that keeps the buffer alive.
  QImage image() const;
  // Tightly packed copy of the pixels (no row padding), e.g. for comparisons.
  std::string packedBytes() const;
};

} // namespace tacit::media
