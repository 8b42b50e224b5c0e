#pragma once
// `tacit-cli import video`: any video FFmpeg reads plus optional IMU / hand CSV sidecars whose
// headers may differ (--map-column ours=theirs) -> native recording folder.
#include <filesystem>
#include <map>
#include <string>

#include "core/import/AriaImporter.h"

namespace tacit::import {

struct VideoImportOptions {
  std::filesystem::path video, imu, hands, out;
  double fpsHint = 0;                           // > 0: re-time a video without usable timestamps
  std::string camera;                           // "pinhole:fx,fy,cx,cy" | "kb4:..." | "fisheye624:..."
  std::map<std::string, std::string> columnMap; // ours -> theirs, applies to every sidecar
  std::string timeUnit = "";                    // sidecar timestamp unit: ns|us|ms|s ("" = native)
  std::string task, workerId, workerName, site;
  Progress progress;
};

Result<ImportSummary> importVideo(const VideoImportOptions &options);

// "pinhole:fx,fy,cx,cy" -> camera model for a width x height video.
Result<std::shared_ptr<const geometry::CameraModel>> parseCameraSpec(const std::string &spec, int width, int height);

} // namespace tacit::import
