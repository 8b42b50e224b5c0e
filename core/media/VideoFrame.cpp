#include "core/media/VideoFrame.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

namespace tacit::media {

int bytesPerPixel(PixelFormat format) {
  switch (format) {
  case PixelFormat::Rgb24: return 3;
  case PixelFormat::Rgb32: return 4;
  case PixelFormat::Gray16: return 2;
  }
  return 3;
}

FrameBuffer::FrameBuffer(std::size_t bytes) : m_size(bytes) {
  // Round up: aligned_alloc wants a multiple of the alignment; padding also lets SIMD overrun.
  const std::size_t rounded = (bytes + 64 + 63) / 64 * 64;
  m_data = static_cast<std::uint8_t *>(std::aligned_alloc(64, rounded));
  if (!m_data)
    throw std::bad_alloc();
}

FrameBuffer::~FrameBuffer() {
  std::free(m_data);
}

QImage VideoFrame::image() const {
  if (!buffer)
    return {};
  auto *keep = new std::shared_ptr<const FrameBuffer>(buffer);
  const QImage::Format fmt = format == PixelFormat::Rgb24   ? QImage::Format_RGB888
                             : format == PixelFormat::Rgb32 ? QImage::Format_RGB32
                                                            : QImage::Format_Grayscale16;
  return QImage(
      buffer->data(), width, height, stride, fmt,
      [](void *p) { delete static_cast<std::shared_ptr<const FrameBuffer> *>(p); }, keep);
}

std::string VideoFrame::packedBytes() const {
  std::string out;
  if (!buffer)
    return out;
  const std::size_t rowBytes = static_cast<std::size_t>(width) * bytesPerPixel(format);
  out.resize(rowBytes * height);
  for (int y = 0; y < height; ++y)
    std::memcpy(out.data() + rowBytes * y, row(y), rowBytes);
  return out;
}

} // namespace tacit::media
