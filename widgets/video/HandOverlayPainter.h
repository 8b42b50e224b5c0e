#pragma once
// Draws a projected hand (landmarks + skeleton bones) in widget coordinates.
#include <QColor>
#include <QTransform>

#include "widgets/video/CameraProjector.h"

class QPainter;

namespace tacit {

// imageToWidget maps image coordinates to the widget; `scale` sizes joints with the zoom a little.
void paintHand(QPainter &painter, const ProjectedHand &hand, const QColor &color, const QTransform &imageToWidget);
void paintGazePoint(QPainter &painter, const QPointF &widgetPoint);

} // namespace tacit
