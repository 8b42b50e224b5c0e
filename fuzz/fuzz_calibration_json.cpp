// calibration.json (RecordingReader::parseCalibration), then every camera model it builds projects
// and unprojects a few points (the models validate their parameters at construction).
#include "core/recording/RecordingReader.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  tacit::fuzz::quietLogs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  auto calibration = tacit::RecordingReader::parseCalibration(text, "rec/calibration.json");
  tacit::fuzz::checkFailure(calibration, "rec/calibration.json");
  if (!calibration)
    return 0;
  for (const auto &[name, camera] : calibration->cameras) {
    if (!camera.model)
      continue;
    for (const Eigen::Vector3d &p :
         {Eigen::Vector3d(0, 0, 1), Eigen::Vector3d(0.3, -0.2, 1), Eigen::Vector3d(1, 1, 0.01)})
      if (auto px = camera.model->project(p))
        (void)camera.model->unproject(*px);
  }
  return 0;
}
