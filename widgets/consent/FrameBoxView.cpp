#include "widgets/consent/FrameBoxView.h"

#include <QMouseEvent>
#include <QPainter>

namespace tacit {

FrameBoxView::FrameBoxView(QWidget *parent) : QWidget(parent) {
  setMinimumSize(320, 240);
  setCursor(Qt::CrossCursor);
}

void FrameBoxView::setImage(const QImage &image) {
  m_image = image;
  update();
}

void FrameBoxView::setMarks(std::vector<Marked> marks) {
  m_marks = std::move(marks);
  update();
}

void FrameBoxView::clearSelection() {
  m_selection = {};
  update();
}

QRectF FrameBoxView::imageRect() const {
  if (m_image.isNull())
    return {};
  QSizeF s = m_image.size();
  s.scale(size(), Qt::KeepAspectRatio);
  return {QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s};
}

QPointF FrameBoxView::toNormalised(const QPointF &p) const {
  const QRectF r = imageRect();
  if (r.isEmpty())
    return {};
  return {std::clamp((p.x() - r.x()) / r.width(), 0.0, 1.0), std::clamp((p.y() - r.y()) / r.height(), 0.0, 1.0)};
}

void FrameBoxView::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), Qt::black);
  const QRectF r = imageRect();
  if (!m_image.isNull())
    p.drawImage(r, m_image);
  for (const auto &m : m_marks) {
    p.setPen(QPen(m.colour, m.current ? 4 : 2));
    p.drawRect(QRectF(r.x() + m.box.x() * r.width(), r.y() + m.box.y() * r.height(), m.box.width() * r.width(),
                      m.box.height() * r.height()));
  }
  if (!m_selection.isEmpty()) {
    p.setPen(QPen(Qt::yellow, 2, Qt::DashLine));
    p.drawRect(QRectF(r.x() + m_selection.x() * r.width(), r.y() + m_selection.y() * r.height(),
                      m_selection.width() * r.width(), m_selection.height() * r.height()));
  }
}

void FrameBoxView::mousePressEvent(QMouseEvent *e) {
  m_anchor = toNormalised(e->position());
  m_dragging = true;
}

void FrameBoxView::mouseMoveEvent(QMouseEvent *e) {
  if (!m_dragging)
    return;
  m_selection = QRectF(m_anchor, toNormalised(e->position())).normalized();
  update();
}

void FrameBoxView::mouseReleaseEvent(QMouseEvent *e) {
  mouseMoveEvent(e);
  m_dragging = false;
  if (m_selection.width() > 0.01 && m_selection.height() > 0.01)
    emit selectionChanged(m_selection);
}

} // namespace tacit
