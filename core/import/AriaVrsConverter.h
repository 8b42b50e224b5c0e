#pragma once
// Converts the streams of an Aria VRS recording Tacit uses into native recording files:
// RGB (214-1) -> rgb.mov (JPEG payloads copied as MJPEG, Gen2 H.264/HEVC video blocks copied as
// H.264/HEVC, raw/PNG re-encoded as JPEG; one picture per data record, pts =
// capture_timestamp_ns on the device clock), IMU (1202-1, imu-right, 1 kHz) -> imu.csv, and the
// factory calibration from the calib_json file tag. Never writes next to the source.
#include <filesystem>
#include <optional>
#include <vector>

#include "core/import/AriaCalibration.h"
#include "core/import/ImportTypes.h"
#include "core/import/VrsReader.h"
#include "core/recording/RecordingManifest.h"

namespace tacit::import {

struct VrsConversion {
  std::vector<StreamDescriptor> streams; // "rgb" (video) and, when present, "imu"
  std::optional<aria::DeviceCalibration> calibration;
  int rgbWidth = 0, rgbHeight = 0;
  std::int64_t rgbFrames = 0, imuSamples = 0;
  Timestamp firstFrameNs = 0;
  std::string device, startedAt;
};

// Writes into `folder` (an existing staging folder). A truncated file, a missing RGB stream or an
// undecodable first picture is an error.
Result<VrsConversion> convertAriaVrs(const vrs::Reader &reader, const std::filesystem::path &folder,
                                     const Progress &progress = {});

} // namespace tacit::import
