#include "widgets/common/ImageView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace tacit {

ImageView::ImageView(QWidget *parent) : QWidget(parent) {
  setAttribute(Qt::WA_OpaquePaintEvent);
  setFocusPolicy(Qt::NoFocus);
  setMinimumSize(160, 120);
}

void ImageView::setImage(const QImage &image, QSize logicalSize) {
  m_image = image;
  m_logical = logicalSize.isEmpty() ? image.size() : logicalSize;
  update();
}

void ImageView::setRotation(int deg) {
  deg = ((deg % 360) + 360) % 360;
  m_rotation = (deg / 90) * 90;
  update();
}

void ImageView::setFastScaling(bool fast) {
  m_fast = fast;
}

QSizeF ImageView::rotatedSize() const {
  const QSizeF s = m_image.isNull() ? QSizeF(1, 1) : QSizeF(m_logical);
  return (m_rotation == 90 || m_rotation == 270) ? s.transposed() : s;
}

double ImageView::scale() const {
  if (!m_fit)
    return m_scale;
  const QSizeF rs = rotatedSize();
  return std::max(1e-6, std::min(width() / rs.width(), height() / rs.height()));
}

QTransform ImageView::imageToWidget() const {
  const QSizeF s = m_image.isNull() ? QSizeF(1, 1) : QSizeF(m_logical);
  const double k = scale();
  const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + (m_fit ? QPointF() : m_pan);
  QTransform r;
  r.rotate(m_rotation);
  return QTransform::fromTranslate(-s.width() / 2, -s.height() / 2) * r * QTransform::fromScale(k, k) *
         QTransform::fromTranslate(centre.x(), centre.y());
}

std::optional<QPointF> ImageView::imagePointAt(const QPointF &w) const {
  if (m_image.isNull())
    return std::nullopt;
  bool ok = false;
  const QTransform inv = imageToWidget().inverted(&ok);
  if (!ok)
    return std::nullopt;
  const QPointF p = inv.map(w);
  if (p.x() < 0 || p.y() < 0 || p.x() >= m_logical.width() || p.y() >= m_logical.height())
    return std::nullopt;
  return p;
}

void ImageView::fit() {
  m_fit = true;
  m_pan = {};
  update();
}

void ImageView::oneToOne() {
  zoomAround(1.0, QPointF(width() / 2.0, height() / 2.0));
}

void ImageView::zoomBy(double factor) {
  zoomAround(scale() * factor, QPointF(width() / 2.0, height() / 2.0));
}

void ImageView::zoomAround(double newScale, const QPointF &anchor) {
  newScale = std::clamp(newScale, 0.02, 64.0);
  // Keep the image point under the anchor fixed.
  const auto imgPt = imageToWidget().inverted().map(anchor);
  const QPointF centreBefore = QPointF(width() / 2.0, height() / 2.0) + (m_fit ? QPointF() : m_pan);
  const double old = scale();
  m_fit = false;
  m_scale = newScale;
  m_pan = centreBefore - QPointF(width() / 2.0, height() / 2.0);
  const QPointF after = imageToWidget().map(imgPt);
  m_pan += anchor - after;
  Q_UNUSED(old);
  update();
}

void ImageView::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), Qt::black);
  if (!m_image.isNull()) {
    const QTransform xf = imageToWidget();
    p.save();
    p.setTransform(xf);
    p.setRenderHint(QPainter::SmoothPixmapTransform, !m_fast);
    if (m_image.size() == m_logical)
      p.drawImage(QPointF(0, 0), m_image);
    else
      p.drawImage(QRectF(QPointF(0, 0), QSizeF(m_logical)), m_image);
    p.restore();
    paintOverlays(p, xf);
  } else {
    paintOverlays(p, imageToWidget());
  }
}

void ImageView::wheelEvent(QWheelEvent *e) {
  const int delta = e->angleDelta().y();
  if (delta == 0)
    return;
  zoomAround(scale() * std::pow(1.2, delta / 120.0), e->position());
  e->accept();
}

void ImageView::mousePressEvent(QMouseEvent *e) {
  if (e->button() == Qt::LeftButton || e->button() == Qt::MiddleButton) {
    m_panning = true;
    m_lastMouse = e->position();
  }
}

void ImageView::mouseMoveEvent(QMouseEvent *e) {
  if (!m_panning)
    return;
  if (m_fit) {
    m_scale = scale();
    m_fit = false;
    m_pan = {};
  }
  m_pan += e->position() - m_lastMouse;
  m_lastMouse = e->position();
  update();
}

void ImageView::mouseReleaseEvent(QMouseEvent *) {
  m_panning = false;
}

void ImageView::mouseDoubleClickEvent(QMouseEvent *) {
  fit();
}

} // namespace tacit
