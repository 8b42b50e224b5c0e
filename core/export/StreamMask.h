#pragma once
// Per-stream removals inside an exported episode (docs/export.md "Per-stream redactions"): a redaction
// over, say, only the IMU keeps the video frames but blanks that stream's rows. A row is blanked when
// its frame interval [t_i, t_i+1) overlaps the redacted span, so no value resampled from a redacted
// sample survives. Blanked float values are NaN (never a plausible reading such as 0); hand rows also
// get ee_valid = 0 and a blanked trajectory makes the camera pose NaN, so every action derived from a
// redacted pose or palm is NaN as well.
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/export/EpisodeGate.h"

namespace tacit::exporting {

struct StreamMaskResult {
  std::size_t rows = 0; // rows touched by at least one mask
};

// Streams named "video", "depth" and "audio" are ignored here: video removals cut episodes in the gate,
// depth and audio are not exported.
StreamMaskResult applyStreamMasks(EpisodeData &episode, const std::vector<GateStreamMask> &masks);

} // namespace tacit::exporting
