#pragma once
// AnnotationDocument: the editable annotations (segments, quality flags, review status) of one
// recording. Edit verbs validate, then push a QUndoCommand on the injected QUndoStack; the command
// commits to the ProjectStore (one transaction) before memory changes and signals fire, so memory
// never shows state that is not on disk. Models observe the signals. GUI thread only.
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

#include "core/project/FrameGrid.h"
#include "core/project/ProjectStore.h"
#include "core/time/RecordingTime.h"

class QUndoStack;

namespace tacit::project {

enum class SegmentEdge { Start, End };

class AnnotationDocument : public QObject {
  Q_OBJECT
public:
  AnnotationDocument(ProjectStore &store, QUndoStack *undoStack, QObject *parent = nullptr);

  Status load(Id recordingId);
  Id recordingId() const { return m_recordingId; }
  ProjectStore &store() { return m_store; }
  QUndoStack *undoStack() const { return m_undo; }
  // The video's frames: edges snap to them. Also sets the time base (origin = first frame).
  void setFrameGrid(FrameGrid grid);
  const FrameGrid &frameGrid() const { return m_grid; }
  // How this recording's times are shown (recording time + frame number, core/time/RecordingTime.h).
  // Sets the frame grid from its frame times too. Emits timeBaseChanged.
  void setTimeBase(RecordingTimeBase base);
  const RecordingTimeBase &timeBase() const { return m_timeBase; }

  const std::vector<Track> &tracks() const { return m_tracks; }
  const Track *track(Id id) const;
  const std::vector<Segment> &segments() const { return m_segments; } // unordered
  const Segment *segment(Id id) const;
  std::vector<Segment> segmentsOnTrack(Id trackId) const; // sorted by start
  const std::vector<QualityFlag> &flags() const { return m_flags; }
  const QualityFlag *flag(Id id) const;
  ReviewStatus reviewStatus() const;
  const std::vector<ReviewEvent> &reviewHistory() const { return m_reviews; }

  // --- user edits (each is one undoable command and one committed transaction) ---
  Result<Id> createSegment(Id trackId, Timestamp start, Timestamp end, Id labelId = 0, const std::string &note = {});
  // Whether createSegment(trackId, start, end) would be accepted (same checks, nothing pushed).
  Status checkNewSegment(Id trackId, Timestamp start, Timestamp end) const;
  Status deleteSegment(Id id);
  Result<Id> splitSegment(Id id, Timestamp t); // returns the id of the right-hand part
  // Drag of one edge; calls with the same non-zero dragId merge into one undo step.
  Status moveSegmentEdge(Id id, SegmentEdge edge, Timestamp t, int dragId = 0);
  // Drag of the whole segment to a new start (duration kept up to frame snapping).
  Status moveSegment(Id id, Timestamp newStart, int dragId = 0);
  Status relabelSegment(Id id, Id labelId);
  Status setSegmentNote(Id id, const std::string &note);
  // Nearest segment boundary strictly after/before t (trackId 0 = all tracks).
  std::optional<Timestamp> nextBoundary(Timestamp t, Id trackId = 0) const;
  std::optional<Timestamp> previousBoundary(Timestamp t, Id trackId = 0) const;
  // A fresh id for a drag gesture (mouse press); pass it to every move of that gesture.
  int beginDrag() { return ++m_lastDragId; }

  Result<Id> addFlag(FlagReason reason, int severity, std::optional<TimeRange> span, const std::string &note = {});
  Status updateFlag(const QualityFlag &flag);
  Status removeFlag(Id id);

  Status setReviewStatus(ReviewStatus status, const std::string &reason = {});

  // --- used by undo commands only ---
  Status applySegmentChanges(std::vector<SegmentChange> &changes, const std::string &action);
  Status applyFlagChanges(std::vector<FlagChange> &changes, const std::string &action);
  Status reloadReviews();
  void reportError(const std::string &message);

signals:
  void segmentInserted(const tacit::project::Segment &segment);
  void segmentChanged(const tacit::project::Segment &before, const tacit::project::Segment &after);
  void segmentRemoved(const tacit::project::Segment &segment);
  void flagInserted(const tacit::project::QualityFlag &flag);
  void flagChanged(const tacit::project::QualityFlag &before, const tacit::project::QualityFlag &after);
  void flagRemoved(const tacit::project::QualityFlag &flag);
  void reviewChanged(tacit::project::Id recordingId);
  void reset(); // after load()
  void timeBaseChanged();
  // A store failure while undoing/redoing (e.g. disk full); the edit did not happen.
  void errorOccurred(const QString &message);

private:
  Status pushSegmentEdit(std::vector<SegmentChange> changes, const QString &text, int mergeKey = 0);
  Status checkOverlap(const Segment &s, Id ignoreId = 0) const;
  Status writable() const;
  Segment stamped(Segment s) const;

  ProjectStore &m_store;
  QUndoStack *m_undo;
  Id m_recordingId = 0;
  FrameGrid m_grid;
  RecordingTimeBase m_timeBase;
  std::vector<Track> m_tracks;
  std::vector<Segment> m_segments;
  std::vector<QualityFlag> m_flags;
  std::vector<ReviewEvent> m_reviews;
  std::string m_pendingError; // set by a command's redo() that failed during push()
  int m_lastDragId = 0;
};

} // namespace tacit::project
