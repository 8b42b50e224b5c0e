#pragma once
// Overlay colours of the two hands, shared by the video, depth and 3D views. Chosen to stand out
// from skin and glove colours; opacity encodes confidence.
#include <QColor>

namespace tacit {

inline QColor handColor(int side) { // 0 = left, 1 = right
  return side == 0 ? QColor(255, 196, 0) : QColor(0, 229, 255);
}
inline QColor gazeColor() {
  return QColor(255, 64, 160);
}
// Alpha for a confidence in [0, 1]: never fully transparent so low-confidence hands stay visible.
inline int confidenceAlpha(float confidence) {
  const float c = confidence < 0 ? 0 : (confidence > 1 ? 1 : confidence);
  return static_cast<int>(70 + 185 * c);
}

} // namespace tacit
