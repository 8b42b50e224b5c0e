#include "core/consent/BoxTracker.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace tacit::consent {

namespace {

Result<cv::Mat> smallFrame(media::FrameSource &video, std::int64_t index, int maxWidth) {
  auto f = video.frame(index);
  if (!f)
    return Result<cv::Mat>::failure(f.error());
  if (f->format != media::PixelFormat::Rgb24)
    return Result<cv::Mat>::failure(video.path() + ": box tracking needs a colour video");
  const cv::Mat rgb(f->height, f->width, CV_8UC3, const_cast<std::uint8_t *>(f->data()),
                    static_cast<std::size_t>(f->stride));
  cv::Mat out;
  const double s = std::min(1.0, static_cast<double>(maxWidth) / std::max(1, f->width));
  if (s < 1.0)
    cv::resize(rgb, out, cv::Size(), s, s, cv::INTER_AREA);
  else
    out = rgb.clone();
  return out;
}

cv::Rect toPixels(const project::RedactionBox &b, const cv::Size &size) {
  const cv::Rect r(static_cast<int>(std::lround(b.x * size.width)), static_cast<int>(std::lround(b.y * size.height)),
                   std::max(2, static_cast<int>(std::lround(b.w * size.width))),
                   std::max(2, static_cast<int>(std::lround(b.h * size.height))));
  return r & cv::Rect(0, 0, size.width, size.height);
}

project::RedactionBox toBox(const cv::Rect &r, const cv::Size &size, double padding, Timestamp at) {
  const double px = r.width * padding, py = r.height * padding;
  double x0 = std::max(0.0, (r.x - px) / size.width), y0 = std::max(0.0, (r.y - py) / size.height);
  double x1 = std::min(1.0, (r.x + r.width + px) / size.width), y1 = std::min(1.0, (r.y + r.height + py) / size.height);
  return {x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0), at};
}

// Runs one tracker through `frames` (already in tracking order); returns a pixel box per frame.
std::vector<std::pair<cv::Rect, bool>> follow(const std::vector<cv::Mat> &frames, const cv::Rect &start) {
  std::vector<std::pair<cv::Rect, bool>> out;
  if (frames.empty())
    return out;
  cv::Ptr<cv::TrackerMIL> tracker = cv::TrackerMIL::create();
  tracker->init(frames.front(), start);
  cv::Rect last = start;
  out.emplace_back(start, true);
  for (std::size_t i = 1; i < frames.size(); ++i) {
    cv::Rect r;
    const bool ok = tracker->update(frames[i], r);
    if (ok && r.area() > 0)
      last = r & cv::Rect(0, 0, frames[i].cols, frames[i].rows);
    out.emplace_back(last, ok);
  }
  return out;
}

} // namespace

Result<BoxTrackResult> trackBox(media::FrameSource &video, std::int64_t firstFrame, std::int64_t lastFrame,
                                std::int64_t drawnFrame, const project::RedactionBox &drawn,
                                const std::function<bool(double)> &progress, const BoxTrackOptions &opt) {
  using R = Result<BoxTrackResult>;
  const std::int64_t n = video.frameCount();
  if (n <= 0)
    return R::failure(video.path() + ": no frames to track");
  firstFrame = std::clamp<std::int64_t>(firstFrame, 0, n - 1);
  lastFrame = std::clamp<std::int64_t>(lastFrame, firstFrame, n - 1);
  drawnFrame = std::clamp(drawnFrame, firstFrame, lastFrame);
  if (drawn.w <= 0 || drawn.h <= 0)
    return R::failure("the box to track is empty");
  BoxTrackResult result;
  const double total = static_cast<double>(lastFrame - firstFrame + 1);
  std::int64_t decoded = 0;
  auto step = [&]() { return !progress || progress(static_cast<double>(++decoded) / total); };

  // Backwards part: buffer [firstFrame, drawnFrame] (small frames) and track from drawnFrame down.
  std::vector<cv::Mat> back;
  if (drawnFrame > firstFrame) {
    for (std::int64_t f = firstFrame; f <= drawnFrame; ++f) {
      auto m = smallFrame(video, f, opt.maxWidth);
      if (!m)
        return R::failure(m.error());
      back.push_back(m.takeValue());
      if (!step()) {
        result.cancelled = true;
        return R(std::move(result));
      }
    }
    std::reverse(back.begin(), back.end());
  }
  // Forwards part: decode sequentially and track as we go (no buffering).
  cv::Mat first;
  if (back.empty()) {
    auto m = smallFrame(video, drawnFrame, opt.maxWidth);
    if (!m)
      return R::failure(m.error());
    first = m.takeValue();
    if (!step()) {
      result.cancelled = true;
      return R(std::move(result));
    }
  } else {
    first = back.front();
  }
  const cv::Size size = first.size();
  const cv::Rect start = toPixels(drawn, size);
  if (start.width < 2 || start.height < 2)
    return R::failure("the box to track is outside the picture");

  std::vector<project::RedactionBox> boxes;
  if (!back.empty()) {
    const auto b = follow(back, start);
    for (std::size_t i = b.size(); i-- > 1;) { // frames firstFrame .. drawnFrame-1
      const std::int64_t f = drawnFrame - static_cast<std::int64_t>(i);
      boxes.push_back(toBox(b[i].first, size, opt.padding, video.ptsNs(f)));
      result.framesLost += b[i].second ? 0 : 1;
    }
  }
  boxes.push_back(toBox(start, size, opt.padding, video.ptsNs(drawnFrame)));
  if (lastFrame > drawnFrame) {
    cv::Ptr<cv::TrackerMIL> tracker = cv::TrackerMIL::create();
    tracker->init(first, start);
    cv::Rect last = start;
    for (std::int64_t f = drawnFrame + 1; f <= lastFrame; ++f) {
      auto m = smallFrame(video, f, opt.maxWidth);
      if (!m)
        return R::failure(m.error());
      cv::Rect r;
      const bool ok = tracker->update(*m, r);
      if (ok && r.area() > 0)
        last = r & cv::Rect(0, 0, m->cols, m->rows);
      result.framesLost += ok ? 0 : 1;
      boxes.push_back(toBox(last, size, opt.padding, video.ptsNs(f)));
      if (!step()) {
        result.cancelled = true;
        return R(std::move(result));
      }
    }
  }
  result.framesTracked = static_cast<std::int64_t>(boxes.size());
  result.boxes = std::move(boxes);
  return R(std::move(result));
}

project::Redaction boxTrackRedaction(project::Id recordingId, const BoxTrackResult &track, Timestamp endNs,
                                     const std::string &reason) {
  project::Redaction r;
  r.recordingId = recordingId;
  r.streams = {"video"};
  r.boxes = track.boxes;
  r.reason = reason;
  if (!track.boxes.empty()) {
    r.startNs = track.boxes.front().atNs;
    r.endNs = std::max(endNs, track.boxes.back().atNs + 1);
  }
  return r;
}

} // namespace tacit::consent
