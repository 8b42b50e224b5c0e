#pragma once
// Opens everything a review window shows from a recording folder (or a plain video file) in one go:
// manifest, sensor series, derived hand speed, and the video/depth sources with their frame indexes
// (the first open of a long video builds its index: seconds). Pure function, no widgets: run it on a
// worker thread and hand the result to the GUI thread.
#include <QSize>
#include <QString>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/media/VideoSource.h"
#include "core/recording/RecordingManifest.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"
#include "core/util/Result.h"

namespace tacit {

struct LoadedMedia {
  std::string streamId;
  bool depth = false;
  std::string camera; // calibration camera name
  int rotationDeg = 0;
  QSize size;
  std::vector<Timestamp> times; // per frame, manifest offset included (the stream's own clock)
  std::unique_ptr<media::VideoSource> source;
};

struct LoadedSeries {
  std::string streamId;
  Timestamp manifestOffset = 0; // already applied by the loader to all sample times
};

struct LoadedRecording {
  QString sourcePath;
  bool plainVideo = false;
  RecordingManifest manifest;
  std::vector<LoadedMedia> media; // colour video first, then depth
  std::shared_ptr<const series::ImuSeries> imu;
  std::shared_ptr<const series::HandSeries> hands;
  std::shared_ptr<const series::TrajectorySeries> trajectory;
  std::shared_ptr<const series::GazeSeries> gaze;
  // Wrist speed (m/s) per hand sample: channels "left", "right"; NaN where a hand is missing.
  std::shared_ptr<const series::Series> handSpeed;
  std::string imuId, handsId, trajectoryId, gazeId;
  TimeRange range; // union of all streams
  std::vector<std::string> warnings;

  const LoadedMedia *video() const;
  const LoadedMedia *depth() const;
};

// fraction in [0,1] and a short stage name; return false to cancel.
using LoadProgress = std::function<bool(double fraction, const std::string &stage)>;

Result<std::unique_ptr<LoadedRecording>> loadRecording(const std::string &path, const LoadProgress &progress = {});

// Wrist speed from hand samples (exposed for tests).
series::Series handSpeedSeries(const series::HandSeries &hands);

} // namespace tacit
