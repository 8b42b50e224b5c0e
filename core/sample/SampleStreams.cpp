#include "core/sample/SampleStreams.h"

#include <array>
#include <cmath>
#include <cstdio>

#include "core/sample/CsvBuffer.h"
#include "core/sample/Rng.h"

namespace tacit::sample {

namespace {
constexpr int kPosDecimals = 9; // nm: finite differences of positions stay smooth
constexpr int kQuatDecimals = 12;
constexpr int kHandDecimals = 6; // um, like Aria MPS

void quaternionXyzw(CsvBuffer &csv, const Eigen::Matrix3d &R) {
  Eigen::Quaterniond q(R);
  q.normalize();
  if (q.w() < 0)
    q.coeffs() = -q.coeffs(); // one canonical sign keeps the CSV smooth
  csv.number(q.x(), kQuatDecimals);
  csv.number(q.y(), kQuatDecimals);
  csv.number(q.z(), kQuatDecimals);
  csv.number(q.w(), kQuatDecimals);
}

std::int64_t micros(Timestamp t) {
  return t >= 0 ? t / 1000 : -((-t + 999) / 1000);
}
} // namespace

std::vector<Timestamp> videoFrameTimes(const SceneScript &script, int fps) {
  const auto n = static_cast<std::int64_t>(std::floor(script.durationSeconds() * fps + 0.5));
  std::vector<Timestamp> out;
  out.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i)
    out.push_back(script.startNs() + (i * kNsPerSecond + fps / 2) / fps);
  return out;
}

std::vector<Timestamp> fixedRateTimes(const SceneScript &script, double hz, Timestamp offset) {
  std::vector<Timestamp> out;
  for (std::int64_t k = 0;; ++k) {
    const Timestamp t = script.startNs() + offset + static_cast<Timestamp>(std::llround(k * 1e9 / hz));
    if (t > script.endNs())
      break;
    out.push_back(t);
  }
  return out;
}

std::string imuCsv(const SceneScript &script, const SampleCalibration &cal, int hz, std::uint64_t seed,
                   const RowTiming &timing) {
  Rng rng(seed ^ 0x1A2B3C4D5E6F7081ull);
  CsvBuffer csv;
  const auto times = fixedRateTimes(script, hz, 0);
  csv.reserve(times.size() * 96 + 64);
  csv.line("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z");
  const Eigen::Matrix3d R_di = cal.T_device_imu.linear();
  const Eigen::Vector3d t_di = cal.T_device_imu.translation();
  const Eigen::Vector3d g(0, 0, -kGravity);
  for (std::size_t row = 0; row < times.size(); ++row) {
    const Timestamp t = times[row];
    const DeviceKinematics k = script.deviceKinematics(script.secondsOf(t));
    const Eigen::Matrix3d R_wd = k.T_world_device.linear();
    // The IMU sits at a lever arm from the device origin: a = a_dev + alpha x r + w x (w x r) (world).
    const Eigen::Vector3d w = R_wd * k.angularVelocityDevice;
    const Eigen::Vector3d alpha = R_wd * k.angularAccelerationDevice;
    const Eigen::Vector3d r = R_wd * t_di;
    const Eigen::Vector3d aImu = k.accelerationWorld + alpha.cross(r) + w.cross(w.cross(r));
    const Eigen::Matrix3d R_wi = R_wd * R_di;
    const Eigen::Vector3d accel = R_wi.transpose() * (aImu - g);
    const Eigen::Vector3d gyro = R_di.transpose() * k.angularVelocityDevice;
    std::array<double, 6> noise;
    for (double &n : noise)
      n = rng.gaussian(); // drawn for skipped rows too, so the kept rows keep their values
    if (!timing.missing.empty() && timing.skips(static_cast<std::int64_t>(row)))
      continue;
    csv.integer(t + timing.offsetNs);
    for (int i = 0; i < 3; ++i)
      csv.number(accel[i] + kImuAccelNoise * noise[i], 6);
    for (int i = 0; i < 3; ++i)
      csv.number(gyro[i] + kImuGyroNoise * noise[3 + i], 7);
    csv.endRow();
  }
  return csv.take();
}

