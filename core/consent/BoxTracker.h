#pragma once
// "Blur this" over a span (DESIGN §7): the worker draws a box on one frame and OpenCV's MIL tracker
// (video module, no contrib needed) follows it through the marked span. Frames are tracked at a
// reduced size for speed; frames before the drawn one are buffered and tracked backwards. When the
// tracker loses the object the last box is held (better too much blur than a face let through) and
// the frame is counted as lost so the UI can say so.
#include <functional>
#include <vector>

#include "core/media/FrameSource.h"
#include "core/project/ProjectTypes.h"
#include "core/util/Result.h"

namespace tacit::consent {

struct BoxTrackOptions {
  int maxWidth = 480;   // frames are downscaled to at most this width before tracking
  double padding = 0.1; // grow every tracked box by this fraction on each side
};

struct BoxTrackResult {
  std::vector<project::RedactionBox> boxes; // one keyed box (atNs = frame time) per frame of the span
  std::int64_t framesTracked = 0, framesLost = 0;
  bool cancelled = false;
};

// Tracks `drawn` (normalised 0..1, on frame `drawnFrame`) over frames [firstFrame, lastFrame].
// progress(fraction) returning false cancels (result.cancelled, boxes empty).
Result<BoxTrackResult> trackBox(media::FrameSource &video, std::int64_t firstFrame, std::int64_t lastFrame,
                                std::int64_t drawnFrame, const project::RedactionBox &drawn,
                                const std::function<bool(double)> &progress = {}, const BoxTrackOptions &options = {});

// The redaction that stores a tracked box: span [time of first box, end of the last frame), streams = video.
project::Redaction boxTrackRedaction(project::Id recordingId, const BoxTrackResult &track, Timestamp endNs,
                                     const std::string &reason);

} // namespace tacit::consent
