#include "widgets/timeline/TimelineWidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "widgets/timeline/ItemLanePainter.h"

namespace tacit {

namespace {
const QColor kBackground(0x23, 0x25, 0x29);
const QColor kRulerBg(0x2d, 0x30, 0x35);
const QColor kHeaderBg(0x2a, 0x2c, 0x31);
const QColor kText(0xd0, 0xd4, 0xda);
const QColor kTick(0x80, 0x86, 0x8e);
const QColor kGap(0x3a, 0x2a, 0x2a);
const QColor kPlayheadColor(0xff, 0x3b, 0x30);
const QColor kActiveHeaderBg(0x34, 0x3c, 0x4a);
const QColor kAccent(0x4f, 0x9c, 0xff);
const QColor kMarkColor(0x4f, 0x9c, 0xff);
constexpr int kDragThresholdPx = 3;

bool isAnnotationPlaceholder(const TimelineLane &lane) {
  return lane.kind != TimelineLane::Kind::Coverage && lane.spans.empty();
}
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent), m_annotations(new AnnotationLanes(this)) {
  setMouseTracking(true); // edge cursors over segments
  setFocusPolicy(Qt::NoFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  connect(m_annotations, &AnnotationLanes::changed, this, &TimelineWidget::onAnnotationsChanged);
  connect(m_annotations, &AnnotationLanes::tracksChanged, this, [this] {
    updateGeometry();
    const auto &tracks = m_annotations->tracks();
    const bool known = std::any_of(tracks.begin(), tracks.end(), [this](auto &t) { return t.id == m_activeTrack; });
    if (!known)
      setActiveTrack(tracks.empty() ? 0 : tracks.front().id);
  });
}

QSize TimelineWidget::sizeHint() const {
  const std::vector<Band> b = bands();
  int bottom = kRulerHeight + 4 * kLaneHeight;
  for (const Band &band : b)
    bottom = std::max(bottom, band.rect.bottom() + 1);
  return {800, bottom + 6};
}
QSize TimelineWidget::minimumSizeHint() const {
  return {300, kRulerHeight + 2 * kLaneHeight};
}

void TimelineWidget::setRange(TimeRange range) {
  if (range.empty())
    range = {range.begin, range.begin + kNsPerSecond};
  m_range = range;
  m_visible = range;
  m_origin = range.begin;
  emit visibleRangeChanged();
  update();
}

void TimelineWidget::setTimeOrigin(Timestamp origin) {
  m_origin = origin;
  update();
}

QString TimelineWidget::timeText(Timestamp t) const {
  const project::AnnotationDocument *doc = m_annotations->document();
  if (doc && doc->timeBase().hasFrames())
    return QString::fromStdString(doc->timeBase().timeAndFrame(t));
  return formatClock(t - m_origin);
}

QString TimelineWidget::toolTipAt(QPoint pos) const {
  const project::AnnotationDocument *doc = m_annotations->document();
  if (!doc || pos.x() < kHeaderWidth)
    return {};
  auto spanText = [doc, this](TimeRange r) {
    return doc->timeBase().hasFrames()
               ? QString::fromStdString(doc->timeBase().span(r))
               : QStringLiteral("%1–%2").arg(formatClock(r.begin - m_origin), formatClock(r.end - m_origin));
  };
  if (const project::Id id = segmentAt(pos))
    if (const project::Segment *s = doc->segment(id)) {
      const AnnotationLanes::LabelStyle *l = m_annotations->label(s->labelId);
      QString text = l ? l->path : tr("(no label)");
      text += QStringLiteral("\n") + spanText(s->range());
      if (!s->note.empty())
        text += QStringLiteral("\n") + QString::fromStdString(s->note);
      return text;
    }
  if (flagLaneRect().contains(pos)) {
    const Timestamp t = timeAt(pos.x());
    QStringList lines;
    for (const auto &f : doc->flags())
      if (!f.wholeRecording && f.startNs <= t && t < f.endNs)
        lines << tr("%1 (severity %2) %3%4")
                     .arg(QString::fromUtf8(project::flagReasonDisplayName(f.reason)))
                     .arg(f.severity)
                     .arg(spanText({f.startNs, f.endNs}))
                     .arg(f.note.empty() ? QString() : QStringLiteral(": ") + QString::fromStdString(f.note));
    return lines.join(QLatin1Char('\n'));
  }
  return {};
}

bool TimelineWidget::event(QEvent *e) {
  if (e->type() == QEvent::ToolTip) {
    auto *help = static_cast<QHelpEvent *>(e);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(e);
}

QString TimelineWidget::dragReadout() const {
  const project::AnnotationDocument *doc = m_annotations->document();
  const project::Segment *s = doc && m_dragSegment ? doc->segment(m_dragSegment) : nullptr;
  if (!s || (m_drag != Drag::Start && m_drag != Drag::End && m_drag != Drag::Body))
    return {};
  if (m_drag == Drag::End)
    return tr("end %1").arg(timeText(s->endNs));
  if (m_drag == Drag::Start)
    return tr("start %1").arg(timeText(s->startNs));
  return tr("%1, length %2").arg(timeText(s->startNs), formatClock(s->endNs - s->startNs));
}

void TimelineWidget::paintDragReadout(QPainter &p, const TimeAxis &ax) {
  const QString text = dragReadout();
  if (text.isEmpty())
    return;
  const project::Segment *s = m_annotations->document()->segment(m_dragSegment);
  const double x = ax.xOf(m_drag == Drag::End ? s->endNs : s->startNs);
  const QRect lane = trackLaneRect(s->trackId);
  const QFontMetrics fm = fontMetrics();
  QRect box(0, 0, fm.horizontalAdvance(text) + 10, fm.height() + 4);
  box.moveBottomLeft(QPoint(int(x) + 6, lane.top() - 1 > kRulerHeight ? lane.top() - 1 : lane.bottom() + box.height()));
  if (box.right() > width())
    box.moveRight(int(x) - 6);
  box.moveLeft(std::max(box.left(), kHeaderWidth));
  p.fillRect(box, QColor(0x10, 0x12, 0x16, 230));
  p.setPen(kAccent);
  p.drawRect(box.adjusted(0, 0, -1, -1));
  p.setPen(kText);
  p.drawText(box, Qt::AlignCenter, text);
}

void TimelineWidget::setLanes(std::vector<TimelineLane> lanes) {
  m_lanes = std::move(lanes);
  updateGeometry();
  update();
}

void TimelineWidget::setExtraLanes(const QString &group, std::vector<TimelineLane> lanes) {
  auto it = std::find_if(m_extraLanes.begin(), m_extraLanes.end(), [&](const auto &g) { return g.first == group; });
  if (it == m_extraLanes.end())
    m_extraLanes.push_back({group, std::move(lanes)});
  else
    it->second = std::move(lanes);
  updateGeometry();
  update();
}

const TimelineLane &TimelineWidget::streamLane(int index) const {
  auto i = static_cast<std::size_t>(index);
  if (i < m_lanes.size())
    return m_lanes[i];
  i -= m_lanes.size();
  for (const auto &g : m_extraLanes) {
    if (i < g.second.size())
      return g.second[i];
    i -= g.second.size();
  }
  return m_lanes.front(); // not reached: bands() only makes valid indices
}

QRect TimelineWidget::laneRect(const QString &laneId) const {
  for (const Band &b : bands())
    if (b.kind == Band::Stream && streamLane(b.index).id == laneId)
      return b.rect;
  return {};
}

void TimelineWidget::setLoop(TimeRange loop) {
  m_loop = loop;
  update();
}

void TimelineWidget::setAnnotationDocument(project::AnnotationDocument *doc) {
  m_drag = Drag::None;
  m_selected = 0;
  m_annotations->setDocument(doc);
  emit selectionChanged(0);
}

void TimelineWidget::setSelectedSegment(project::Id id) {
  const project::AnnotationDocument *doc = m_annotations->document();
  if (id != 0 && (!doc || !doc->segment(id)))
    id = 0;
  if (id == m_selected)
    return;
  m_selected = id;
  update();
  emit selectionChanged(id);
}

void TimelineWidget::setActiveTrack(project::Id trackId) {
  if (trackId == m_activeTrack)
    return;
  m_activeTrack = trackId;
  update();
  emit activeTrackChanged(trackId);
}

void TimelineWidget::setMarks(std::optional<Timestamp> in, std::optional<Timestamp> out) {
  m_markIn = in;
  m_markOut = out;
  update();
}

void TimelineWidget::onAnnotationsChanged() {
  // The selected segment may have been deleted (or undone away).
  const project::AnnotationDocument *doc = m_annotations->document();
  if (m_selected && (!doc || !doc->segment(m_selected))) {
    m_selected = 0;
    emit selectionChanged(0);
  }
  update();
}

std::vector<TimelineWidget::Band> TimelineWidget::bands() const {
  std::vector<Band> out;
  const bool annotated = m_annotations->document() != nullptr;
  int y = kRulerHeight;
  // Annotation lanes first, under the ruler: they are what one edits, and stay visible in a short dock.
  if (annotated) {
    const auto &tracks = m_annotations->tracks();
    for (std::size_t i = 0; i < tracks.size(); ++i) {
      out.push_back({Band::Track, static_cast<int>(i), tracks[i].id, QRect(0, y, width(), kTrackLaneHeight)});
      y += kTrackLaneHeight;
    }
    out.push_back({Band::Flags, 0, 0, QRect(0, y, width(), kLaneHeight)});
    y += kLaneHeight;
  }
  for (std::size_t i = 0; i < m_lanes.size(); ++i) {
    if (annotated && isAnnotationPlaceholder(m_lanes[i]))
      continue; // the document's own lanes replace them
    out.push_back({Band::Stream, static_cast<int>(i), 0, QRect(0, y, width(), kLaneHeight)});
    y += kLaneHeight;
  }
  int index = static_cast<int>(m_lanes.size());
  for (const auto &g : m_extraLanes)
    for (std::size_t i = 0; i < g.second.size(); ++i, ++index) {
      out.push_back({Band::Stream, index, 0, QRect(0, y, width(), kLaneHeight)});
      y += kLaneHeight;
    }
  return out;
}

const TimelineWidget::Band *TimelineWidget::bandAt(int y, const std::vector<Band> &bands) {
  for (const Band &b : bands)
    if (y >= b.rect.top() && y <= b.rect.bottom())
      return &b;
  return nullptr;
}

QRect TimelineWidget::trackLaneRect(project::Id trackId) const {
  for (const Band &b : bands())
    if (b.kind == Band::Track && b.track == trackId)
      return b.rect;
  return {};
}

QRect TimelineWidget::flagLaneRect() const {
  for (const Band &b : bands())
    if (b.kind == Band::Flags)
      return b.rect;
  return {};
}

project::Id TimelineWidget::segmentAt(QPoint pos) const {
  if (pos.x() < kHeaderWidth)
    return 0;
  const std::vector<Band> b = bands();
  const Band *band = bandAt(pos.y(), b);
  if (!band || band->kind != Band::Track)
    return 0;
  return hitTest(band->track, pos.x()).segment;
}

TimelineWidget::Hit TimelineWidget::hitTest(project::Id trackId, double x) const {
  const AnnotationLanes::TrackLane *lane = m_annotations->track(trackId);
  if (!lane || lane->items.empty())
    return {};
  const TimeAxis ax = axis();
  const TimelineItems &items = lane->items;
  const std::ptrdiff_t at = items.indexAt(ax.timeAt(x));
  if (at >= 0) {
    const TimelineItem &it = items[static_cast<std::size_t>(at)];
    const double x0 = ax.xOf(it.start), x1 = ax.xOf(it.end);
    // Edges only when the segment is wide enough to leave a body to grab.
    if (x1 - x0 >= 3 * kEdgeGrabPx) {
      if (x - x0 <= kEdgeGrabPx)
        return {it.id, Grab::Start};
      if (x1 - x <= kEdgeGrabPx)
        return {it.id, Grab::End};
    }
    return {it.id, Grab::Body};
  }
  // In a gap: an edge just outside a segment still grabs it.
  const std::size_t next = items.firstStartingAtOrAfter(ax.timeAt(x));
  if (next < items.size() && ax.xOf(items[next].start) - x <= kEdgeGrabPx)
    return {items[next].id, Grab::Start};
  if (next > 0) {
    const TimelineItem &prev = items[next - 1];
    if (x - ax.xOf(prev.end) <= kEdgeGrabPx && x >= ax.xOf(prev.end))
      return {prev.id, Grab::End};
  }
  return {};
}

void TimelineWidget::reportStatus(const QString &message) {
  if (!message.isEmpty() && message != m_lastStatus)
    emit statusMessage(message);
  m_lastStatus = message;
}

void TimelineWidget::dragTo(double x) {
  project::AnnotationDocument *doc = m_annotations->document();
  const project::Segment *s = doc ? doc->segment(m_dragSegment) : nullptr;
  if (!s)
    return;
  const project::FrameGrid &grid = doc->frameGrid();
  const project::Track *track = doc->track(s->trackId);
  const Timestamp t = axis().timeAt(x);
  Status st = okStatus();
  Timestamp want = 0, got = 0;
  bool crossed = false; // an edge was pulled past the other one
  if (m_drag == Drag::Body) {
    want = grid.snap(t - m_grabOffset);
    st = doc->moveSegment(m_dragSegment, t - m_grabOffset, m_dragId);
  } else {
    const bool start = m_drag == Drag::Start;
    want = grid.snap(t);
    crossed = start ? want >= s->endNs : want <= s->startNs;
    st = doc->moveSegmentEdge(m_dragSegment, start ? project::SegmentEdge::Start : project::SegmentEdge::End, t,
                              m_dragId);
  }
  if (!st.ok()) {
    reportStatus(QString::fromStdString(st.error()));
    return;
  }
  s = doc->segment(m_dragSegment);
  got = !s ? want : m_drag == Drag::End ? s->endNs : s->startNs;
  if (got == want)
    reportStatus({});
  else if (crossed)
    reportStatus(tr("A segment keeps at least one frame"));
  else if (track && !track->allowOverlap)
    reportStatus(tr("Stopped at the neighbouring segment: track \"%1\" does not allow overlaps")
                     .arg(QString::fromStdString(track->name)));
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
  m_drawn.clear();
  paintRuler(p, ax);
  const auto &tracks = m_annotations->tracks();
  for (const Band &b : bands()) {
    if (b.rect.top() > height())
      continue;
    if (b.kind == Band::Stream)
      paintLane(p, ax, streamLane(b.index), b.rect);
    else if (b.kind == Band::Track)
      paintTrackLane(p, ax, tracks[static_cast<std::size_t>(b.index)], b.rect);
    else
      paintFlagLane(p, ax, b.rect);
  }
  paintMarks(p, ax);
  paintDragReadout(p, ax);
  QStringList texts;
  for (const auto &[id, text] : m_drawn)
    texts << text;
  if (const QString description = texts.join(QStringLiteral("; ")); description != accessibleDescription())
    setAccessibleDescription(description);
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
  const Timestamp rel0 = m_visible.begin - m_origin;
  auto firstTick = [rel0](Timestamp step) { // floor division: ticks before the origin are negative
    return (rel0 >= 0 ? rel0 / step : -((-rel0 + step - 1) / step)) * step;
  };
  for (Timestamp rel = firstTick(minor); rel + m_origin < m_visible.end; rel += minor) {
    const double x = ax.xOf(rel + m_origin);
    if (x < kHeaderWidth)
      continue;
    p.drawLine(QPointF(x, kRulerHeight - 7), QPointF(x, kRulerHeight));
  }
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 0.85);
  p.setFont(f);
  for (Timestamp rel = firstTick(major); rel + m_origin < m_visible.end; rel += major) {
    const double x = ax.xOf(rel + m_origin);
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
             formatClock(m_playhead - m_origin));
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

void TimelineWidget::paintHeader(QPainter &p, const QRect &r, const QString &name, bool active) {
  const QRect header(0, r.top(), kHeaderWidth, r.height());
  p.fillRect(header, active ? kActiveHeaderBg : kHeaderBg);
  if (active)
    p.fillRect(QRect(0, r.top(), 3, r.height()), kAccent);
  p.setPen(QColor(0x3a, 0x3d, 0x43));
  p.drawLine(r.left(), r.bottom(), r.right(), r.bottom());
  p.setPen(kText);
  p.drawText(QRect(8, r.top(), kHeaderWidth - 12, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
             fontMetrics().elidedText(name, Qt::ElideRight, kHeaderWidth - 12));
}

void TimelineWidget::paintTrackLane(QPainter &p, const TimeAxis &ax, const AnnotationLanes::TrackLane &lane,
                                    const QRect &r) {
  paintHeader(p, r, lane.name, lane.id == m_activeTrack);
  const QRectF area(ax.left, r.top() + 2, ax.width, r.height() - 4);
  p.save();
  p.setClipRect(area);
  ItemLaneStyle style;
  const AnnotationLanes *ann = m_annotations;
  style.colour = [ann](std::int64_t label) { return ann->segmentColour(label); };
  style.text = [ann](std::int64_t label) {
    const AnnotationLanes::LabelStyle *l = ann->label(label);
    return l ? l->name : QString();
  };
  style.overlapping = lane.allowOverlap;
  style.selectedId = m_selected;
  style.drawnText = [this](std::int64_t id, const QString &text) { m_drawn.emplace_back(id, text); };
  paintItemLane(p, ax, lane.items, area, style);
  p.restore();
}

void TimelineWidget::paintFlagLane(QPainter &p, const TimeAxis &ax, const QRect &r) {
  const int whole = m_annotations->wholeRecordingFlagCount();
  paintHeader(p, r, whole > 0 ? tr("Flags (%1 whole)").arg(whole) : tr("Flags"), false);
  const QRectF area(ax.left, r.top() + 2, ax.width, r.height() - 4);
  p.save();
  p.setClipRect(area);
  if (whole > 0) {
    // Whole-recording flags: a thin band across the recording in the worst severity's colour.
    const double x0 = std::max(area.left(), ax.xOf(m_range.begin)), x1 = std::min(area.right(), ax.xOf(m_range.end));
    p.fillRect(QRectF(x0, area.top(), x1 - x0, 3),
               AnnotationLanes::severityColour(m_annotations->wholeRecordingSeverity()));
  }
  ItemLaneStyle style;
  style.colour = [](std::int64_t severity) { return AnnotationLanes::severityColour(static_cast<int>(severity)); };
  style.translucent = true;
  style.overlapping = true;
  const project::AnnotationDocument *doc = m_annotations->document();
  style.idText = [doc](std::int64_t id, std::int64_t) {
    const project::QualityFlag *f = doc ? doc->flag(id) : nullptr;
    return f ? QString::fromUtf8(project::flagReasonDisplayName(f->reason)) : QString();
  };
  style.drawnText = [this](std::int64_t id, const QString &text) { m_drawn.emplace_back(id, text); };
  paintItemLane(p, ax, m_annotations->flags(), area.adjusted(0, 3, 0, 0), style);
  p.restore();
}

void TimelineWidget::paintMarks(QPainter &p, const TimeAxis &ax) {
  if (!m_markIn && !m_markOut)
    return;
  const int bottom = height();
  auto line = [&](Timestamp t, bool in) {
    const double x = std::round(ax.xOf(t)) + 0.5;
    if (x < kHeaderWidth || x > width())
      return;
    p.setPen(QPen(kMarkColor, 1, Qt::DashLine));
    p.drawLine(QPointF(x, kRulerHeight), QPointF(x, bottom));
    // A bracket on the ruler: "[" for in, "]" for out.
    p.setPen(QPen(kMarkColor, 2));
    const double d = in ? 5 : -5;
    p.drawLine(QPointF(x, 2), QPointF(x, kRulerHeight - 2));
    p.drawLine(QPointF(x, 2), QPointF(x + d, 2));
    p.drawLine(QPointF(x, kRulerHeight - 2), QPointF(x + d, kRulerHeight - 2));
  };
  if (m_markIn && m_markOut && *m_markOut > *m_markIn) {
    const double x0 = std::max<double>(kHeaderWidth, ax.xOf(*m_markIn));
    const double x1 = std::min<double>(width(), ax.xOf(*m_markOut));
    if (x1 > x0)
      p.fillRect(QRectF(x0, 0, x1 - x0, kRulerHeight), QColor(79, 156, 255, 60));
  }
  if (m_markIn)
    line(*m_markIn, true);
  if (m_markOut)
    line(*m_markOut, false);
}

void TimelineWidget::mousePressEvent(QMouseEvent *e) {
  const QPoint pos = e->position().toPoint();
  const std::vector<Band> b = bands();
  const Band *band = bandAt(pos.y(), b);
  if (pos.x() < kHeaderWidth) {
    if (band && band->kind == Band::Track && e->button() == Qt::LeftButton)
      setActiveTrack(band->track);
    return;
  }
  m_dragX = pos.x();
  m_dragVisible = m_visible;
  project::AnnotationDocument *doc = m_annotations->document();
  const bool onTrack = doc && band && band->kind == Band::Track;
  const Hit hit = onTrack ? hitTest(band->track, pos.x()) : Hit{};
  if (e->button() == Qt::LeftButton) {
    if (onTrack)
      setActiveTrack(band->track);
    if (hit.segment) {
      setSelectedSegment(hit.segment);
      const project::Segment *s = doc->segment(hit.segment);
      m_dragSegment = hit.segment;
      m_dragId = doc->beginDrag();
      m_grabOffset = s ? axis().timeAt(pos.x()) - s->startNs : 0;
      m_drag = hit.grab == Grab::Start ? Drag::Start : hit.grab == Grab::End ? Drag::End : Drag::BodyPending;
      m_lastStatus.clear();
      return;
    }
    if (onTrack)
      setSelectedSegment(0);
    m_drag = Drag::Seek;
    emit seekRequested(std::clamp(axis().timeAt(e->position().x()), m_range.begin, m_range.end - 1));
  } else if (e->button() == Qt::RightButton && hit.segment) {
    setActiveTrack(band->track);
    setSelectedSegment(hit.segment);
    emit segmentContextMenuRequested(hit.segment, e->globalPosition().toPoint());
  } else if (e->button() == Qt::MiddleButton || e->button() == Qt::RightButton) {
    m_drag = Drag::Pan;
  }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *e) {
  const double x = e->position().x();
  project::AnnotationDocument *doc = m_annotations->document();
  if (m_drag == Drag::Seek) {
    emit seekRequested(std::clamp(axis().timeAt(x), m_range.begin, m_range.end - 1));
  } else if (m_drag == Drag::Pan) {
    const TimeAxis ax = axis();
    const Timestamp dt = static_cast<Timestamp>((m_dragX - x) / ax.pixelsPerNs());
    setVisibleRange(panRange(m_dragVisible, dt, m_range));
  } else if ((m_drag == Drag::Start || m_drag == Drag::End) && doc) {
    dragTo(x); // the document snaps to the frame grid and clamps against the neighbours
  } else if (m_drag == Drag::BodyPending && std::abs(x - m_dragX) >= kDragThresholdPx) {
    m_drag = Drag::Body;
  }
  if (m_drag == Drag::Body && doc)
    dragTo(x);
  if (m_drag == Drag::None) {
    // Hover: show what a press would grab.
    const std::vector<Band> b = bands();
    const Band *band = bandAt(e->position().toPoint().y(), b);
    Grab g = Grab::None;
    if (doc && band && band->kind == Band::Track && x >= kHeaderWidth)
      g = hitTest(band->track, x).grab;
    if (g == Grab::Start || g == Grab::End)
      setCursor(Qt::SizeHorCursor);
    else
      unsetCursor();
  }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *) {
  const bool readout = !dragReadout().isEmpty();
  m_drag = Drag::None;
  m_dragSegment = 0;
  m_dragId = 0;
  if (readout)
    update(); // the readout goes away
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *e) {
  // Double-click on a segment seeks to its start.
  const project::Id id = segmentAt(e->position().toPoint());
  const project::AnnotationDocument *doc = m_annotations->document();
  if (id && doc)
    if (const project::Segment *s = doc->segment(id)) {
      emit seekRequested(s->startNs);
      return;
    }
  mousePressEvent(e);
}

void TimelineWidget::leaveEvent(QEvent *) {
  if (m_drag == Drag::None)
    unsetCursor();
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
