#pragma once
// Why an export would have no episodes, in words a user can act on (docs/export.md "Dry run"):
// "no segments on track 'task' in 2 recordings — label segments or use --whole-recordings", or the
// commonest reasons the candidates were excluded. Empty when at least one episode passes.
#include <string>
#include <vector>

#include "core/export/EpisodeGate.h"

namespace tacit::exporting {

std::vector<std::string> explainNoEpisodes(const GateInput &input, const GateOptions &options,
                                           const GateResult &result);

} // namespace tacit::exporting
