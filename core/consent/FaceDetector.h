#pragma once
// Bystander face detection (DESIGN §7): OpenCV Haar/LBP cascades from opencv-data, run on every Nth
// frame of a video; detections on consecutive sampled frames are linked by overlap into tracks and the
// boxes between are interpolated, so every frame of a track has a box to blur.
#include <QImage>
#include <filesystem>
#include <functional>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "core/media/VideoSource.h"
#include "core/util/Result.h"

namespace tacit::consent {

struct FaceDetection {
  cv::Rect box;          // pixels
  double confidence = 0; // 0..1 (from the cascade's stage weight)
};

struct FaceDetectOptions {
  std::filesystem::path cascade; // empty: defaultCascadePath()
  double scaleFactor = 1.1;
  int minNeighbors = 4;
  int minSizePx = 24;
  int every = 5;         // sample every Nth frame of a video
  double linkIou = 0.2;  // overlap that links detections of consecutive samples into a track
  double padding = 0.15; // grow boxes by this fraction on each side before blurring
};

std::filesystem::path defaultCascadePath(); // haarcascade_frontalface_default.xml from opencv-data

class FaceDetector {
public:
  static Result<std::unique_ptr<FaceDetector>> create(const FaceDetectOptions &options = {});
  ~FaceDetector();
  // Faces in one 8-bit image (RGB/BGR/grey).
  std::vector<FaceDetection> detect(const cv::Mat &image);
  std::vector<FaceDetection> detect(const QImage &image);
  const FaceDetectOptions &options() const { return m_options; }

private:
  FaceDetector() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  FaceDetectOptions m_options;
};

// One box on one frame of a tracked face.
struct TrackedBox {
  std::int64_t frame = 0;
  Timestamp ptsNs = 0;
  cv::Rect box;
  double confidence = 0;
  bool interpolated = false; // between two sampled frames
};
struct FaceTrack {
  int id = 0;
  std::vector<TrackedBox> boxes; // by frame, every frame from the first to the last detection
};
struct VideoFaceResult {
  std::vector<FaceTrack> tracks;
  std::vector<TrackedBox> detections; // raw detections on sampled frames
  std::int64_t framesChecked = 0, frameCount = 0;
  int width = 0, height = 0;
  bool cancelled = false;
};

// Runs the detector over a video. progress(fraction) returning false cancels (result.cancelled).
Result<VideoFaceResult> detectFacesInVideo(media::VideoSource &video, FaceDetector &detector,
                                           const std::function<bool(double)> &progress = {});

} // namespace tacit::consent
