#include "widgets/timeline/TimelineWidget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace tacit {

namespace {
const QColor kBackground(0x23, 0x25, 0x29);
const QColor kRulerBg(0x2d, 0x30, 0x35);
const QColor kHeaderBg(0x2a, 0x2c, 0x31);
const QColor kText(0xd0, 0xd4, 0xda);
const QColor kTick(0x80, 0x86, 0x8e);
const QColor kGap(0x3a, 0x2a, 0x2a);
const QColor kPlayheadColor(0xff, 0x3b, 0x30);
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent) {
  setMouseTracking(false);
  setFocusPolicy(Qt::NoFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize TimelineWidget::sizeHint() const {
  return {800, kRulerHeight + static_cast<int>(std::max<std::size_t>(m_lanes.size(), 4)) * kLaneHeight + 6};
}
QSize TimelineWidget::minimumSizeHint() const {
  return {300, kRulerHeight + 2 * kLaneHeight};
}

void TimelineWidget::setRange(TimeRange range) {
  if (range.empty())
    range = {range.begin, range.begin + kNsPerSecond};
  m_range = range;
  m_visible = range;
  emit visibleRangeChanged();
  update();
}

void TimelineWidget::setLanes(std::vector<TimelineLane> lanes) {
  m_lanes = std::move(lanes);
  updateGeometry();
  update();
}

void TimelineWidget::setLoop(TimeRange loop) {
  m_loop = loop;
  update();
}

void TimelineWidget::setVisibleRange(TimeRange visible) {
  if (visible.empty())
    return;
  m_visible = visible;
  emit visibleRangeChanged();
  update();
}

Timestamp TimelineWidget::minVisibleDuration() const {
  // Frame level: about ten frames across the widget.
  return m_framePeriod > 0 ? m_framePeriod * 10 : 10 * kNsPerMs;
}

void TimelineWidget::setPlayhead(qint64 t) {
  if (t == m_playhead)
    return;
  m_playhead = t;
  // Keep the playhead in view while playing: page forward/back like an NLE.
  if (!m_visible.contains(t) && m_visible.duration() < m_range.duration() && m_drag == Drag::None) {
    const Timestamp d = m_visible.duration();
    m_visible = panRange({t - d / 10, t - d / 10 + d}, 0, m_range);
    emit visibleRangeChanged();
  }
  update();
}

void TimelineWidget::zoomIn() {
  setVisibleRange(zoomRange(m_visible, 0.5,
                            m_visible.contains(m_playhead) ? m_playhead : (m_visible.begin + m_visible.end) / 2,
                            minVisibleDuration(), m_range));
}

void TimelineWidget::zoomOut() {
  setVisibleRange(zoomRange(m_visible, 2.0,
                            m_visible.contains(m_playhead) ? m_playhead : (m_visible.begin + m_visible.end) / 2,
                            minVisibleDuration(), m_range));
}

void TimelineWidget::fit() {
  setVisibleRange(m_range);
}

TimeAxis TimelineWidget::axis() const {
  TimeAxis ax;
  ax.visible = m_visible;
  ax.left = kHeaderWidth;
  ax.width = std::max(1, width() - kHeaderWidth - 4);
  return ax;
}

void TimelineWidget::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), kBackground);
  const TimeAxis ax = axis();
  paintRuler(p, ax);
  int y = kRulerHeight;
  for (const TimelineLane &lane : m_lanes) {
    const QRect r(0, y, width(), kLaneHeight);
    paintLane(p, ax, lane, r);
    y += kLaneHeight;
  }
  // Loop region.
  if (!m_loop.empty()) {
    const double x0 = ax.xOf(m_loop.begin), x1 = ax.xOf(m_loop.end);
    p.fillRect(QRectF(x0, 0, x1 - x0, kRulerHeight), QColor(80, 160, 255, 70));
  }
  // Playhead.
  const double px = ax.xOf(m_playhead);
  if (px >= kHeaderWidth && px <= width()) {
    p.setPen(QPen(kPlayheadColor, 1));
    p.drawLine(QPointF(std::round(px) + 0.5, 0), QPointF(std::round(px) + 0.5, height()));
    QPolygonF head;
    head << QPointF(px - 5, 0) << QPointF(px + 5, 0) << QPointF(px, 7);
    p.setBrush(kPlayheadColor);
    p.setPen(Qt::NoPen);
    p.drawPolygon(head);
  }
}

