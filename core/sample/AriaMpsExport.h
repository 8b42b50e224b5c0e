#pragma once
// Re-exports a generated sample in Project Aria's own formats, so the Aria importer can be checked
// against the sample's truth: the sample's hands.csv, trajectory.csv and gaze.csv already use the
// exact MPS columns (FORMATS §1.3, §1.6, §1.5 variant 3) and are laid out as an MPS output folder
// (§1.1); the calibration is written as an Aria factory calibration JSON (§1.9) with camera-rgb at
// its native 2880x2880 (the importer's 2880 -> 1408 rule gives back the sample's rgb model).
#include <filesystem>
#include <string>

#include "core/sample/SampleCalibration.h"
#include "core/util/Result.h"

namespace tacit::sample {

// Factory calibration JSON of the synthetic device: camera-rgb (FisheyeRadTanThinPrism at
// 2880x2880, T_Device_Camera) and imu-right (T_Device_Imu). Only 1408x1408 samples have an exact
// Aria RGB calibration; other sizes fail.
Result<std::string> ariaFactoryCalibrationJson(const SampleOptions &options);

// Writes mpsDir/{hand_tracking/hand_tracking_results.csv, slam/closed_loop_trajectory.csv,
// eye_gaze/general_eye_gaze.csv} from the sample in `sampleFolder` and the factory calibration to
// `calibrationJson`. `options` must be the ones the sample was generated with.
Status writeAriaMpsExport(const SampleOptions &options, const std::filesystem::path &sampleFolder,
                          const std::filesystem::path &mpsDir, const std::filesystem::path &calibrationJson);

} // namespace tacit::sample
