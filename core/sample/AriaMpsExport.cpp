#include "core/sample/AriaMpsExport.h"

#include <nlohmann/json.hpp>

#include "core/util/AtomicFile.h"

namespace tacit::sample {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

// Aria's transform serialisation: {"Translation":[x,y,z], "UnitQuaternion":[w,[x,y,z]]}.
ordered_json ariaPose(const Eigen::Isometry3d &T) {
  const Eigen::Quaterniond q = Eigen::Quaterniond(T.linear()).normalized();
  const Eigen::Vector3d t = T.translation();
  return {{"Translation", {t.x(), t.y(), t.z()}}, {"UnitQuaternion", {q.w(), {q.x(), q.y(), q.z()}}}};
}

} // namespace

Result<std::string> ariaFactoryCalibrationJson(const SampleOptions &o) {
  using R = Result<std::string>;
  if (o.width != 1408 || o.height != 1408)
    return R::failure("Aria factory calibration: the sample must be 1408x1408 (Aria's RGB stream size), got " +
                      std::to_string(o.width) + "x" + std::to_string(o.height));
  auto cal = SampleCalibration::make(o);
  if (!cal)
    return R::failure(cal.error());
  ordered_json rgb;
  rgb["Calibrated"] = true;
  rgb["Label"] = "camera-rgb";
  rgb["Projection"] = {{"Description", "see FisheyeRadTanThinPrism.h"},
                       {"Name", "FisheyeRadTanThinPrism"},
                       {"Params", SampleCalibration::ariaRgbFactoryParams()}};
  rgb["SerialNumber"] = "synthetic-rgb";
  rgb["T_Device_Camera"] = ariaPose(cal->T_device_rgb);
  ordered_json imu;
  imu["Calibrated"] = true;
  imu["Label"] = "imu-right";
  imu["SerialNumber"] = "synthetic-imu";
  imu["T_Device_Imu"] = ariaPose(cal->T_device_imu);
  ordered_json root;
  root["CalibrationSource"] = "Factory";
  root["CameraCalibrations"] = ordered_json::array({rgb});
  root["DeviceClassInfo"] = {{"BuildVersion", "SimulatedDevice"}, {"DeviceClass", "Aria"}};
  root["ImuCalibrations"] = ordered_json::array({imu});
  root["Serial"] = "SYNTHETIC";
  return root.dump(2);
}

Status writeAriaMpsExport(const SampleOptions &o, const fs::path &sampleFolder, const fs::path &mpsDir,
                          const fs::path &calibrationJson) {
  auto calib = ariaFactoryCalibrationJson(o);
  if (!calib)
    return Status::failure(calib.error());
  const std::pair<const char *, const char *> files[] = {
      {"hands.csv", "hand_tracking/hand_tracking_results.csv"},
      {"trajectory.csv", "slam/closed_loop_trajectory.csv"},
      {"gaze.csv", "eye_gaze/general_eye_gaze.csv"},
  };
  std::error_code ec;
  for (const auto &[from, to] : files) {
    const fs::path target = mpsDir / to;
    fs::create_directories(target.parent_path(), ec);
    if (ec)
      return Status::failure(target.parent_path().generic_string() + ": cannot create folder: " + ec.message());
    fs::copy_file(sampleFolder / from, target, fs::copy_options::overwrite_existing, ec);
    if (ec)
      return Status::failure((sampleFolder / from).generic_string() + ": cannot copy to " + target.generic_string() +
                             ": " + ec.message());
  }
  return writeFileAtomically(calibrationJson, *calib);
}

} // namespace tacit::sample
