#pragma once
// Timeline: time ruler (zooms down to single frames), playhead, one lane per stream showing coverage
// and gaps, and, when an AnnotationDocument is attached, one lane per segment track plus a flag lane.
// Click or drag on the ruler/lanes to seek; wheel zooms around the mouse, Shift+wheel or middle-drag
// pans. On a track lane: click selects a segment, dragging its edges or body moves them (snapped to
// the document's frame grid; one drag = one undo step), right-click asks for a context menu, a click
// on a lane header makes that track active. Segments show their label's name and colour (a tooltip
// when too narrow), span flags their reason; a drag shows the edge's time and frame. Times read in
// recording time from setTimeOrigin(). Plain QPainter; annotation lanes cost O(visible items).
#include <QWidget>
#include <optional>
#include <vector>

#include "core/time/Timestamp.h"
#include "widgets/common/TimeFormat.h"
#include "widgets/timeline/AnnotationLanes.h"
#include "widgets/timeline/TimelineLane.h"

namespace tacit {

class TimelineWidget : public QWidget {
  Q_OBJECT
public:
  explicit TimelineWidget(QWidget *parent = nullptr);

  // Whole recording (global time); also resets the view to fit and the time origin to range.begin.
  void setRange(TimeRange range);
  // Device time shown as 0:00.000 (the recording's first video frame).
  void setTimeOrigin(Timestamp origin);
  Timestamp timeOrigin() const { return m_origin; }
  TimeRange range() const { return m_range; }
  void setLanes(std::vector<TimelineLane> lanes);
  const std::vector<TimelineLane> &lanes() const { return m_lanes; }
  // Lanes another controller owns (curation's integrity and suggestion lanes), drawn below the
  // stream lanes; replaced per group and kept across setLanes().
  void setExtraLanes(const QString &group, std::vector<TimelineLane> lanes);
  // Widget rectangle of a stream or extra lane by its id; empty when absent.
  QRect laneRect(const QString &laneId) const;
  // Frame period of the step stream: the ruler shows frame ticks once they are wide enough.
  void setFramePeriod(Timestamp period) { m_framePeriod = period; }
  void setLoop(TimeRange loop); // empty = none
  TimeRange loop() const { return m_loop; }

  // --- annotations ---
  // nullptr detaches (the placeholder "segments"/"flags" lanes of setLanes() show instead).
  void setAnnotationDocument(project::AnnotationDocument *doc);
  project::AnnotationDocument *annotationDocument() const { return m_annotations->document(); }
  AnnotationLanes &annotations() const { return *m_annotations; }
  project::Id selectedSegment() const { return m_selected; }
  void setSelectedSegment(project::Id id);
  project::Id activeTrack() const { return m_activeTrack; }
  void setActiveTrack(project::Id trackId);
  // In/out marks drawn on the ruler and over the track lanes.
  void setMarks(std::optional<Timestamp> in, std::optional<Timestamp> out);
  // Lane rectangles (widget coordinates, full width); empty when absent.
  QRect trackLaneRect(project::Id trackId) const;
  QRect flagLaneRect() const;
  // The segment under a widget position (track lanes only), 0 if none.
  project::Id segmentAt(QPoint pos) const;
  // What the last paint wrote inside segments and flag spans (item id, text as drawn, elided):
  // the accessible text of the lanes (also set as accessibleDescription).
  const std::vector<std::pair<project::Id, QString>> &drawnTexts() const { return m_drawn; }
  // Tooltip text at a widget position (segment label and times, flag reason); empty if none.
  QString toolTipAt(QPoint pos) const;
  // The drag readout while an edge or body is dragged ("0:01.233 (#37)"), empty otherwise.
  QString dragReadout() const;

