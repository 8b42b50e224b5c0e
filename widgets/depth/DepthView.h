#pragma once
// The depth view: 16-bit depth (mm) through a colormap (turbo or grey) over an adjustable range
// (or auto per frame), the value in mm under the mouse, and the hand overlay projected through the
// depth camera.
#include <array>
#include <optional>

#include "core/series/HandPose.h"
#include "widgets/common/ImageView.h"
#include "widgets/depth/Colormap.h"
#include "widgets/video/CameraProjector.h"

namespace tacit {

class DepthView : public ImageView {
  Q_OBJECT
public:
  explicit DepthView(QWidget *parent = nullptr);

  // Format_Grayscale16, millimetres.
  void setDepthFrame(const QImage &depth16, qint64 frameIndex);
  const QImage &depthFrame() const { return m_depth; }
  qint64 frameIndex() const { return m_frameIndex; }
  void setColormap(Colormap map);
  Colormap colormap() const { return m_map; }
  void setAutoRange(bool on);
  bool autoRange() const { return m_auto; }
  void setRange(int minMm, int maxMm); // turns auto off
  std::pair<int, int> range() const { return {m_min, m_max}; }
  void setProjector(const CameraProjector &projector);
  void setHands(const series::HandPose &left, const series::HandPose &right);
  void setShowHands(bool on);
  // Depth in mm at an image pixel; nullopt outside the frame or when the pixel has no measurement.
  std::optional<int> valueAt(const QPoint &imagePixel) const;

signals:
  void rangeChanged(int minMm, int maxMm);
  // Value under the mouse (-1: none).
  void hoverValue(int mm, QPoint pixel);

protected:
  void paintOverlays(QPainter &p, const QTransform &xf) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void leaveEvent(QEvent *) override;

private:
  void recolor();

  QImage m_depth;
  qint64 m_frameIndex = -1;
  Colormap m_map = Colormap::Turbo;
  bool m_auto = true;
  int m_min = 0, m_max = 5000;
  CameraProjector m_projector;
  series::HandPose m_rawHands[2];
  std::array<ProjectedHand, 2> m_hands;
  bool m_showHands = true;
  std::optional<QPoint> m_hoverPixel;
};

} // namespace tacit
