#include "core/consent/FaceRedactions.h"

#include <algorithm>

namespace tacit::consent {

std::vector<project::Redaction> faceTrackRedactions(const VideoFaceResult &faces, int every, project::Id recordingId,
                                                    const std::function<Timestamp(std::int64_t)> &timeOf,
                                                    Timestamp endNs, const std::string &reason) {
  std::vector<project::Redaction> out;
  if (faces.width <= 0 || faces.height <= 0 || faces.frameCount <= 0)
    return out;
  every = std::max(1, every);
  const double W = faces.width, H = faces.height;
  auto spanEnd = [&](std::int64_t lastFrame) {
    return lastFrame + 1 < faces.frameCount ? timeOf(lastFrame + 1) : endNs;
  };
  for (const auto &t : faces.tracks) {
    if (t.boxes.empty())
      continue;
    const std::int64_t first = t.boxes.front().frame, last = t.boxes.back().frame;
    const std::int64_t from = std::max<std::int64_t>(0, first - (every - 1));
    const std::int64_t to = std::min<std::int64_t>(faces.frameCount - 1, last + (every - 1));
    // Chunks of `every` frames; the held frames before/after use the nearest box.
    for (std::int64_t c = from; c <= to; c += every) {
      const std::int64_t cEnd = std::min(to, c + every - 1);
      cv::Rect u;
      bool any = false;
      for (const auto &b : t.boxes)
        if (b.frame >= c && b.frame <= cEnd) {
          u = any ? (u | b.box) : b.box;
          any = true;
        }
      if (!any)
        u = c < first ? t.boxes.front().box : t.boxes.back().box;
      project::Redaction r;
      r.recordingId = recordingId;
      r.startNs = timeOf(c);
      r.endNs = spanEnd(cEnd);
      if (r.endNs <= r.startNs)
        continue;
      r.streams = {"video"};
      r.boxes.push_back({u.x / W, u.y / H, u.width / W, u.height / H});
      r.reason = reason;
      out.push_back(std::move(r));
    }
  }
  return out;
}

} // namespace tacit::consent