  TimeRange visibleRange() const { return m_visible; }
  void setVisibleRange(TimeRange visible);
  Timestamp playhead() const { return m_playhead; }
  // Screen x of a time (widget coordinates) and back.
  double xOf(Timestamp t) const { return axis().xOf(t); }
  Timestamp timeAt(double x) const { return axis().timeAt(x); }
  static constexpr int kHeaderWidth = 110;
  static constexpr int kRulerHeight = 26;
  static constexpr int kLaneHeight = 18;
  static constexpr int kTrackLaneHeight = 24;
  static constexpr int kEdgeGrabPx = 5;

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
  void selectionChanged(qint64 segmentId); // 0 = none
  void activeTrackChanged(qint64 trackId);
  // Right-click on a segment (already selected); the controller shows the menu.
  void segmentContextMenuRequested(qint64 segmentId, QPoint globalPos);
  // Why an edit was refused (overlap, read-only project, ...): shown in the status bar.
  void statusMessage(const QString &message);

protected:
  void paintEvent(QPaintEvent *) override;
  void mousePressEvent(QMouseEvent *) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void mouseReleaseEvent(QMouseEvent *) override;
  void mouseDoubleClickEvent(QMouseEvent *) override;
  void wheelEvent(QWheelEvent *) override;
  void leaveEvent(QEvent *) override;
  bool event(QEvent *) override;

private:
  // One horizontal band of the timeline, top to bottom.
  struct Band {
    enum Kind { Stream, Track, Flags } kind = Stream;
    int index = 0;         // into m_lanes (Stream) or m_annotations->tracks() (Track)
    project::Id track = 0; // Track
    QRect rect;
  };
  enum class Grab { None, Start, End, Body };
  struct Hit {
    project::Id segment = 0;
    Grab grab = Grab::None;
  };

  TimeAxis axis() const;
  std::vector<Band> bands() const;
  static const Band *bandAt(int y, const std::vector<Band> &bands);
  Hit hitTest(project::Id trackId, double x) const;
  void paintRuler(QPainter &p, const TimeAxis &ax);
  void paintLane(QPainter &p, const TimeAxis &ax, const TimelineLane &lane, const QRect &rect);
  void paintTrackLane(QPainter &p, const TimeAxis &ax, const AnnotationLanes::TrackLane &lane, const QRect &rect);
  void paintFlagLane(QPainter &p, const TimeAxis &ax, const QRect &rect);
  void paintMarks(QPainter &p, const TimeAxis &ax);
  void paintHeader(QPainter &p, const QRect &rect, const QString &name, bool active);
  Timestamp minVisibleDuration() const;
  void reportStatus(const QString &message); // empty = fine again
  void dragTo(double x);
  void onAnnotationsChanged();
  void paintDragReadout(QPainter &p, const TimeAxis &ax);
  QString timeText(Timestamp t) const; // recording time (+ frame when the document has frames)

  TimeRange m_range{0, kNsPerSecond};
  TimeRange m_visible{0, kNsPerSecond};
  TimeRange m_loop;
  Timestamp m_origin = 0;
  std::vector<std::pair<project::Id, QString>> m_drawn;
  Timestamp m_playhead = 0;
  Timestamp m_framePeriod = 0;
  std::vector<TimelineLane> m_lanes;
  std::vector<std::pair<QString, std::vector<TimelineLane>>> m_extraLanes; // by group
  const TimelineLane &streamLane(int index) const;                         // m_lanes, then the extra lanes
  AnnotationLanes *m_annotations = nullptr;
  project::Id m_selected = 0;
  project::Id m_activeTrack = 0;
  std::optional<Timestamp> m_markIn, m_markOut;

  enum class Drag { None, Seek, Pan, Start, End, BodyPending, Body } m_drag = Drag::None;
  int m_dragX = 0;
  TimeRange m_dragVisible;
  project::Id m_dragSegment = 0;
  int m_dragId = 0;
  Timestamp m_grabOffset = 0; // press time - segment start (body drags)
  QString m_lastStatus;       // one message per refusal, not one per mouse event
};

} // namespace tacit
