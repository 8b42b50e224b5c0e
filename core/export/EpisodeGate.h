#pragma once
// Export gate (DESIGN §6): which labeled segments (or whole recordings) may leave the building, and
// why the others may not. A pure function over value types so every exclusion rule is unit-tested;
// ProjectGate.h fills these types from a ProjectStore.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit::exporting {

using GateId = std::int64_t;

struct GateRecording {
  GateId id = 0;
  std::string uuid, workerId, manifestHash, task;
  std::string reviewStatus; // "approved" is the only status that may export
  TimeRange span;           // device time covered by the video (whole-recording episodes)
  // Recording time zero (its first sample, device clock): reasons name times as recording time
  // (m:ss.mmm, core/time/RecordingTime.h); kInvalidTime = unknown, times are given in device ns.
  Timestamp origin = kInvalidTime;
};

struct GateSegment {
  GateId id = 0, recordingId = 0;
  std::string track, label, labelPath, note;
  TimeRange range;
  std::int64_t modifiedAtMs = 0;
};

struct GateFlag {
  GateId id = 0, recordingId = 0;
  std::string reason;
  int severity = 1;
  bool wholeRecording = true;
  TimeRange range;
};

struct GateRedaction {
  GateId id = 0, recordingId = 0;
  TimeRange range;
  bool spatial = false;             // boxes blurred over the span: does not cut the episode
  std::vector<std::string> streams; // empty = every stream
  // A removal over every stream or over at least one stream the format exports cuts the episode, so no
  // exported array ever holds a hidden (or NaN) row (docs/export.md "Removals over some streams").
  bool cutsEpisode(const std::vector<std::string> &exportedStreams) const;
};

struct GateConsent {
  GateId id = 0;    // ledger order: a larger id is a later event
  std::string kind; // "granted" | "withdrawn" | "scope_changed"
  std::string workerId;
  GateId recordingId = 0; // 0 = every recording of the worker
  std::string scope;      // JSON list of allowed uses, or comma-separated; "" on a grant = every use
};

enum class RedactionPolicy { Split, Drop };

struct GateOptions {
  std::vector<std::string> labels = {"task"}; // match track name, label name or label path
  bool wholeRecordings = false;               // episodes are whole recordings instead of segments
  int maxSeverity = 3;                        // flags with severity >= this exclude the episode
  std::string purpose = "model_training";     // must be allowed by the latest consent's scope (core/consent names)
  RedactionPolicy redactionPolicy = RedactionPolicy::Split;
  Timestamp minDurationNs = 500 * kNsPerMs; // pieces shorter than this (after a split) are dropped
  // Streams the chosen format writes (ExportRunner's exportedStreams): a removal over only other streams
  // (depth, audio, or IMU/gaze in LeRobot) changes nothing in the export.
  std::vector<std::string> exportedStreams = {"video", "hands", "trajectory", "imu", "gaze"};
};

struct GateInput {
  std::vector<GateRecording> recordings;
  std::vector<std::string> tracks; // the project's track names (for explanations)
  std::vector<GateSegment> segments;
  std::vector<GateFlag> flags;
  std::vector<GateRedaction> redactions;
  std::vector<GateConsent> consent;
};

// One exportable episode.
struct GateEpisode {
  GateId recordingId = 0, segmentId = 0; // segmentId 0 = whole recording
  std::string task;                      // language / task string
  TimeRange range;
  GateId consentEventId = 0;
  std::vector<GateId> redactionIds; // span redactions that cut the source, spatial ones burned in
  std::string labelRevision;        // "<segment id>@<modified ms>" or "recording"
};

// One candidate (a matching segment or a recording) and what happened to it.
struct GateCandidate {
  GateId recordingId = 0, segmentId = 0;
  std::string recordingUuid, label;
  TimeRange range;
  Timestamp origin = kInvalidTime;  // the recording's time zero (GateRecording::origin)
  std::vector<std::string> reasons; // non-empty = excluded; each names the rule and the row
  std::vector<std::string> notes;   // e.g. "split by redaction #4 into 2 episodes"
  std::vector<GateEpisode> episodes;
  bool included() const { return reasons.empty() && !episodes.empty(); }
};

struct GateResult {
  std::vector<GateCandidate> candidates;
  std::vector<GateEpisode> episodes() const;
};

GateResult evaluateGate(const GateInput &input, const GateOptions &options);
// Uses allowed by a consent scope string ("" -> empty list).
std::vector<std::string> parseConsentScope(const std::string &scope);

} // namespace tacit::exporting
