#pragma once
// Value types stored in a .tacit project (DESIGN §5). ProjectStore loads and saves these; models and
// undo commands work on them and never see SQL. Wall-clock times are int64 milliseconds since the
// Unix epoch (UTC); recording times are int64 nanoseconds on the device clock (tacit::Timestamp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/project/FlagReason.h"
#include "core/time/Timestamp.h"
#include "core/util/Result.h"

namespace tacit::project {

using Id = std::int64_t; // SQLite rowid; 0 means "none / not yet stored"

enum class ReviewStatus { Unreviewed, InReview, Approved, Rejected };
const char *reviewStatusName(ReviewStatus s); // "unreviewed", "in_review", "approved", "rejected"
const char *reviewStatusDisplayName(ReviewStatus s);
std::optional<ReviewStatus> reviewStatusFromName(std::string_view name);
// The one review rule, enforced by ProjectStore::addReview for every caller (GUI, CLI, import):
// a rejection needs a reason (blanks do not count). Fails with "a rejection needs a reason".
Status checkReviewReason(ReviewStatus status, std::string_view reason);

// Whether a recording's folder is where the project expects it and unchanged.
enum class MediaState { Ok, Missing, Changed };
const char *mediaStateName(MediaState s); // "ok", "missing", "changed"

struct RecordingRecord {
  Id id = 0;
  std::string uuid;                                // "id" from recording.json
  std::string relativePath;                        // folder relative to the project file's folder ('/' separators)
  std::string manifestHash;                        // SHA-256 hex of recording.json
  std::map<std::string, std::int64_t> streamSizes; // stream id -> file size in bytes
  std::string workerId, workerName, task, site, startedAt, device;
  Timestamp durationNs = 0; // 0 when unknown
  std::int64_t addedAtMs = 0;
  ReviewStatus status = ReviewStatus::Unreviewed; // latest review event (denormalised)
  bool operator==(const RecordingRecord &) const = default;
};

// The descriptive fields of a recording operators may correct in the project (never in the raw
// recording.json): an imported plain video has no worker until someone sets one.
struct RecordingMetadata {
  std::string workerId, workerName, task, site;
  static RecordingMetadata of(const RecordingRecord &r) { return {r.workerId, r.workerName, r.task, r.site}; }
  bool operator==(const RecordingMetadata &) const = default;
};

struct Track {
  Id id = 0;
  std::string name;
  bool allowOverlap = false;
  int order = 0;
  bool operator==(const Track &) const = default;
};

struct Label {
  Id id = 0;
  Id parentId = 0; // 0 = top level
  std::string name;
  std::string colour = "#808080"; // "#rrggbb"
  int key = 0;                    // keyboard shortcut 1-9, 0 = none
  std::string description;
  int order = 0; // among siblings
  bool operator==(const Label &) const = default;
};

struct Segment {
  Id id = 0;
  Id recordingId = 0;
  Id trackId = 0;
  Id labelId = 0; // 0 = unlabelled
  Timestamp startNs = 0;
  Timestamp endNs = 0; // exclusive
  std::string note, author;
  std::int64_t createdAtMs = 0, modifiedAtMs = 0;
  TimeRange range() const { return {startNs, endNs}; }
  bool operator==(const Segment &) const = default;
};

struct QualityFlag {
  Id id = 0;
  Id recordingId = 0;
  FlagReason reason = FlagReason::Other;
  int severity = 1; // 1 (minor) .. 4 (unusable)
  bool wholeRecording = true;
  Timestamp startNs = 0, endNs = 0; // used when !wholeRecording
  std::string note, author;
  std::int64_t createdAtMs = 0, modifiedAtMs = 0;
  bool operator==(const QualityFlag &) const = default;
};

struct ReviewEvent {
  Id id = 0;
  Id recordingId = 0;
  ReviewStatus status = ReviewStatus::Unreviewed;
  std::string reason, author;
  std::int64_t atMs = 0;
  bool operator==(const ReviewEvent &) const = default;
};

// A cut: either a time span over a set of streams, or spatial boxes (normalised 0..1) blurred over a span.
// A box with a key time (atNs != kInvalidTime) belongs to a box track: within the span it applies from
// its key time until the next key (the first key also covers the span before it), so one redaction
// holds a per-frame track ("Blur this" tracked, accepted face tracks). Boxes without a key time apply
// over the whole span.
struct RedactionBox {
  double x = 0, y = 0, w = 0, h = 0;
  Timestamp atNs = kInvalidTime;
  bool keyed() const { return atNs != kInvalidTime; }
  bool operator==(const RedactionBox &) const = default;
};
struct Redaction {
  Id id = 0;
  Id recordingId = 0;
  Timestamp startNs = 0, endNs = 0;
  std::vector<std::string> streams; // empty = all streams
  std::vector<RedactionBox> boxes;  // empty = remove the span; else blur these boxes
  std::string reason, author;
  std::int64_t createdAtMs = 0;
  bool spatial() const { return !boxes.empty(); }
  bool coversStream(std::string_view stream) const; // streams empty = every stream
  // A removal that covers the video: the span is cut from exported episodes (split or dropped).
  // A removal over other streams only blanks those streams' rows (docs/export.md).
  bool cutsVideo() const { return !spatial() && coversStream("video"); }
  std::vector<RedactionBox> boxesAt(Timestamp t) const; // boxes to blur at time t (empty outside the span)
  bool operator==(const Redaction &) const = default;
};
// Stream names a redaction may list (docs/consent.md).
const std::vector<std::string> &redactableStreams();

enum class ConsentKind { Granted, Withdrawn, ScopeChanged };
const char *consentKindName(ConsentKind k); // "granted", "withdrawn", "scope_changed"
std::optional<ConsentKind> consentKindFromName(std::string_view name);

// Append-only ledger row. rowHash = SHA-256(prevHash | fields), prevHash of the first row is "".
struct ConsentEvent {
  Id id = 0;
  ConsentKind kind = ConsentKind::Granted;
  std::string workerId;
  Id recordingId = 0; // 0 = all recordings of the worker
  std::string scope;  // e.g. JSON list of allowed uses
  std::string signature;
  std::int64_t atMs = 0;
  std::string prevHash, rowHash;
  bool operator==(const ConsentEvent &) const = default;
};

struct ExportItem {
  Id recordingId = 0;
  Id segmentId = 0; // 0 = whole recording
  Timestamp startNs = 0, endNs = 0;
  bool operator==(const ExportItem &) const = default;
};
struct ExportRecord {
  Id id = 0;
  std::string format, destination, manifestHash, author;
  std::int64_t atMs = 0;
  std::vector<ExportItem> items;
  bool operator==(const ExportRecord &) const = default;
};

struct AuditEntry {
  Id id = 0;
  std::int64_t atMs = 0;
  std::string author, action, detail;
};

// One row of the recordings list: the record plus counts for filters and columns.
struct RecordingSummary {
  RecordingRecord record;
  int segmentCount = 0;
  int flagCount = 0;
  int maxFlagSeverity = 0; // 0 = no flags
  MediaState media = MediaState::Ok;
  bool operator==(const RecordingSummary &) const = default;
};

std::int64_t nowMs();

} // namespace tacit::project
