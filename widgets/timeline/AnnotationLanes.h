#pragma once
// What the timeline draws of an AnnotationDocument: one sorted item lane per track, the span flags,
// the whole-recording flags, and the label colours/names. Follows the document's signals
// incrementally (a drag changes one segment per mouse event); works with no document at all.
#include <QColor>
#include <QObject>
#include <QPointer>
#include <QString>
#include <unordered_map>
#include <vector>

#include "core/project/AnnotationDocument.h"
#include "widgets/timeline/TimelineItems.h"

namespace tacit {

class AnnotationLanes : public QObject {
  Q_OBJECT
public:
  struct TrackLane {
    project::Id id = 0;
    QString name;
    bool allowOverlap = false;
    TimelineItems items; // key = label id
  };
  struct LabelStyle {
    QColor colour;
    QString name; // leaf name, drawn in the segment
    QString path; // "Parent/Child"
  };

  explicit AnnotationLanes(QObject *parent = nullptr);

  // nullptr detaches. Labels are read from the document's project (setLabels() refreshes them later).
  void setDocument(project::AnnotationDocument *doc);
  project::AnnotationDocument *document() const { return m_doc; }
  void setLabels(const std::vector<project::Label> &labels);
  void reloadLabelsFromStore();

  const std::vector<TrackLane> &tracks() const { return m_tracks; }
  const TrackLane *track(project::Id id) const;
  const TimelineItems &flags() const { return m_flags; }         // key = severity
  int wholeRecordingSeverity() const { return m_wholeSeverity; } // max severity, 0 = none
  int wholeRecordingFlagCount() const { return m_wholeCount; }
  const LabelStyle *label(project::Id id) const;
  QColor segmentColour(project::Id labelId) const;
  static QColor unlabelledColour();
  static QColor severityColour(int severity);

signals:
  void changed();
  void tracksChanged(); // lanes appeared or disappeared (geometry changes)

private:
  void rebuild();
  void rebuildFlags();
  void onInserted(const project::Segment &s);
  void onChanged(const project::Segment &before, const project::Segment &after);
  void onRemoved(const project::Segment &s);
  TrackLane *trackLane(project::Id id);

  QPointer<project::AnnotationDocument> m_doc;
  std::vector<TrackLane> m_tracks;
  TimelineItems m_flags;
  int m_wholeSeverity = 0;
  int m_wholeCount = 0;
  std::unordered_map<project::Id, LabelStyle> m_labels;
};

} // namespace tacit
