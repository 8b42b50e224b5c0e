#include "widgets/depth/DepthView.h"

#include <QMouseEvent>
#include <QPainter>

#include "widgets/common/HandColors.h"
#include "widgets/video/HandOverlayPainter.h"

namespace tacit {

DepthView::DepthView(QWidget *parent) : ImageView(parent) {
  setMouseTracking(true);
}

void DepthView::setDepthFrame(const QImage &depth16, qint64 frameIndex) {
  const bool sizeChanged = depth16.size() != m_depth.size();
  m_depth =
      depth16.format() == QImage::Format_Grayscale16 ? depth16 : depth16.convertToFormat(QImage::Format_Grayscale16);
  m_frameIndex = frameIndex;
  if (m_auto) {
    const auto [lo, hi] = autoDepthRange(m_depth);
    if (hi > lo && (lo != m_min || hi != m_max)) {
      m_min = lo;
      m_max = hi;
      emit rangeChanged(m_min, m_max);
    }
  }
  recolor();
  if (sizeChanged)
    setHands(m_rawHands[0], m_rawHands[1]);
}

void DepthView::setColormap(Colormap map) {
  m_map = map;
  recolor();
}

void DepthView::setAutoRange(bool on) {
  m_auto = on;
  if (on && !m_depth.isNull())
    setDepthFrame(m_depth, m_frameIndex);
}

void DepthView::setRange(int minMm, int maxMm) {
  m_auto = false;
  m_min = std::min(minMm, maxMm - 1);
  m_max = maxMm;
  emit rangeChanged(m_min, m_max);
  recolor();
}

void DepthView::recolor() {
  // A null frame clears the view (a recording without depth must not show the previous one's).
  setImage(m_depth.isNull() ? QImage() : colorizeDepth(m_depth, m_map, m_min, m_max));
}

void DepthView::setProjector(const CameraProjector &projector) {
  m_projector = projector;
  setHands(m_rawHands[0], m_rawHands[1]);
}

void DepthView::setHands(const series::HandPose &left, const series::HandPose &right) {
  m_rawHands[0] = left;
  m_rawHands[1] = right;
  m_hands[0] = m_projector.projectHand(left);
  m_hands[1] = m_projector.projectHand(right);
  update();
}

void DepthView::setShowHands(bool on) {
  m_showHands = on;
  update();
}

std::optional<int> DepthView::valueAt(const QPoint &px) const {
  if (m_depth.isNull() || px.x() < 0 || px.y() < 0 || px.x() >= m_depth.width() || px.y() >= m_depth.height())
    return std::nullopt;
  const int v = reinterpret_cast<const std::uint16_t *>(m_depth.constScanLine(px.y()))[px.x()];
  return v == 0 ? std::nullopt : std::optional<int>(v);
}

void DepthView::paintOverlays(QPainter &p, const QTransform &xf) {
  if (m_depth.isNull()) {
    p.setPen(QColor(160, 160, 160));
    p.drawText(rect(), Qt::AlignCenter, tr("No depth"));
    return;
  }
  if (m_showHands) {
    paintHand(p, m_hands[0], handColor(0), xf);
    paintHand(p, m_hands[1], handColor(1), xf);
  }
  QString text = QStringLiteral("%1–%2 mm").arg(m_min).arg(m_max);
  if (m_hoverPixel) {
    const auto v = valueAt(*m_hoverPixel);
    text = QStringLiteral("(%1, %2)  %3   ·   %4")
               .arg(m_hoverPixel->x())
               .arg(m_hoverPixel->y())
               .arg(v ? tr("%1 mm").arg(*v) : tr("no data"))
               .arg(text);
  }
  const QRect box = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
  const QRect at = box.translated(8 - box.left(), height() - 8 - box.bottom());
  p.fillRect(at, QColor(0, 0, 0, 160));
  p.setPen(Qt::white);
  p.drawText(at, Qt::AlignCenter, text);
}

void DepthView::mouseMoveEvent(QMouseEvent *e) {
  ImageView::mouseMoveEvent(e);
  const auto ip = imagePointAt(e->position());
  m_hoverPixel = ip ? std::optional<QPoint>(QPoint(int(ip->x()), int(ip->y()))) : std::nullopt;
  if (m_hoverPixel) {
    const auto v = valueAt(*m_hoverPixel);
    emit hoverValue(v.value_or(-1), *m_hoverPixel);
  }
  update();
}

void DepthView::leaveEvent(QEvent *) {
  m_hoverPixel.reset();
  update();
}

} // namespace tacit
