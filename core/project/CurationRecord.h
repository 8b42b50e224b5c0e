#pragma once
// Curation rows of a .tacit project (migration 3, docs/curation.md): the stored analysis of one
// recording (JSON from core/curation) and the state of its worst-first queue item.
#include <optional>
#include <string>
#include <string_view>

#include "core/project/ProjectTypes.h"

namespace tacit::project {

enum class QueueState { Open, Flagged, Dismissed, Reviewed };
const char *queueStateName(QueueState s); // "open", "flagged", "dismissed", "reviewed"
std::optional<QueueState> queueStateFromName(std::string_view name);

struct QueueItemState {
  Id recordingId = 0;
  QueueState state = QueueState::Open;
  std::string reviewer; // who changed the state last
  std::int64_t atMs = 0;
  Id flagId = 0; // the flag the item became (state Flagged)
  std::string note;
  bool operator==(const QueueItemState &) const = default;
};

struct CurationAnalysisRecord {
  Id recordingId = 0;
  std::string manifestHash; // of the recording when it was analysed
  int version = 0;          // curation::kAnalysisVersion when analysed
  std::int64_t computedAtMs = 0;
  std::string analysisJson;
};

} // namespace tacit::project
