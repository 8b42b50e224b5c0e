#pragma once
// Glue between the project store and the pure export gate: reads recordings, segments (with track
// and label names), flags, redactions and the consent ledger into a GateInput.
#include <functional>

#include "core/export/EpisodeGate.h"
#include "core/project/ProjectStore.h"

namespace tacit::exporting {

// `spanOf` gives a recording's video time range (only needed for whole-recording episodes; may be empty).
using RecordingSpan = std::function<Result<TimeRange>(const project::RecordingRecord &)>;

Result<GateInput> gateInputFromProject(project::ProjectStore &store, const RecordingSpan &spanOf = {});

} // namespace tacit::exporting
