#pragma once
// ProjectStore: the .tacit project file (SQLite, DESIGN §3.7, §5). Loads and saves value types;
// every mutating call is one transaction (one user action) and is durable when it returns.
// One writer per project: a second process opens the file read-only (readOnlyReason() says why).
// Not thread-safe: use one store per thread (SQLite connection rules).
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/project/CurationRecord.h"
#include "core/project/ProjectLock.h"
#include "core/project/ProjectTypes.h"
#include "core/project/SqliteDb.h"
#include "core/util/Result.h"

namespace tacit::project {

// A change to one row: before only = delete, after only = insert (after.id kept if non-zero),
// both = update. Used by undo commands so an edit and its inverse are the same call.
template <typename T> struct RowChange { std::optional<T> before, after; };
using SegmentChange = RowChange<Segment>;
using FlagChange = RowChange<QualityFlag>;

// What removeLabel() took away, so an undo can put it back exactly.
struct LabelRemoval {
  std::vector<Label> labels;                    // the label and its descendants, parents first
  std::vector<std::pair<Id, Id>> segmentLabels; // (segment id, label id) that pointed into the subtree
};

struct ProjectOpenOptions {
  bool create = false;   // create a new project (fails if the file exists)
  bool readOnly = false; // open read-only even when the lock is free
  int lockWaitMs = 0;    // > 0: wait this long for another process to release the project before opening read-only
  std::string author;    // default: $USER
};

class ProjectStore {
public:
  using OpenOptions = ProjectOpenOptions;

  // Creates a new empty project (schema at the current version).
  static Result<std::unique_ptr<ProjectStore>> create(const std::filesystem::path &path);
  // Opens (migrating old schemas forward) after a quick integrity check, made read-only so an empty,
  // foreign or damaged file is refused without being written to. If another process holds the
  // project, or the file has a second hard link, opens read-only and adds a warning with the reason.
  static Result<std::unique_ptr<ProjectStore>> open(const std::filesystem::path &path,
                                                    ProjectOpenOptions options = ProjectOpenOptions());
  // Test hook: creates a project at an older schema version (fixture for migration tests).
  static Status createAtVersion(const std::filesystem::path &path, int version);
  ~ProjectStore();

  const std::filesystem::path &path() const { return m_path; }
  std::filesystem::path projectDir() const { return m_path.parent_path(); }
  bool isReadOnly() const { return m_readOnly; }
  const std::string &readOnlyReason() const { return m_readOnlyReason; }
  const std::string &author() const { return m_author; }
  void setAuthor(std::string author) { m_author = std::move(author); }
  int schemaVersion();

  // Writes a consistent copy of the project to `dest` (VACUUM INTO; works read-only too) with
  // recording paths rewritten relative to the copy's folder. Fails if dest exists. The copy is not opened.
  Status saveCopyAs(const std::filesystem::path &dest);

  // Full PRAGMA integrity_check + foreign_key_check; returns the problems (empty = healthy).
  Result<std::vector<std::string>> checkIntegrity();

  // --- recordings -------------------------------------------------------------------------------
  // Adds the recording folder (reads recording.json). Fails if a recording with the same id exists.
  Result<RecordingRecord> addRecording(const std::filesystem::path &folder);
  // Inserts a record as is (importers, tests). relativePath must be set.
  Result<RecordingRecord> insertRecordingRecord(RecordingRecord record);
  Result<std::vector<RecordingRecord>> recordings();
  Result<RecordingRecord> recording(Id id);
  Result<std::optional<RecordingRecord>> recordingByUuid(const std::string &uuid);
  std::filesystem::path absoluteFolder(const RecordingRecord &record) const;
  MediaState mediaState(const RecordingRecord &record) const;
  // Recordings with segment/flag counts; checkMedia also checks each folder on disk.
  Result<std::vector<RecordingSummary>> recordingSummaries(bool checkMedia = true);
  // Sets worker id/name, task and site of a recording (one transaction, audited); fields are trimmed.
  // Consent is keyed by the worker id: a recording without one cannot be consented or exported.
  Result<RecordingRecord> setRecordingMetadata(Id id, const RecordingMetadata &metadata);
  // Points a recording at a new folder whose recording.json has the same id.
  Result<RecordingRecord> relinkRecording(Id id, const std::filesystem::path &folder);
  // Scans searchRoot (depth <= 3) for folders whose recording.json ids match missing recordings.
  Result<std::vector<RecordingRecord>> relinkMissingUnder(const std::filesystem::path &searchRoot);

  // --- tracks and taxonomy ------------------------------------------------------------------------
  Result<std::vector<Track>> tracks();
  Result<Track> trackByName(const std::string &name);
  Result<Track> addTrack(const std::string &name, bool allowOverlap);
  Result<std::vector<Label>> labels();    // parents before children, siblings by order
  Result<Label> insertLabel(Label label); // id kept if non-zero (undo)
  Status updateLabel(const Label &label);
  Result<LabelRemoval> removeLabel(Id id);
  Status restoreLabels(const LabelRemoval &removal);
  // Replaces the whole taxonomy (segments lose labels whose path disappears).
  Status replaceTaxonomy(const std::vector<Label> &labels);