void TimelineWidget::paintRuler(QPainter &p, const TimeAxis &ax) {
  p.fillRect(QRect(0, 0, width(), kRulerHeight), kRulerBg);
  p.fillRect(QRect(0, kRulerHeight, kHeaderWidth, height() - kRulerHeight), kHeaderBg);
  const double ppn = ax.pixelsPerNs();
  // Frame ticks when frames are at least 6 px apart.
  if (m_framePeriod > 0 && ppn * m_framePeriod >= 6) {
    p.setPen(kTick);
    const Timestamp first = m_range.begin + ((m_visible.begin - m_range.begin) / m_framePeriod) * m_framePeriod;
    for (Timestamp t = first; t < m_visible.end; t += m_framePeriod) {
      const double x = ax.xOf(t);
      p.drawLine(QPointF(x, kRulerHeight - 4), QPointF(x, kRulerHeight));
    }
  }
  const Timestamp major = std::max<Timestamp>(1, niceTimeStep(ppn, 90));
  const Timestamp minor = std::max<Timestamp>(1, major / 5);
  p.setPen(kTick);
  const Timestamp rel0 = m_visible.begin - m_range.begin;
  for (Timestamp rel = (rel0 / minor) * minor; rel + m_range.begin < m_visible.end; rel += minor) {
    const double x = ax.xOf(rel + m_range.begin);
    if (x < kHeaderWidth)
      continue;
    p.drawLine(QPointF(x, kRulerHeight - 7), QPointF(x, kRulerHeight));
  }
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 0.85);
  p.setFont(f);
  for (Timestamp rel = (rel0 / major) * major; rel + m_range.begin < m_visible.end; rel += major) {
    const double x = ax.xOf(rel + m_range.begin);
    if (x < kHeaderWidth)
      continue;
    p.setPen(kTick);
    p.drawLine(QPointF(x, 2), QPointF(x, kRulerHeight));
    p.setPen(kText);
    QString label = formatClock(rel);
    if (major < kNsPerMs && m_framePeriod > 0)
      label = QStringLiteral("#%1").arg(rel / m_framePeriod);
    p.drawText(QPointF(x + 3, 12), label);
  }
  p.setPen(kText);
  p.drawText(QRect(6, 0, kHeaderWidth - 8, kRulerHeight), Qt::AlignVCenter | Qt::AlignLeft,
             formatClock(m_playhead - m_range.begin));
}

void TimelineWidget::paintLane(QPainter &p, const TimeAxis &ax, const TimelineLane &lane, const QRect &r) {
  p.setPen(QColor(0x3a, 0x3d, 0x43));
  p.drawLine(r.left(), r.bottom(), r.right(), r.bottom());
  p.setPen(kText);
  p.drawText(QRect(6, r.top(), kHeaderWidth - 10, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
             fontMetrics().elidedText(lane.name, Qt::ElideRight, kHeaderWidth - 10));
  const QRectF area(ax.left, r.top() + 3, ax.width, r.height() - 6);
  if (lane.kind == TimelineLane::Kind::Coverage) {
    // Gap colour under the whole recording range, coverage drawn on top.
    const double g0 = std::max(area.left(), ax.xOf(m_range.begin));
    const double g1 = std::min(area.right(), ax.xOf(m_range.end));
    if (g1 > g0)
      p.fillRect(QRectF(g0, area.top(), g1 - g0, area.height()), kGap);
  }
  p.save();
  p.setClipRect(area);
  for (const TimelineSpan &s : lane.spans) {
    if (s.range.end < m_visible.begin || s.range.begin > m_visible.end)
      continue;
    const double x0 = ax.xOf(s.range.begin);
    const double x1 = std::max(x0 + 1.0, ax.xOf(s.range.end));
    const QColor c = s.color.isValid() ? s.color : lane.color;
    const QRectF box(x0, area.top(), x1 - x0, area.height());
    if (lane.kind == TimelineLane::Kind::Flags) {
      p.fillRect(box, QColor(c.red(), c.green(), c.blue(), 150));
      p.fillRect(QRectF(x0, area.top(), 2, area.height()), c);
    } else {
      p.fillRect(box, c);
    }
    if (!s.label.isEmpty() && box.width() > 30) {
      p.setPen(Qt::black);
      p.drawText(box.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                 fontMetrics().elidedText(s.label, Qt::ElideRight, int(box.width()) - 5));
    }
  }
  p.restore();
}

void TimelineWidget::mousePressEvent(QMouseEvent *e) {
  if (e->position().x() < kHeaderWidth)
    return;
  m_dragX = int(e->position().x());
  m_dragVisible = m_visible;
  if (e->button() == Qt::LeftButton) {
    m_drag = Drag::Seek;
    emit seekRequested(std::clamp(axis().timeAt(e->position().x()), m_range.begin, m_range.end - 1));
  } else if (e->button() == Qt::MiddleButton || e->button() == Qt::RightButton) {
    m_drag = Drag::Pan;
  }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *e) {
  if (m_drag == Drag::Seek) {
    emit seekRequested(std::clamp(axis().timeAt(e->position().x()), m_range.begin, m_range.end - 1));
  } else if (m_drag == Drag::Pan) {
    const TimeAxis ax = axis();
    const Timestamp dt = static_cast<Timestamp>((m_dragX - e->position().x()) / ax.pixelsPerNs());
    setVisibleRange(panRange(m_dragVisible, dt, m_range));
  }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *) {
  m_drag = Drag::None;
}

void TimelineWidget::wheelEvent(QWheelEvent *e) {
  const int delta = e->angleDelta().y() != 0 ? e->angleDelta().y() : e->angleDelta().x();
  if (delta == 0)
    return;
  const TimeAxis ax = axis();
  if (e->modifiers() & Qt::ShiftModifier) {
    const Timestamp dt = static_cast<Timestamp>(-delta / 120.0 * m_visible.duration() * 0.1);
    setVisibleRange(panRange(m_visible, dt, m_range));
  } else {
    const double factor = std::pow(0.8, delta / 120.0);
    setVisibleRange(zoomRange(m_visible, factor, ax.timeAt(e->position().x()), minVisibleDuration(), m_range));
  }
  e->accept();
}

} // namespace tacit