std::string trajectoryCsv(const SceneScript &script, int hz, const std::string &graphUid, const RowTiming &timing) {
  CsvBuffer csv;
  const auto times = fixedRateTimes(script, hz, 0);
  csv.reserve(times.size() * 300 + 512);
  csv.line("graph_uid,tracking_timestamp_us,utc_timestamp_ns,tx_world_device,ty_world_device,tz_world_device,"
           "qx_world_device,qy_world_device,qz_world_device,qw_world_device,device_linear_velocity_x_device,"
           "device_linear_velocity_y_device,device_linear_velocity_z_device,angular_velocity_x_device,"
           "angular_velocity_y_device,angular_velocity_z_device,gravity_x_world,gravity_y_world,gravity_z_world,"
           "quality_score,geo_available,tx_ecef_device,ty_ecef_device,tz_ecef_device,qx_ecef_device,"
           "qy_ecef_device,qz_ecef_device,qw_ecef_device");
  for (Timestamp t : times) {
    const std::int64_t us = micros(t);
    // Evaluate at the microsecond actually written, so the file is self-consistent.
    const DeviceKinematics k = script.deviceKinematics(script.secondsOf(us * 1000));
    csv.text(graphUid);
    csv.integer(us + micros(timing.offsetNs));
    csv.integer(kSampleUtcEpochNs + (us * 1000 - script.startNs()));
    for (int i = 0; i < 3; ++i)
      csv.number(k.T_world_device.translation()[i], kPosDecimals);
    quaternionXyzw(csv, k.T_world_device.linear());
    const Eigen::Vector3d v = k.T_world_device.linear().transpose() * k.velocityWorld;
    for (int i = 0; i < 3; ++i)
      csv.number(v[i], 6);
    for (int i = 0; i < 3; ++i)
      csv.number(k.angularVelocityDevice[i], 6);
    csv.text("0.000000,0.000000,-9.810000,1.0,0,0.000000,0.000000,0.000000,0.000000000,0.000000000,0.000000000,"
             "1.000000000");
    csv.endRow();
  }
  return csv.take();
}

std::string handsCsv(const SceneScript &script, const std::vector<Timestamp> &times, std::uint64_t seed,
                     double jitterMm) {
  Rng rng(seed ^ 0x5DEECE66Dull);
  Rng jitterRng(seed * 0xE7037ED1A0B428DBull + 505);
  CsvBuffer csv;
  csv.reserve(times.size() * 1700 + 4096);
  std::string header = "tracking_timestamp_us";
  for (const char *side : {"left", "right"}) {
    header += std::string(",") + side + "_tracking_confidence";
    for (int i = 0; i < 21; ++i)
      for (const char *axis : {"tx", "ty", "tz"})
        header += std::string(",") + axis + "_" + side + "_landmark_" + std::to_string(i) + "_device";
  }
  for (const char *side : {"left", "right"})
    for (const char *c : {"tx", "ty", "tz", "qx", "qy", "qz", "qw"})
      header += std::string(",") + c + "_" + side + "_device_wrist";
  for (const char *side : {"left", "right"})
    for (const char *part : {"palm", "wrist"})
      for (const char *axis : {"nx", "ny", "nz"})
        header += std::string(",") + axis + "_" + side + "_" + part + "_device";
  csv.line(header);

  for (Timestamp t : times) {
    SceneState st = script.stateAt(script.secondsOf(t));
    if (jitterMm > 0)
      for (HandState &h : st.hands) {
        const Eigen::Vector3d noise(jitterRng.gaussian(), jitterRng.gaussian(), jitterRng.gaussian());
        h.T_world_wrist.translation() += 1e-3 * jitterMm * noise;
        for (auto &p : h.landmarksWorld)
          p += 1e-3 * jitterMm * noise;
      }
    const Eigen::Isometry3d T_device_world = st.T_world_device.inverse();
    csv.integer(micros(t));
    std::array<double, 2> confidence{};
    for (int s = 0; s < 2; ++s)
      confidence[s] = 0.9 + 0.09 * rng.uniform();
    for (int s = 0; s < 2; ++s) {
      const HandState &h = st.hands[s];
      if (!h.tracked) {
        csv.text("-1.0");
        for (int i = 0; i < 63; ++i)
          csv.text("0");
        continue;
      }
      csv.number(confidence[s], 6);
      for (const auto &p : h.landmarksWorld) {
        const Eigen::Vector3d d = T_device_world * p;
        for (int i = 0; i < 3; ++i)
          csv.number(d[i], kHandDecimals);
      }
    }
    for (int s = 0; s < 2; ++s) {
      const HandState &h = st.hands[s];
      if (!h.tracked) {
        csv.text("0,0,0,0,0,0,1");
        continue;
      }
      const Eigen::Isometry3d T = T_device_world * h.T_world_wrist;
      for (int i = 0; i < 3; ++i)
        csv.number(T.translation()[i], kHandDecimals);
      quaternionXyzw(csv, T.linear());
    }
    for (int s = 0; s < 2; ++s) {
      const HandState &h = st.hands[s];
      const Eigen::Vector3d n = (T_device_world.linear() * h.T_world_wrist.linear()) * palmNormalInHandFrame();
      for (int part = 0; part < 2; ++part)
        for (int i = 0; i < 3; ++i) {
          if (h.tracked)
            csv.number(n[i], kHandDecimals);
          else
            csv.text("0");
        }
    }
    csv.endRow();
  }
  return csv.take();
}

