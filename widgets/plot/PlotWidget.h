#pragma once
// One time-series plot (QPainter): min/max envelope from PlotSource::window, auto y-range over the
// visible window, a cursor line at the playhead. Wheel zooms time around the mouse, drag pans,
// a click without drag seeks, double-click fits. Several plots share one visible range via PlotsView.
#include <QWidget>
#include <memory>

#include "widgets/common/TimeFormat.h"
#include "widgets/plot/PlotSource.h"

namespace tacit {

class PlotWidget : public QWidget {
  Q_OBJECT
public:
  explicit PlotWidget(QWidget *parent = nullptr);

  void setSource(std::shared_ptr<PlotSource> source);
  PlotSource *source() const { return m_source.get(); }
  void setBounds(TimeRange bounds) { m_bounds = bounds; }
  void setVisibleRange(TimeRange visible);
  TimeRange visibleRange() const { return m_visible; }
  Timestamp playhead() const { return m_playhead; }
  // Widget x of the cursor line for the current playhead.
  int cursorX() const;
  TimeAxis axis() const;
  // Last paint: milliseconds spent (query + draw) and buckets drawn (bench/diagnostics).
  double lastPaintMs() const { return m_lastPaintMs; }
  static constexpr int kLeftMargin = 52;
  static QColor cursorColor() { return QColor(0xff, 0x3b, 0x30); }

  QSize sizeHint() const override { return {600, 120}; }
  QSize minimumSizeHint() const override { return {200, 60}; }

public slots:
  void setPlayhead(qint64 timeNs);

signals:
  void visibleRangeRequested(TimeRange visible); // zoom/pan by the user
  void seekRequested(qint64 timeNs);

protected:
  void paintEvent(QPaintEvent *) override;
  void mousePressEvent(QMouseEvent *) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void mouseReleaseEvent(QMouseEvent *) override;
  void mouseDoubleClickEvent(QMouseEvent *) override;
  void wheelEvent(QWheelEvent *) override;

private:
  std::shared_ptr<PlotSource> m_source;
  TimeRange m_bounds;
  TimeRange m_visible{0, kNsPerSecond};
  Timestamp m_playhead = 0;
  double m_lastPaintMs = 0;
  bool m_dragging = false;
  bool m_moved = false;
  QPointF m_pressPos;
  TimeRange m_pressVisible;
};

} // namespace tacit
