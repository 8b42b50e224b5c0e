#pragma once
// ProjectSession: one open project as the GUI sees it. Owns the ProjectStore, the project's
// QUndoStack (history lives until the project is closed), the TaxonomyModel and RecordingListModel,
// and the AnnotationDocument + SegmentTableModel + FlagListModel of the current recording.
// Documents are kept per recording once visited, so undoing an edit of a recording that is no
// longer current still updates that recording's document (and never a dangling one).
// Keeps the recordings list current: label, segment, flag and review changes refresh its counts and
// statuses (coalesced to one refresh per event loop turn). GUI thread only.
#include <QObject>
#include <QString>
#include <filesystem>
#include <map>
#include <memory>

#include "core/project/ProjectStore.h"

class QUndoStack;

namespace tacit::project {

class AnnotationDocument;
class FlagListModel;
class RecordingListModel;
class SegmentTableModel;
class TaxonomyModel;

class ProjectSession : public QObject {
  Q_OBJECT
public:
  // Opens (or creates) a project; a project held by another process opens read-only (readOnlyReason()).
  static Result<std::unique_ptr<ProjectSession>> open(const std::filesystem::path &path,
                                                      ProjectOpenOptions options = ProjectOpenOptions());
  static Result<std::unique_ptr<ProjectSession>> create(const std::filesystem::path &path);
  explicit ProjectSession(std::unique_ptr<ProjectStore> store, QObject *parent = nullptr);
  ~ProjectSession() override;

  ProjectStore &store() { return *m_store; }
  const std::filesystem::path &path() const { return m_store->path(); }
  QString name() const; // file name without ".tacit"
  bool isReadOnly() const { return m_store->isReadOnly(); }
  QString readOnlyReason() const { return QString::fromStdString(m_store->readOnlyReason()); }
  QUndoStack *undoStack() const { return m_undo; }
  TaxonomyModel *taxonomy() const { return m_taxonomy; }
  RecordingListModel *recordings() const { return m_recordings; }

  Id currentRecordingId() const { return m_currentId; }
  // The current recording's document and models; nullptr when no recording is current.
  AnnotationDocument *document() const { return m_document; }
  SegmentTableModel *segments() const { return m_segments; }
  FlagListModel *flags() const { return m_flags; }
  // The (cached) document of any recording of the project, loading it on first use.
  Result<AnnotationDocument *> documentFor(Id recordingId);
  // Makes a recording current (0 = none): builds its segment and flag models. Emits
  // currentRecordingChanged when the id changes.
  Status setCurrentRecording(Id recordingId);
  // Re-reads the recordings list now (also checks media on disk).
  Status refreshRecordings();
  // A recording's per-stream time offsets (Offsets tab); empty when none are stored.
  Result<std::map<std::string, Timestamp>> streamOffsets(Id recordingId);
  // Undoable (consecutive nudges of one stream merge); streamOffsetChanged follows every redo/undo.
  Status setStreamOffset(Id recordingId, const std::string &streamId, Timestamp offsetNs);

  // --- edits of the project itself: the one edit API for widgets (they never write to the store) ---
  // Review status of any recording, through its document (one path; core enforces "a rejection
  // needs a reason"). Undoable.
  Status setReviewStatus(Id recordingId, ReviewStatus status, const std::string &reason = {});
  // Worker id/name, task, site of a recording. Undoable; the recordings list follows.
  Status setRecordingMetadata(Id recordingId, const RecordingMetadata &metadata);
  // Adds a recording folder, or the recording folders up to two levels below `folder`. Returns the
  // ids added; recordings that could not be added are warnings. Fails when nothing was found.
  Result<std::vector<Id>> addRecordings(const std::filesystem::path &folder);
  // The id of the project recording stored at `folder` (compared canonically), 0 if none.
  Id recordingAt(const std::filesystem::path &folder);
  // Points a recording at a new folder (same recording.json id); warnings say what changed.
  Result<RecordingRecord> relinkRecording(Id recordingId, const std::filesystem::path &folder);

signals:
  void currentRecordingChanged(tacit::project::Id recordingId);
  // Worker, task or site of a recording changed (also on undo/redo).
  void recordingMetadataChanged(tacit::project::Id recordingId);
  // An edit failed while undoing/redoing, or a refresh failed; shown to the user.
  void errorOccurred(const QString &message);
  // A stream offset was set, undone or redone (offsetNs is the value now in effect).
  void streamOffsetChanged(tacit::project::Id recordingId, const std::string &streamId, qint64 offsetNs);

private:
  void scheduleRefresh();
  void onLabelsChanged();

  std::unique_ptr<ProjectStore> m_store;
  QUndoStack *m_undo = nullptr;
  TaxonomyModel *m_taxonomy = nullptr;
  RecordingListModel *m_recordings = nullptr;
  std::map<Id, AnnotationDocument *> m_documents; // children of this; one per visited recording
  Id m_currentId = 0;
  AnnotationDocument *m_document = nullptr;
  SegmentTableModel *m_segments = nullptr;
  FlagListModel *m_flags = nullptr;
  bool m_refreshPending = false;
  bool m_pushing = false;     // a command's first redo() runs inside push(): its error is returned
  std::string m_pendingError; // by the edit verb instead of signalled
};

} // namespace tacit::project
