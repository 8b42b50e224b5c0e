#pragma once
// Worker consent on top of the project's hash-chained ledger (DESIGN §7): named scopes, grant and
// withdraw events, the current state per recording (same rule as the export gate: the worker's latest
// event that applies to the recording wins) and every past export that carried a worker's data.
#include <string>
#include <vector>

#include "core/project/ProjectStore.h"

namespace tacit::consent {

using project::Id;

// The uses a worker can allow: internal_research, model_training, partner_sharing.
const std::vector<std::string> &knownScopes();
bool isKnownScope(const std::string &scope);
// Ledger encoding of a set of uses: {"uses":[...]} (what exporting::parseConsentScope reads).
std::string scopeJson(const std::vector<std::string> &uses);
std::vector<std::string> scopeUses(const std::string &scopeText);

// A recording by project id ("3") or recording uuid.
Result<project::RecordingRecord> findRecording(project::ProjectStore &store, const std::string &key);

struct RecordingConsent {
  project::RecordingRecord recording;
  std::string state = "none"; // "none" | "granted" | "withdrawn"
  std::vector<std::string> uses;
  Id eventId = 0; // the deciding ledger row (0 = none)
  std::int64_t atMs = 0;
};
// Current consent of every recording (optionally only one worker's).
Result<std::vector<RecordingConsent>> recordingConsent(project::ProjectStore &store, const std::string &workerId = {});

// Appends a grant for the worker of `recordingId` (0 = every recording of workerId). signature = typed full name.
Result<project::ConsentEvent> grantConsent(project::ProjectStore &store, const std::string &workerId, Id recordingId,
                                           const std::vector<std::string> &uses, const std::string &signature);
// Withdraws `uses` (empty = everything). Withdrawing some uses of a grant records a scope change that
// keeps the rest; withdrawing all records a withdrawal event.
Result<project::ConsentEvent> withdrawConsent(project::ProjectStore &store, const std::string &workerId, Id recordingId,
                                              const std::vector<std::string> &uses, const std::string &signature);

// One past export that contains the worker's data.
struct ExportUse {
  project::ExportRecord record;
  std::vector<project::ExportItem> items; // the worker's items only
  std::vector<std::string> episodes;      // episode names from the destination's tacit_export.json
  bool manifestFound = false;
};
Result<std::vector<ExportUse>> exportsContainingWorker(project::ProjectStore &store, const std::string &workerId,
                                                       Id recordingId = 0);

} // namespace tacit::consent
