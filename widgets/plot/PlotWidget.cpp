#include "widgets/plot/PlotWidget.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace tacit {

namespace {
const QColor kBackground(0x1e, 0x20, 0x24);
const QColor kGrid(0x33, 0x36, 0x3c);
const QColor kText(0xb8, 0xbd, 0xc4);
constexpr int kTopMargin = 16;
constexpr int kBottomMargin = 4;
} // namespace

PlotWidget::PlotWidget(QWidget *parent) : QWidget(parent) {
  setAttribute(Qt::WA_OpaquePaintEvent);
  setFocusPolicy(Qt::NoFocus);
}

void PlotWidget::setSource(std::shared_ptr<PlotSource> source) {
  m_source = std::move(source);
  update();
}

void PlotWidget::setVisibleRange(TimeRange visible) {
  if (visible.empty() || visible == m_visible)
    return;
  m_visible = visible;
  update();
}

void PlotWidget::setPlayhead(qint64 t) {
  if (t == m_playhead)
    return;
  const int oldX = cursorX();
  m_playhead = t;
  const int newX = cursorX();
  if (oldX != newX)
    update();
}

TimeAxis PlotWidget::axis() const {
  TimeAxis ax;
  ax.visible = m_visible;
  ax.left = kLeftMargin;
  ax.width = std::max(1, width() - kLeftMargin - 2);
  return ax;
}

int PlotWidget::cursorX() const {
  return static_cast<int>(std::floor(axis().xOf(m_playhead)));
}

void PlotWidget::paintEvent(QPaintEvent *) {
  QElapsedTimer timer;
  timer.start();
  QPainter p(this);
  p.fillRect(rect(), kBackground);
  const TimeAxis ax = axis();
  const QRectF plot(ax.left, kTopMargin, ax.width, std::max(1, height() - kTopMargin - kBottomMargin));
  p.setPen(kGrid);
  p.drawRect(plot.adjusted(0, 0, -1, -1));

  if (m_source) {
    const series::SeriesWindow w = m_source->window(m_visible, static_cast<std::size_t>(ax.width));
    const QStringList names = m_source->channelNames();
    const std::vector<QColor> colors = m_source->channelColors();
    // Auto y-range over what is visible.
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    for (std::size_t r = 0; r < w.min.size(); ++r)
      for (std::size_t b = 0; b < w.bucketCount(); ++b) {
        if (!std::isnan(w.min[r][b]))
          lo = std::min(lo, w.min[r][b]);
        if (!std::isnan(w.max[r][b]))
          hi = std::max(hi, w.max[r][b]);
      }
    if (!(lo <= hi)) {
      lo = 0;
      hi = 1;
    }
    if (hi - lo < 1e-6f) {
      lo -= 0.5f;
      hi += 0.5f;
    }
    const float pad = (hi - lo) * 0.05f;
    lo -= pad;
    hi += pad;
    auto yOf = [&](float v) { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); };
    // Horizontal grid + labels.
    p.setPen(kText);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    p.setFont(f);
    for (int i = 0; i <= 2; ++i) {
      const float v = lo + (hi - lo) * i / 2.0f;
      const double y = yOf(v);
      p.setPen(kGrid);
      p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
      p.setPen(kText);
      p.drawText(QRectF(0, y - 8, kLeftMargin - 4, 16), Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'g', 3));
    }
    p.setClipRect(plot);
    std::vector<QLineF> lines;
    lines.reserve(w.bucketCount() * 2);
    for (std::size_t r = 0; r < w.min.size(); ++r) {
      lines.clear();
      QPointF prev;
      bool havePrev = false;
      for (std::size_t b = 0; b < w.bucketCount(); ++b) {
        const float mn = w.min[r][b], mx = w.max[r][b];
        if (std::isnan(mn) || std::isnan(mx)) {
          havePrev = false;
          continue;
        }
        const double x = ax.xOf(w.begin[b] + (w.end[b] - w.begin[b]) / 2);
        const double y0 = yOf(mn), y1 = yOf(mx);
        if (!w.raw() && y0 - y1 >= 1.0)
          lines.emplace_back(x, y0, x, y1);
        const QPointF mid(x, (y0 + y1) / 2);
        if (havePrev)
          lines.emplace_back(prev, mid);
        prev = mid;
        havePrev = true;
      }
      p.setPen(QPen(r < colors.size() ? colors[r] : Qt::white, 1));
      p.drawLines(lines.data(), static_cast<int>(lines.size()));
    }
    p.setClipping(false);
    // Title and legend.
    double x = plot.left() + 4;
    p.setPen(kText);
    const QString title = m_source->unit().isEmpty()
                              ? m_source->title()
                              : QStringLiteral("%1 [%2]").arg(m_source->title(), m_source->unit());
    p.drawText(QPointF(x, 12), title);
    x += p.fontMetrics().horizontalAdvance(title) + 12;
    for (int i = 0; i < names.size(); ++i) {
      p.setPen(i < int(colors.size()) ? colors[i] : Qt::white);
      p.drawText(QPointF(x, 12), names[i]);
      x += p.fontMetrics().horizontalAdvance(names[i]) + 8;
    }
  }
  // Cursor at the playhead.
  const int cx = cursorX();
  if (cx >= plot.left() && cx < plot.right()) {
    p.setPen(QPen(cursorColor(), 1));
    p.drawLine(QPointF(cx + 0.5, 0), QPointF(cx + 0.5, height()));
  }
  m_lastPaintMs = timer.nsecsElapsed() / 1e6;
}

void PlotWidget::mousePressEvent(QMouseEvent *e) {
  if (e->button() != Qt::LeftButton)
    return;
  m_dragging = true;
  m_moved = false;
  m_pressPos = e->position();
  m_pressVisible = m_visible;
}

void PlotWidget::mouseMoveEvent(QMouseEvent *e) {
  if (!m_dragging)
    return;
  const double dx = e->position().x() - m_pressPos.x();
  if (std::abs(dx) > 3)
    m_moved = true;
  if (!m_moved)
    return;
  const Timestamp dt = static_cast<Timestamp>(-dx / axis().pixelsPerNs());
  emit visibleRangeRequested(panRange(m_pressVisible, dt, m_bounds));
}

void PlotWidget::mouseReleaseEvent(QMouseEvent *e) {
  if (m_dragging && !m_moved && e->position().x() >= kLeftMargin)
    emit seekRequested(axis().timeAt(e->position().x()));
  m_dragging = false;
}

void PlotWidget::mouseDoubleClickEvent(QMouseEvent *) {
  if (!m_bounds.empty())
    emit visibleRangeRequested(m_bounds);
}

void PlotWidget::wheelEvent(QWheelEvent *e) {
  const int delta = e->angleDelta().y();
  if (delta == 0)
    return;
  const double factor = std::pow(0.8, delta / 120.0);
  emit visibleRangeRequested(zoomRange(m_visible, factor, axis().timeAt(e->position().x()), kNsPerMs * 5, m_bounds));
  e->accept();
}

} // namespace tacit
