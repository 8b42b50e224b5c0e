#include "widgets/timeline/AnnotationLanes.h"

#include <algorithm>

namespace tacit {

namespace {
TimelineItem itemOf(const project::Segment &s) {
  return {s.startNs, s.endNs, s.id, s.labelId};
}
} // namespace

AnnotationLanes::AnnotationLanes(QObject *parent) : QObject(parent) {}

void AnnotationLanes::setDocument(project::AnnotationDocument *doc) {
  if (m_doc == doc)
    return;
  if (m_doc)
    disconnect(m_doc, nullptr, this, nullptr);
  m_doc = doc;
  if (m_doc) {
    using D = project::AnnotationDocument;
    connect(m_doc, &D::reset, this, [this] {
      rebuild();
      emit tracksChanged();
      emit changed();
    });
    connect(m_doc, &D::segmentInserted, this, &AnnotationLanes::onInserted);
    connect(m_doc, &D::segmentChanged, this, &AnnotationLanes::onChanged);
    connect(m_doc, &D::segmentRemoved, this, &AnnotationLanes::onRemoved);
    auto flagsChanged = [this] {
      rebuildFlags();
      emit changed();
    };
    connect(m_doc, &D::flagInserted, this, flagsChanged);
    connect(m_doc, &D::flagChanged, this, flagsChanged);
    connect(m_doc, &D::flagRemoved, this, flagsChanged);
    connect(m_doc, &QObject::destroyed, this, [this] {
      m_tracks.clear();
      m_flags.clear();
      m_wholeSeverity = m_wholeCount = 0;
      emit tracksChanged();
      emit changed();
    });
    reloadLabelsFromStore();
  }
  rebuild();
  emit tracksChanged();
  emit changed();
}

void AnnotationLanes::reloadLabelsFromStore() {
  if (!m_doc)
    return;
  if (auto labels = m_doc->store().labels(); labels.ok())
    setLabels(*labels);
}

void AnnotationLanes::setLabels(const std::vector<project::Label> &labels) {
  m_labels.clear();
  for (const auto &l : labels) {
    LabelStyle st;
    st.colour = QColor(QString::fromStdString(l.colour));
    if (!st.colour.isValid())
      st.colour = unlabelledColour();
    st.name = QString::fromStdString(l.name);
    st.path = QString::fromStdString(project::labelPath(labels, l.id));
    m_labels[l.id] = st;
  }
  emit changed();
}

void AnnotationLanes::rebuild() {
  m_tracks.clear();
  if (m_doc) {
    for (const auto &t : m_doc->tracks())
      m_tracks.push_back({t.id, QString::fromStdString(t.name), t.allowOverlap, {}});
    std::unordered_map<project::Id, std::vector<TimelineItem>> perTrack;
    for (const auto &s : m_doc->segments())
      perTrack[s.trackId].push_back(itemOf(s));
    for (auto &lane : m_tracks)
      lane.items.assign(std::move(perTrack[lane.id]));
  }
  rebuildFlags();
}

void AnnotationLanes::rebuildFlags() {
  std::vector<TimelineItem> spans;
  m_wholeSeverity = m_wholeCount = 0;
  if (m_doc)
    for (const auto &f : m_doc->flags()) {
      if (f.wholeRecording) {
        ++m_wholeCount;
        m_wholeSeverity = std::max(m_wholeSeverity, f.severity);
      } else {
        spans.push_back({f.startNs, f.endNs, f.id, f.severity});
      }
    }
  m_flags.assign(std::move(spans));
}

AnnotationLanes::TrackLane *AnnotationLanes::trackLane(project::Id id) {
  for (auto &t : m_tracks)
    if (t.id == id)
      return &t;
  return nullptr;
}

const AnnotationLanes::TrackLane *AnnotationLanes::track(project::Id id) const {
  for (const auto &t : m_tracks)
    if (t.id == id)
      return &t;
  return nullptr;
}

void AnnotationLanes::onInserted(const project::Segment &s) {
  if (auto *t = trackLane(s.trackId))
    t->items.insert(itemOf(s));
  emit changed();
}

void AnnotationLanes::onChanged(const project::Segment &before, const project::Segment &after) {
  if (auto *t = trackLane(before.trackId))
    t->items.erase(itemOf(before));
  if (auto *t = trackLane(after.trackId))
    t->items.insert(itemOf(after));
  emit changed();
}

void AnnotationLanes::onRemoved(const project::Segment &s) {
  if (auto *t = trackLane(s.trackId))
    t->items.erase(itemOf(s));
  emit changed();
}

const AnnotationLanes::LabelStyle *AnnotationLanes::label(project::Id id) const {
  auto it = m_labels.find(id);
  return it == m_labels.end() ? nullptr : &it->second;
}

QColor AnnotationLanes::segmentColour(project::Id labelId) const {
  const LabelStyle *l = label(labelId);
  return l ? l->colour : unlabelledColour();
}

QColor AnnotationLanes::unlabelledColour() {
  return {0x8a, 0x90, 0x9a};
}

QColor AnnotationLanes::severityColour(int severity) {
  switch (severity) {
  case 1: return {0xe8, 0xc5, 0x47};  // minor: yellow
  case 2: return {0xf0, 0x8c, 0x32};  // orange
  case 3: return {0xe5, 0x3e, 0x35};  // red
  default: return {0xc0, 0x3a, 0xd6}; // unusable: magenta
  }
}

} // namespace tacit
