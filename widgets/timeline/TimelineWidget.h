#pragma once
// Timeline: time ruler (zooms down to single frames), playhead, one lane per stream showing coverage
// and gaps, lanes for segments and flags (read-only for now). Click or drag on the ruler/lanes to seek;
// wheel zooms around the mouse, Shift+wheel or middle-drag pans. Plain QPainter.
#include <QWidget>
#include <vector>

#include "core/time/Timestamp.h"
#include "widgets/common/TimeFormat.h"
#include "widgets/timeline/TimelineLane.h"

namespace tacit {

class TimelineWidget : public QWidget {
  Q_OBJECT
public:
  explicit TimelineWidget(QWidget *parent = nullptr);

  // Whole recording (global time); also resets the view to fit.
  void setRange(TimeRange range);
  TimeRange range() const { return m_range; }
  void setLanes(std::vector<TimelineLane> lanes);
  const std::vector<TimelineLane> &lanes() const { return m_lanes; }
  // Frame period of the step stream: the ruler shows frame ticks once they are wide enough.
  void setFramePeriod(Timestamp period) { m_framePeriod = period; }
  void setLoop(TimeRange loop); // empty = none

  TimeRange visibleRange() const { return m_visible; }
  void setVisibleRange(TimeRange visible);
  Timestamp playhead() const { return m_playhead; }
  // Screen x of a time (widget coordinates).
  double xOf(Timestamp t) const { return axis().xOf(t); }
  static constexpr int kHeaderWidth = 110;
  static constexpr int kRulerHeight = 26;
  static constexpr int kLaneHeight = 18;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

public slots:
  void setPlayhead(qint64 timeNs);
  void zoomIn();
  void zoomOut();
  void fit();

signals:
  void seekRequested(qint64 timeNs);
  void visibleRangeChanged();

protected:
  void paintEvent(QPaintEvent *) override;
  void mousePressEvent(QMouseEvent *) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void mouseReleaseEvent(QMouseEvent *) override;
  void wheelEvent(QWheelEvent *) override;

private:
  TimeAxis axis() const;
  void paintRuler(QPainter &p, const TimeAxis &ax);
  void paintLane(QPainter &p, const TimeAxis &ax, const TimelineLane &lane, const QRect &rect);
  Timestamp minVisibleDuration() const;

  TimeRange m_range{0, kNsPerSecond};
  TimeRange m_visible{0, kNsPerSecond};
  TimeRange m_loop;
  Timestamp m_playhead = 0;
  Timestamp m_framePeriod = 0;
  std::vector<TimelineLane> m_lanes;
  enum class Drag { None, Seek, Pan } m_drag = Drag::None;
  int m_dragX = 0;
  TimeRange m_dragVisible;
};

} // namespace tacit
