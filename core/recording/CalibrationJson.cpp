#include "core/recording/CalibrationJson.h"

#include <cmath>

namespace tacit::recording {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {
// Quaternions are written with 17 significant digits; anything further from unit length than
// this was not meant to be a rotation.
constexpr double kUnitQuaternionTolerance = 1e-3;

CameraCalibration cameraFromJson(const std::string &name, const json &value, const std::string &path,
                                 const JsonValidator &check) {
  check.object(value, path);
  CameraCalibration camera;
  camera.name = name;

  const std::string modelPath = JsonValidator::child(path, "model");
  const json &modelValue = check.required(value, path, "model");
  const std::string modelName = check.string(modelValue, modelPath, true);
  const auto kind = geometry::cameraModelFromName(modelName);
  if (!kind)
    check.fail(modelPath, "expected one of pinhole, kb4, fisheye624, got " + json(modelName).dump());

  int size[2] = {0, 0};
  const char *sizeKeys[2] = {"width", "height"};
  for (int i = 0; i < 2; ++i) {
    const std::string p = JsonValidator::child(path, sizeKeys[i]);
    const auto v = check.integer(check.required(value, path, sizeKeys[i]), p);
    if (v <= 0 || v > 65536)
      check.fail(p, "expected an integer in 1..65536, got " + std::to_string(v));
    size[i] = static_cast<int>(v);
  }

  const std::string paramsPath = JsonValidator::child(path, "params");
  auto params = check.numbers(check.required(value, path, "params"), paramsPath);
  if (auto problem = geometry::cameraParamsProblem(*kind, size[0], size[1], params); !problem.empty())
    check.fail(paramsPath, problem);
  camera.model = geometry::makeCameraModel(*kind, size[0], size[1], std::move(params));

  if (const json *t = JsonValidator::optional(value, "T_device_camera"))
    camera.T_device_camera = rigidFromJson(*t, JsonValidator::child(path, "T_device_camera"), check);
  return camera;
}
} // namespace

Rigid rigidFromJson(const json &value, const std::string &path, const JsonValidator &check) {
  check.object(value, path);
  const std::string qPath = JsonValidator::child(path, "rotation_xyzw");
  const auto q = check.numbers(check.required(value, path, "rotation_xyzw"), qPath, 4);
  const double norm = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  if (std::abs(norm - 1.0) > kUnitQuaternionTolerance)
    check.fail(qPath, "expected a unit quaternion [x, y, z, w], got norm " + json(norm).dump());
  const std::string tPath = JsonValidator::child(path, "translation");
  const auto t = check.numbers(check.required(value, path, "translation"), tPath, 3);
  return Rigid::fromTranslationXyzw(Eigen::Vector3d(t[0], t[1], t[2]), q[0], q[1], q[2], q[3]);
}

Calibration calibrationFromJson(const json &root, const JsonValidator &check) {
  check.object(root, "$");
  Calibration calibration;
  if (const json *version = JsonValidator::optional(root, "version")) {
    const auto v = check.integer(*version, "$.version");
    if (v != 1)
      check.fail("$.version", "unsupported version " + std::to_string(v) + "; this build reads version 1");
  }
  const json &cameras = check.object(check.required(root, "$", "cameras"), "$.cameras");
  for (const auto &[name, value] : cameras.items()) {
    const std::string path = JsonValidator::child("$.cameras", name);
    if (name.empty())
      check.fail(path, "camera names must not be empty");
    calibration.cameras.emplace(name, cameraFromJson(name, value, path, check));
  }
  if (const json *imu = JsonValidator::optional(root, "imu")) {
    check.object(*imu, "$.imu");
    if (const json *t = JsonValidator::optional(*imu, "T_device_imu"))
      calibration.T_device_imu = rigidFromJson(*t, "$.imu.T_device_imu", check);
  }
  return calibration;
}

ordered_json rigidToJson(const Rigid &rigid) {
  const auto &q = rigid.rotation;
  ordered_json out;
  out["rotation_xyzw"] = {q.x(), q.y(), q.z(), q.w()};
  out["translation"] = {rigid.translation.x(), rigid.translation.y(), rigid.translation.z()};
  return out;
}

ordered_json calibrationToJson(const Calibration &calibration) {
  ordered_json root;
  root["version"] = 1;
  ordered_json cameras = ordered_json::object();
  for (const auto &[name, camera] : calibration.cameras) { // std::map: sorted, deterministic
    ordered_json c;
    if (camera.model) {
      c["model"] = geometry::cameraModelName(camera.model->kind());
      c["width"] = camera.model->width();
      c["height"] = camera.model->height();
      c["params"] = camera.model->params();
    }
    c["T_device_camera"] = rigidToJson(camera.T_device_camera);
    cameras[name] = std::move(c);
  }
  root["cameras"] = std::move(cameras);
  root["imu"] = {{"T_device_imu", rigidToJson(calibration.T_device_imu)}};
  return root;
}

} // namespace tacit::recording
