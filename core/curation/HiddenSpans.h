#pragma once
// What curation may not look at in a recording's pixels: redacted spans and everything without the
// worker's consent. The one call site for the privacy policy (swap its body for the policy module's
// "what is hidden at t" when that lands); used by the pixel metrics and the queue's thumbnails.
#include <string>
#include <vector>

#include "core/project/ProjectStore.h"

namespace tacit::curation {

struct HiddenSpans {
  bool everything = false; // e.g. no consent recorded, or consent withdrawn
  std::string reason;      // why `everything`
  std::vector<TimeRange> spans;
  bool hidden(Timestamp t) const;
  bool hidden(TimeRange r) const; // any overlap
};

// From the project's consent ledger and redactions (removals and blur boxes alike hide the frames).
Result<HiddenSpans> hiddenForPixels(project::ProjectStore &store, const project::RecordingRecord &recording);

} // namespace tacit::curation
