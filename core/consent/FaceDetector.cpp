#include "core/consent/FaceDetector.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace tacit::consent {

namespace fs = std::filesystem;

fs::path defaultCascadePath() {
  for (const char *p : {"/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
                        "/usr/share/opencv/haarcascades/haarcascade_frontalface_default.xml"})
    if (fs::exists(p))
      return p;
  return "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
}

struct FaceDetector::Impl {
  cv::CascadeClassifier cascade;
};

FaceDetector::~FaceDetector() = default;

Result<std::unique_ptr<FaceDetector>> FaceDetector::create(const FaceDetectOptions &options) {
  using R = Result<std::unique_ptr<FaceDetector>>;
  std::unique_ptr<FaceDetector> d(new FaceDetector);
  d->m_options = options;
  if (d->m_options.cascade.empty())
    d->m_options.cascade = defaultCascadePath();
  d->m_impl = std::make_unique<Impl>();
  if (!fs::exists(d->m_options.cascade))
    return R::failure(d->m_options.cascade.string() + ": face cascade not found (install opencv-data)");
  try {
    if (!d->m_impl->cascade.load(d->m_options.cascade.string()))
      return R::failure(d->m_options.cascade.string() + ": not a valid OpenCV cascade");
  } catch (const cv::Exception &e) {
    return R::failure(d->m_options.cascade.string() + ": " + e.what());
  }
  return R(std::move(d));
}

std::vector<FaceDetection> FaceDetector::detect(const cv::Mat &image) {
  std::vector<FaceDetection> out;
  if (image.empty())
    return out;
  cv::Mat grey;
  if (image.channels() == 3)
    cv::cvtColor(image, grey, cv::COLOR_RGB2GRAY);
  else if (image.channels() == 4)
    cv::cvtColor(image, grey, cv::COLOR_RGBA2GRAY);
  else
    grey = image;
  cv::equalizeHist(grey, grey);
  std::vector<cv::Rect> boxes;
  std::vector<int> levels;
  std::vector<double> weights;
  const int minPx = m_options.minSizePx;
  m_impl->cascade.detectMultiScale(grey, boxes, levels, weights, m_options.scaleFactor, m_options.minNeighbors, 0,
                                   cv::Size(minPx, minPx), cv::Size(), true);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    // Stage weight margin -> 0..1; Haar weights are typically -1..6.
    const double w = i < weights.size() ? weights[i] : 0.0;
    out.push_back({boxes[i], 1.0 / (1.0 + std::exp(-w))});
  }
  return out;
}

std::vector<FaceDetection> FaceDetector::detect(const QImage &image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  const cv::Mat m(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                  static_cast<std::size_t>(rgb.bytesPerLine()));
  return detect(m);
}

namespace {

double iou(const cv::Rect &a, const cv::Rect &b) {
  const double inter = (a & b).area();
  const double uni = a.area() + b.area() - inter;
  return uni > 0 ? inter / uni : 0;
}

cv::Rect lerp(const cv::Rect &a, const cv::Rect &b, double t) {
  auto l = [t](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * t)); };
  return {l(a.x, b.x), l(a.y, b.y), l(a.width, b.width), l(a.height, b.height)};
}

cv::Rect pad(const cv::Rect &r, double f, int w, int h) {
  const int dx = static_cast<int>(r.width * f), dy = static_cast<int>(r.height * f);
  return cv::Rect(r.x - dx, r.y - dy, r.width + 2 * dx, r.height + 2 * dy) & cv::Rect(0, 0, w, h);
}

} // namespace

Result<VideoFaceResult> detectFacesInVideo(media::VideoSource &video, FaceDetector &detector,
                                           const std::function<bool(double)> &progress) {
  using R = Result<VideoFaceResult>;
  VideoFaceResult res;
  res.frameCount = video.frameCount();
  res.width = video.width();
  res.height = video.height();
  const auto &opt = detector.options();
  const std::int64_t every = std::max(1, opt.every);
  // Open tracks: id -> last sampled box. Linked greedily by best overlap.
  struct Open {
    int track;
    TrackedBox last;
  };
  std::vector<Open> open;
  for (std::int64_t f = 0; f < res.frameCount; f += every) {
    if (progress &&
        !progress(static_cast<double>(f) / static_cast<double>(std::max<std::int64_t>(1, res.frameCount)))) {
      res.cancelled = true;
      break;
    }
    auto frame = video.frame(f);
    if (!frame)
      return R::failure(frame.error());
    const cv::Mat img(frame->height, frame->width, CV_8UC3, const_cast<std::uint8_t *>(frame->data()),
                      static_cast<std::size_t>(frame->stride));
    const auto faces = detector.detect(img);
    ++res.framesChecked;
    std::vector<Open> next;
    std::vector<bool> used(open.size(), false);
    for (const auto &d : faces) {
      TrackedBox tb{f, frame->ptsNs, pad(d.box, opt.padding, res.width, res.height), d.confidence, false};
      res.detections.push_back(tb);
      int best = -1;
      double bestIou = opt.linkIou;
      for (std::size_t k = 0; k < open.size(); ++k) {
        const double v = iou(open[k].last.box, tb.box);
        if (!used[k] && v >= bestIou) {
          best = static_cast<int>(k);
          bestIou = v;
        }
      }
      int trackId;
      if (best >= 0) {
        used[best] = true;
        trackId = open[best].track;
        FaceTrack &t = res.tracks[trackId];
        // Interpolate the frames between the two samples.
        const TrackedBox &a = open[best].last;
        for (std::int64_t g = a.frame + 1; g < f; ++g) {
          const double s = static_cast<double>(g - a.frame) / static_cast<double>(f - a.frame);
          t.boxes.push_back({g, video.ptsNs(g), lerp(a.box, tb.box, s), std::min(a.confidence, tb.confidence), true});
        }
      } else {
        trackId = static_cast<int>(res.tracks.size());
        res.tracks.push_back({trackId, {}});
      }
      res.tracks[trackId].boxes.push_back(tb);
      next.push_back({trackId, tb});
    }
    open = std::move(next);
  }
  if (progress && !res.cancelled)
    progress(1.0);
  return R(std::move(res));
}

} // namespace tacit::consent