std::string gazeCsv(const SceneScript &script, const SampleCalibration &cal, const std::vector<Timestamp> &times,
                    const std::string &sessionUid, std::uint64_t seed) {
  Rng rng(seed ^ 0xC0FFEE1234ull);
  CsvBuffer csv;
  csv.reserve(times.size() * 260 + 512);
  csv.line("tracking_timestamp_us,left_yaw_rads_cpf,right_yaw_rads_cpf,pitch_rads_cpf,depth_m,left_yaw_low_rads_cpf,"
           "right_yaw_low_rads_cpf,pitch_low_rads_cpf,left_yaw_high_rads_cpf,right_yaw_high_rads_cpf,"
           "pitch_high_rads_cpf,tx_left_eye_cpf,ty_left_eye_cpf,tz_left_eye_cpf,tx_right_eye_cpf,ty_right_eye_cpf,"
           "tz_right_eye_cpf,session_uid");
  constexpr double kHalfIpd = 0.0315, kSpread = 0.04;
  for (Timestamp t : times) {
    const std::int64_t us = micros(t);
    const SceneState st = script.stateAt(script.secondsOf(us * 1000));
    const Eigen::Vector3d p = (st.T_world_device * cal.T_device_cpf).inverse() * st.gazeTargetWorld;
    const double jitterYaw = 0.003 * rng.gaussian(), jitterPitch = 0.003 * rng.gaussian();
    const double yl = std::atan2(p.x() - kHalfIpd, p.z()) + jitterYaw;
    const double yr = std::atan2(p.x() + kHalfIpd, p.z()) + jitterYaw;
    const double pitch = std::atan2(p.y(), p.z()) + jitterPitch;
    csv.integer(us);
    csv.number(yl, 9);
    csv.number(yr, 9);
    csv.number(pitch, 9);
    csv.number(std::min(4.0, p.norm()), 9);
    csv.number(yl - kSpread, 9);
    csv.number(yr - kSpread, 9);
    csv.number(pitch - kSpread, 9);
    csv.number(yl + kSpread, 9);
    csv.number(yr + kSpread, 9);
    csv.number(pitch + kSpread, 9);
    csv.text("0.0315,0.0,0.0,-0.0315,0.0,0.0");
    csv.text(sessionUid);
    csv.endRow();
  }
  return csv.take();
}

std::string uuidFromSeed(std::uint64_t seed, std::uint64_t salt) {
  Rng rng(seed * 0x9E3779B97F4A7C15ull + salt);
  std::uint64_t hi = rng.next(), lo = rng.next();
  hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull; // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull; // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  return buf;
}

} // namespace tacit::sample