  // --- segments and flags -------------------------------------------------------------------------
  Result<std::vector<Segment>> segments(Id recordingId); // by track, start, id
  Result<std::vector<Segment>> allSegments();
  // Applies all changes in one transaction and records `action` in the audit log. Enforces the
  // no-overlap rule of tracks that forbid overlaps. Returns the after-rows with their ids.
  Result<std::vector<Segment>> applySegmentChanges(const std::vector<SegmentChange> &changes,
                                                   const std::string &action);
  Result<std::vector<QualityFlag>> flags(Id recordingId);
  Result<std::vector<QualityFlag>> allFlags();
  Result<std::vector<QualityFlag>> applyFlagChanges(const std::vector<FlagChange> &changes, const std::string &action);

  // --- reviews --------------------------------------------------------------------------------------
  Result<ReviewEvent> addReview(Id recordingId, ReviewStatus status, const std::string &reason);
  // Undo of addReview: deletes the event and restores the recording's status from what remains.
  Status removeReview(Id reviewId);
  Result<std::vector<ReviewEvent>> reviewHistory(Id recordingId);
  Result<std::vector<ReviewEvent>> allReviews();
  // Replaces a recording's history (labels import --replace).
  Status replaceReviewHistory(Id recordingId, const std::vector<ReviewEvent> &history);

  // --- bulk import (one transaction) ---------------------------------------------------------------
  struct BulkImport {
    bool replace = false;         // delete segments/flags (and histories of listed recordings) first
    std::vector<Id> recordingIds; // recordings touched by the import
    std::vector<Segment> segments;
    std::vector<QualityFlag> flags;
    std::vector<std::pair<Id, std::vector<ReviewEvent>>> reviews; // full history per recording
    std::optional<std::vector<Label>> taxonomy;                   // replace taxonomy first (ids are remapped by path)
    std::vector<std::string> segmentLabelPaths; // label path per segment ("" = none), resolved after taxonomy
    bool mergeTaxonomy = false;                 // true: only add labels whose path is missing
    std::vector<Track> newTracks;               // created first if no track has that name
    std::vector<std::string> segmentTrackNames; // if non-empty: track per segment, resolved after newTracks
  };
  Status applyImport(const BulkImport &import, const std::string &action);

  // --- per-stream time offsets (user alignment; 0 = none stored) ------------------------------------
  Result<std::map<std::string, Timestamp>> streamOffsets(Id recordingId);
  Status setStreamOffset(Id recordingId, const std::string &streamId, Timestamp offsetNs);

  // --- redactions, consent ledger, exports, audit ---------------------------------------------------
  Result<Redaction> addRedaction(Redaction r);
  Status removeRedaction(Id id);
  Result<std::vector<Redaction>> redactions(Id recordingId);
  Result<ConsentEvent> appendConsent(ConsentEvent e); // fills atMs (if 0), prevHash, rowHash
  Result<std::vector<ConsentEvent>> consentEvents();
  // Id of the first row whose prev_hash or row_hash does not match the chain; nullopt if intact.
  Result<std::optional<Id>> verifyConsentChain();
  static std::string consentRowHash(const ConsentEvent &e);
  Result<ExportRecord> addExport(ExportRecord e);
  Result<std::vector<ExportRecord>> exports();
  Result<std::vector<AuditEntry>> auditLog();
  // Appends a record (e.g. the face QA record "faces.qa") to the append-only audit log.
  Status appendAudit(const std::string &action, const std::string &detail);

  // --- curation (ProjectStoreCuration.cpp) ------------------------------------------------------------
  Result<std::vector<CurationAnalysisRecord>> curationAnalyses();
  Status saveCurationAnalysis(const CurationAnalysisRecord &record); // replaces the recording's analysis
  Result<std::vector<QueueItemState>> queueStates();                 // only items that left "open" or were touched
  Status setQueueState(const QueueItemState &state);

  // Escape hatch for tests and benchmarks. Models and widgets must not use it.
  SqliteDb &database() { return m_db; }

private:
  ProjectStore() = default;
  Status requireWritable() const;
  Status audit(const std::string &action, const std::string &detail);
  Status checkNoOverlap(const Segment &s);
  Status refreshStatus(Id recordingId);
  Result<std::unordered_map<Id, Track>> trackMap();

  std::filesystem::path m_path;
  SqliteDb m_db;
  ProjectLock m_lock;
  bool m_readOnly = false;
  std::string m_readOnlyReason;
  std::string m_author;
};

// "Assembly/Screw" style path of a label (names joined by '/').
std::string labelPath(const std::vector<Label> &labels, Id id);
// labelPath of every label at once, in linear time (use it in loops: labelPath costs O(labels)).
std::unordered_map<Id, std::string> labelPathMap(const std::vector<Label> &labels);

} // namespace tacit::project
