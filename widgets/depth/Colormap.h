#pragma once
// 16-bit depth (mm) to colour: turbo (Google's polynomial approximation) or grey, over [min, max];
// 0 (no measurement) is black.
#include <QImage>
#include <array>
#include <cstdint>

namespace tacit {

enum class Colormap { Turbo, Grey };

// 256-entry lookup table (ARGB32).
const std::array<QRgb, 256> &colormapTable(Colormap map);
// Format_Grayscale16 input -> Format_RGB32 output.
QImage colorizeDepth(const QImage &depth16, Colormap map, int minMm, int maxMm);
// Robust auto range: 2nd and 98th percentile of non-zero pixels (sampled); {0,0} when none.
std::pair<int, int> autoDepthRange(const QImage &depth16);

} // namespace tacit
