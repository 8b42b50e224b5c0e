#include "core/import/AriaCalibration.h"

#include <climits>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/geometry/CameraRescale.h"
#include "core/recording/JsonValidator.h"

namespace tacit::aria {

using nlohmann::json;

namespace {

// Aria writes transforms as {"Translation":[x,y,z], "UnitQuaternion":[w,[x,y,z]]}.
bool parseRigid(const json &j, Rigid &out) {
  if (!j.is_object() || !j.contains("Translation") || !j.contains("UnitQuaternion"))
    return false;
  const json &t = j["Translation"], &q = j["UnitQuaternion"];
  if (!t.is_array() || t.size() != 3 || !q.is_array() || q.size() != 2 || !q[0].is_number() || !q[1].is_array() ||
      q[1].size() != 3)
    return false;
  for (int i = 0; i < 3; ++i) {
    if (!t[i].is_number() || !q[1][i].is_number())
      return false;
    out.translation[i] = t[i].get<double>();
  }
  out.rotation =
      Eigen::Quaterniond(q[0].get<double>(), q[1][0].get<double>(), q[1][1].get<double>(), q[1][2].get<double>());
  if (out.rotation.norm() < 1e-9)
    return false;
  out.rotation.normalize();
  return true;
}

// A string member, or "" when it is missing or not a string (json::value would throw on a number).
std::string stringOr(const json &obj, const char *key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<DeviceCalibration> parseObject(const json &root, const std::string &src) {
  using R = Result<DeviceCalibration>;
  if (!root.is_object())
    return R::failure(src + ": calibration is not a JSON object");
  DeviceCalibration dc;
  dc.source = stringOr(root, "CalibrationSource");
  auto sensors = [&](const char *key, const char *poseKey, std::vector<SensorCalibration> &out) -> std::string {
    if (!root.contains(key))
      return {};
    if (!root[key].is_array())
      return std::string(key) + " is not an array";
    for (const json &c : root[key]) {
      SensorCalibration s;
      if (!c.is_object() || !c.contains("Label") || !c["Label"].is_string())
        return std::string(key) + " entry without Label";
      s.label = c["Label"].get<std::string>();
      if (c.contains("SerialNumber") && c["SerialNumber"].is_string())
        s.serial = c["SerialNumber"].get<std::string>();
      if (!parseRigid(c.value(poseKey, json()), s.T_device_sensor))
        return s.label + ": " + poseKey + " is missing or malformed";
      if (c.contains("Projection")) {
        const json &p = c["Projection"];
        if (!p.is_object() || !p.contains("Params") || !p["Params"].is_array())
          return s.label + ": Projection.Params is missing";
        s.projection = stringOr(p, "Name");
        for (const json &v : p["Params"]) {
          if (!v.is_number())
            return s.label + ": Projection.Params has a non-number";
          s.params.push_back(v.get<double>());
        }
      }
      out.push_back(std::move(s));
    }
    return {};
  };
  if (auto e = sensors("CameraCalibrations", "T_Device_Camera", dc.cameras); !e.empty())
    return R::failure(src + ": " + e);
  if (auto e = sensors("ImuCalibrations", "T_Device_Imu", dc.imus); !e.empty())
    return R::failure(src + ": " + e);
  if (dc.cameras.empty())
    return R::failure(src + ": no CameraCalibrations");
  return dc;
}

} // namespace

const SensorCalibration *DeviceCalibration::camera(const std::string &label) const {
  for (const auto &c : cameras)
    if (c.label == label)
      return &c;
  return nullptr;
}

const SensorCalibration *DeviceCalibration::imu(const std::string &label) const {
  for (const auto &c : imus)
    if (c.label == label)
      return &c;
  return nullptr;
}

Result<DeviceCalibration> parseDeviceCalibration(const std::string &text, const std::string &src) {
  auto root = recording::parseJsonText(text, src);
  if (!root)
    return Result<DeviceCalibration>::failure(root.error());
  return parseObject(*root, src);
}

Result<std::vector<OnlineCalibrationEntry>> readOnlineCalibration(const std::filesystem::path &path) {
  using R = Result<std::vector<OnlineCalibrationEntry>>;
  const std::string name = path.filename().string();
  std::ifstream in(path);
  if (!in)
    return R::failure(name + ": cannot open");
  std::vector<OnlineCalibrationEntry> out;
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    const std::string where = name + ": line " + std::to_string(lineNo);
    auto parsed = recording::parseJsonText(line, where);
    if (!parsed)
      return R::failure(parsed.error());
    const json &j = *parsed;
    if (!j.is_object())
      return R::failure(where + ": not a JSON object");
    if (!j.contains("tracking_timestamp_us") || !j["tracking_timestamp_us"].is_number_integer() ||
        std::llabs(j["tracking_timestamp_us"].get<std::int64_t>()) > INT64_MAX / kNsPerUs)
      return R::failure(where + ": tracking_timestamp_us is missing or out of range");
    auto calib = parseObject(j, where);
    if (!calib)
      return R::failure(calib.error());
    OnlineCalibrationEntry e;
    e.trackingTimeNs = j["tracking_timestamp_us"].get<std::int64_t>() * kNsPerUs;
    if (j.contains("utc_timestamp_ns") && j["utc_timestamp_ns"].is_number_integer())
      e.utcTimestampNs = j["utc_timestamp_ns"].get<std::int64_t>();
    e.calibration = calib.takeValue();
    e.calibration.source = "online";
    out.push_back(std::move(e));
  }
  if (out.empty())
    return R::failure(name + ": no calibration lines");
  return out;
}

std::pair<int, int> nativeResolution(const std::string &label) {
  if (label == "camera-rgb")
    return {geometry::kAriaRgbFullSize, geometry::kAriaRgbFullSize};
  return {640, 480}; // SLAM and eye-tracking cameras
}

Result<CameraCalibration> toCameraCalibration(const SensorCalibration &s, const std::string &name, int width,
                                              int height, const std::string &src) {
  using R = Result<CameraCalibration>;
  geometry::CameraModelKind kind;
  if (s.projection == "FisheyeRadTanThinPrism" || s.projection == "Fisheye624")
    kind = geometry::CameraModelKind::Fisheye624;
  else if (s.projection == "KannalaBrandtK3")
    kind = geometry::CameraModelKind::KannalaBrandt4;
  else if (s.projection == "Pinhole" || s.projection == "Linear")
    kind = geometry::CameraModelKind::Pinhole;
  else
    return R::failure(src + ": " + s.label + ": projection model '" + s.projection + "' is not supported");
  auto [nw, nh] = nativeResolution(s.label);
  auto model = geometry::makeCameraModel(kind, nw, nh, s.params);
  if (!model)
    return R::failure(src + ": " + s.label + ": " + std::to_string(s.params.size()) + " parameters do not fit " +
                      s.projection);
  std::unique_ptr<geometry::CameraModel> fitted;
  if (width == nw && height == nh)
    fitted = std::move(model);
  else if (s.label == "camera-rgb" && width == geometry::kAriaRgbHalfSize && height == geometry::kAriaRgbHalfSize)
    fitted = geometry::ariaRgbRescaleTo1408(*model);
  else if (width * 2 == nw && height * 2 == nh)
    fitted = geometry::rescaleCamera(*model, width, height, 0.5);
  if (!fitted)
    return R::failure(src + ": " + s.label + ": calibrated for " + std::to_string(nw) + "x" + std::to_string(nh) +
                      ", no supported rescale to the stream's " + std::to_string(width) + "x" + std::to_string(height));
  CameraCalibration cc;
  cc.name = name;
  cc.model = std::shared_ptr<const geometry::CameraModel>(std::move(fitted));
  cc.T_device_camera = s.T_device_sensor;
  return cc;
}

} // namespace tacit::aria
