// Aria calibration: the factory calib.json (parseDeviceCalibration -> toCameraCalibration for every
// camera at its native and its halved size) and the same bytes as MPS online_calibration.jsonl.
#include "core/import/AriaCalibration.h"
#include "fuzz/FuzzSupport.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  return 0;
}

static void useCameras(const aria::DeviceCalibration &calibration, const std::string &src) {
  for (const auto &camera : calibration.cameras) {
    const auto [w, h] = aria::nativeResolution(camera.label);
    for (const auto &[sw, sh] : {std::pair{w, h}, std::pair{w / 2, h / 2}, std::pair{1408, 1408}}) {
      auto cc = aria::toCameraCalibration(camera, camera.label, sw, sh, src);
      fuzz::checkFailure(cc, src);
      if (cc && cc->model)
        if (auto px = cc->model->project(Eigen::Vector3d(0.1, 0.2, 1.0)))
          (void)cc->model->unproject(*px);
    }
  }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  auto factory = aria::parseDeviceCalibration(text, "calib.json");
  fuzz::checkFailure(factory, "calib.json");
  if (factory)
    useCameras(*factory, "calib.json");
  auto online = aria::readOnlineCalibration(fuzz::writeScratch("online_calibration.jsonl", data, size));
  fuzz::checkFailure(online, "online_calibration.jsonl");
  if (online)
    for (const auto &entry : *online)
      useCameras(entry.calibration, "online_calibration.jsonl");
  return 0;
}
