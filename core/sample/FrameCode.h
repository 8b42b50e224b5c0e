#pragma once
// Machine-readable frame index burned into every synthetic video frame (docs/recording-format.md
// "Frame index code"): a row of 24 black/white cells, most significant bit first, framed by one
// mid-grey guard cell on each side, centred on the top edge; plus the number as text below it.
#include <cstdint>
#include <optional>

class QImage;

namespace tacit::sample {

struct FrameCodeLayout {
  int cell = 8; // cell edge in pixels (square)
  int x0 = 0;   // left edge of the left guard cell
  int y0 = 0;   // top edge of the row
};

constexpr int kFrameCodeBits = 24;
constexpr std::uint32_t kFrameCodeMax = (1u << kFrameCodeBits) - 1;

// Cell size grows with the width: max(8, even(width / 64)); 22 px at 1408.
FrameCodeLayout frameCodeLayout(int width);

// Draws the code and the text "#<index>" into a packed RGB24 buffer. Widths below 208 px are too small.
void drawFrameCode(std::uint8_t *rgb, int width, int height, int stride, std::uint32_t index);

// Reads the index back from an RGB24 buffer (e.g. a decoded frame). nullopt when the guard cells
// are not mid-grey or a cell is neither clearly dark nor clearly bright.
std::optional<std::uint32_t> readFrameCode(const std::uint8_t *rgb, int width, int height, int stride);
// Same for any QImage format (converted to RGB888 when needed).
std::optional<std::uint32_t> readFrameCode(const QImage &image);

} // namespace tacit::sample
