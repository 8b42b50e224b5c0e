#include "widgets/video/HandOverlayPainter.h"

#include <QPainter>

#include "core/geometry/HandSkeleton.h"
#include "widgets/common/HandColors.h"

namespace tacit {

void paintHand(QPainter &p, const ProjectedHand &hand, const QColor &color, const QTransform &xf) {
  if (!hand.present)
    return;
  QColor c = color;
  c.setAlpha(confidenceAlpha(hand.confidence));
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(QPen(c, 2.0, Qt::SolidLine, Qt::RoundCap));
  for (const auto &bone : geometry::hand::kBones) {
    const auto &a = hand.points[geometry::hand::index(bone.from)];
    const auto &b = hand.points[geometry::hand::index(bone.to)];
    if (a && b)
      p.drawLine(xf.map(*a), xf.map(*b));
  }
  p.setPen(QPen(QColor(0, 0, 0, c.alpha()), 1.0));
  p.setBrush(c);
  for (const auto &pt : hand.points)
    if (pt)
      p.drawEllipse(xf.map(*pt), 3.5, 3.5);
  p.restore();
}

void paintGazePoint(QPainter &p, const QPointF &w) {
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(QPen(gazeColor(), 2.5));
  p.setBrush(Qt::NoBrush);
  p.drawEllipse(w, 12, 12);
  p.drawLine(w + QPointF(-18, 0), w + QPointF(-8, 0));
  p.drawLine(w + QPointF(8, 0), w + QPointF(18, 0));
  p.drawLine(w + QPointF(0, -18), w + QPointF(0, -8));
  p.drawLine(w + QPointF(0, 8), w + QPointF(0, 18));
  p.restore();
}

} // namespace tacit
