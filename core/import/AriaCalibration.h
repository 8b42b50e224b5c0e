#pragma once
// Project Aria calibration JSON: the factory device calibration (file tag calib_json in a VRS, or a
// standalone calib.json; FORMATS §1.9) and MPS online_calibration.jsonl (§1.8), converted to Tacit
// camera models with the Aria resolution rules (§1.10: RGB 2880 -> 1408 crop 32 + halve; ET /2).
#include <filesystem>
#include <string>
#include <vector>

#include "core/recording/RecordingManifest.h"
#include "core/time/Timestamp.h"
#include "core/util/Result.h"

namespace tacit::aria {

struct SensorCalibration {
  std::string label; // "camera-rgb", "camera-slam-left", "imu-right" ...
  std::string serial;
  std::string projection; // "FisheyeRadTanThinPrism", "KannalaBrandtK3" (cameras only)
  std::vector<double> params;
  Rigid T_device_sensor; // T_Device_Camera / T_Device_Imu
};

struct DeviceCalibration {
  std::string source; // "Factory", "online"
  std::vector<SensorCalibration> cameras;
  std::vector<SensorCalibration> imus;
  const SensorCalibration *camera(const std::string &label) const;
  const SensorCalibration *imu(const std::string &label) const;
};

struct OnlineCalibrationEntry {
  Timestamp trackingTimeNs = 0;     // device clock (tracking_timestamp_us x 1000)
  std::int64_t utcTimestampNs = -1; // -1 when unavailable
  DeviceCalibration calibration;
};

// `sourceName` names the file in error messages ("calib.json", "recording.vrs: tag calib_json").
Result<DeviceCalibration> parseDeviceCalibration(const std::string &json, const std::string &sourceName);
// Every line of online_calibration.jsonl; an unreadable line is an error naming the line.
Result<std::vector<OnlineCalibrationEntry>> readOnlineCalibration(const std::filesystem::path &path);

// The calibrated resolution Aria uses for a camera label (RGB 2880, SLAM/ET 640x480).
std::pair<int, int> nativeResolution(const std::string &label);
// Tacit camera named `name` for an image stream of width x height: picks the model from the
// projection name and applies the supported Aria rescales. Errors name sourceName.
Result<CameraCalibration> toCameraCalibration(const SensorCalibration &sensor, const std::string &name, int width,
                                              int height, const std::string &sourceName);

} // namespace tacit::aria
