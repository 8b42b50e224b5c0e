#pragma once
// What a user can do about each reason a candidate is excluded: the export dialog shows one button
// per fix (open the recording's review status, the worker consent review, the blocking flag, or
// the recording's worker when it has none). Worked out from the gate's input, not from reason text.
#include <QString>
#include <vector>

#include "core/export/EpisodeGate.h"

namespace tacit {

struct ExportFix {
  enum class Kind { Review, Consent, Flag, Worker } kind = Kind::Review;
  exporting::GateId recordingId = 0, flagId = 0;
  QString text; // button text
};

std::vector<ExportFix> exportFixes(const exporting::GateInput &input, const exporting::GateOptions &options,
                                   const exporting::GateCandidate &candidate);

} // namespace tacit
