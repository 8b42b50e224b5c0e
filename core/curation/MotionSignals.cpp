#include "core/curation/MotionSignals.h"

#include <Eigen/Geometry>
#include <cmath>
#include <limits>

#include "core/curation/SignalMath.h"
#include "core/curation/StreamTiming.h"

namespace tacit::curation {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Filters x over each run of finite values (runs shorter than minRun stay NaN) and returns the
// filtered signal plus its first derivative.
// Derivative over finite runs; `trim` samples at each run end become NaN (edge effects).
std::vector<double> runDerivative(const std::vector<double> &x, double dt, std::size_t trim) {
  std::vector<double> out(x.size(), kNaN);
  for (const Run &r : runsWhere(x.size(), [&](std::size_t i) { return std::isfinite(x[i]); })) {
    if (r.length() < 2 * trim + 3)
      continue;
    std::vector<double> part(x.begin() + static_cast<std::ptrdiff_t>(r.begin),
                             x.begin() + static_cast<std::ptrdiff_t>(r.end));
    const auto d = derivative(part, dt);
    for (std::size_t i = trim; i + trim < d.size(); ++i)
      out[r.begin + i] = d[i];
  }
  return out;
}

// Bridges NaN gaps of at most maxGap samples linearly (gaps touching an end stay).
void bridge(std::vector<double> &x, std::size_t maxGap) {
  for (const Run &r : runsWhere(x.size(), [&](std::size_t i) { return !std::isfinite(x[i]); })) {
    if (r.begin == 0 || r.end >= x.size() || r.length() > maxGap)
      continue;
    const double a = x[r.begin - 1], b = x[r.end];
    for (std::size_t i = r.begin; i < r.end; ++i)
      x[i] = a + (b - a) * static_cast<double>(i - r.begin + 1) / static_cast<double>(r.length() + 1);
  }
}

std::vector<double> norm3(const std::array<std::vector<double>, 3> &v) {
  std::vector<double> out(v[0].size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = std::sqrt(v[0][i] * v[0][i] + v[1][i] * v[1][i] + v[2][i] * v[2][i]);
  return out;
}

} // namespace

std::size_t MotionSignals::indexAt(Timestamp t) const {
  if (dt <= 0 || t <= t0)
    return 0;
  return std::min(n, static_cast<std::size_t>((t - t0 + dt - 1) / dt));
}

MotionSignals computeMotion(const RecordingSignals &sig, const MotionOptions &o) {
  MotionSignals m;
  const TimeRange span = sig.span();
  if (span.empty())
    return m;
  const Timestamp handOffset = sig.offsetOf(sig.handStream);
  if (sig.hands && sig.hands->size() > 2) {
    m.dt = std::max<Timestamp>(kNsPerMs, medianInterval(sig.hands->series().times()));
    m.t0 = sig.hands->series().timeAt(0) + handOffset;
    m.n = static_cast<std::size_t>((sig.hands->series().times().back() + handOffset - m.t0) / m.dt) + 1;
  } else {
    m.dt = static_cast<Timestamp>(1e9 / o.defaultRateHz);
    m.t0 = span.begin;
    m.n = static_cast<std::size_t>(span.duration() / m.dt) + 1;
  }
  const double rate = m.rateHz(), dt = 1.0 / rate;
  const std::size_t n = m.n;

  if (sig.hands && sig.hands->size() > 2) {
    m.hasHands = true;
    m.worldFrame = sig.trajectory && sig.trajectory->size() > 1;
    const auto &times = sig.hands->series().times();
    const Timestamp trajOffset = sig.offsetOf(sig.trajectoryStream);
    for (int side = 0; side < 2; ++side) {
      HandTrack &h = m.hands[static_cast<std::size_t>(side)];
      h.tracked.assign(n, false);
      std::array<std::vector<double>, 3> raw;
      for (auto &r : raw)
        r.assign(n, kNaN);
      std::vector<double> aperture(n, kNaN);
      std::size_t j = 0;
      for (std::size_t k = 0; k < n; ++k) {
        const Timestamp t = m.time(k) - handOffset;
        while (j + 1 < times.size() && std::llabs(times[j + 1] - t) <= std::llabs(times[j] - t))
          ++j;
        if (std::llabs(times[j] - t) > m.dt / 2)
          continue;
        const series::HandPose p = sig.hands->sampleAt(j, static_cast<series::HandSide>(side));
        if (!(p.confidence >= o.minHandConfidence))
          continue;
        Eigen::Vector3d w = p.wristPosition.cast<double>();
        if (m.worldFrame) {
          const auto pose = sig.trajectory->interpolatePoseAt(times[j] + handOffset - trajOffset);
          if (!pose)
            continue;
          w = pose->apply(w);
        }
        h.tracked[k] = true;
        for (int a = 0; a < 3; ++a)
          raw[static_cast<std::size_t>(a)][k] = w[a];
        if (p.hasLandmarks) {
          double sum = 0;
          for (int f = 0; f < 5; ++f)
            sum += (p.landmarks[static_cast<std::size_t>(f)] - p.palmPosition).norm();
          aperture[k] = sum / 5;
        }
      }
      const auto fill = static_cast<std::size_t>(std::lround(o.fillGapSec * rate));
      const std::size_t minRun = std::max<std::size_t>(8, static_cast<std::size_t>(0.3 * rate));
      std::array<std::vector<double>, 3> pos, vel, acc, jerk;
      for (int a = 0; a < 3; ++a) {
        auto &r = raw[static_cast<std::size_t>(a)];
        bridge(r, fill);
        pos[a] = filteredRuns(r, rate, o.positionCutoffHz, minRun);
        vel[a] = runDerivative(pos[a], dt, 1);
        acc[a] = runDerivative(vel[a], dt, 1);
        jerk[a] = runDerivative(acc[a], dt, 1);
      }
      std::array<std::vector<double>, 3> slow;
      for (int a = 0; a < 3; ++a)
        slow[a] = runDerivative(filteredRuns(pos[a], rate, o.slowCutoffHz, minRun), dt, 1);
      h.slowSpeed = norm3(slow);
      h.position.resize(n);
      for (std::size_t k = 0; k < n; ++k)
        h.position[k] = {pos[0][k], pos[1][k], pos[2][k]};
      h.speed = norm3(vel);
      h.accel = norm3(acc);
      h.jerk = norm3(jerk);
      bridge(aperture, fill);
      h.aperture = filteredRuns(aperture, rate, o.positionCutoffHz, minRun);
      h.apertureRate = runDerivative(h.aperture, dt, 1);
    }
  }

  if (sig.imu && sig.imu->size() > 2) {
    m.hasHead = true;
    m.headSpeed.assign(n, kNaN);
    const auto &s = sig.imu->series();
    const Timestamp off = sig.offsetOf(sig.imuStream);
    std::vector<double> sum(n, 0.0);
    std::vector<int> count(n, 0);
    const auto &gx = s.channel(series::ImuSeries::GyroX), &gy = s.channel(series::ImuSeries::GyroY),
               &gz = s.channel(series::ImuSeries::GyroZ);
    for (std::size_t i = 0; i < s.size(); ++i) {
      const Timestamp t = s.timeAt(i) + off - m.t0 + m.dt / 2;
      if (t < 0)
        continue;
      const auto k = static_cast<std::size_t>(t / m.dt);
      if (k >= n)
        break;
      sum[k] += std::sqrt(double(gx[i]) * gx[i] + double(gy[i]) * gy[i] + double(gz[i]) * gz[i]);
      ++count[k];
    }
    for (std::size_t k = 0; k < n; ++k)
      if (count[k] > 0)
        m.headSpeed[k] = sum[k] / count[k];
  }

  if (sig.gaze && sig.gaze->size() > 2) {
    m.hasGaze = true;
    const Timestamp off = sig.offsetOf(sig.gazeStream);
    const Timestamp trajOffset = sig.offsetOf(sig.trajectoryStream);
    const auto &times = sig.gaze->series().times();
    std::array<std::vector<double>, 3> dir;
    for (auto &d : dir)
      d.assign(n, kNaN);
    // CPF (x left, y up, z forward) to device (x right, y down, z forward), nominally.
    const Eigen::Matrix3d R_device_cpf = Eigen::Vector3d(-1, -1, 1).asDiagonal();
    std::size_t j = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const Timestamp t = m.time(k) - off;
      while (j + 1 < times.size() && std::llabs(times[j + 1] - t) <= std::llabs(times[j] - t))
        ++j;
      if (std::llabs(times[j] - t) > 2 * m.dt)
        continue;
      const series::GazeSample g = sig.gaze->sampleAt(j);
      if (!std::isfinite(g.yaw) || !std::isfinite(g.pitch))
        continue;
      Eigen::Vector3d d = R_device_cpf * g.direction();
      if (sig.trajectory) {
        const auto pose = sig.trajectory->interpolatePoseAt(times[j] + off - trajOffset);
        if (pose)
          d = pose->rotation * d;
      }
      for (int a = 0; a < 3; ++a)
        dir[a][k] = d[a];
    }
    std::array<std::vector<double>, 3> rate3;
    for (int a = 0; a < 3; ++a) {
      bridge(dir[a], static_cast<std::size_t>(std::lround(0.1 * rate)));
      dir[a] = filteredRuns(dir[a], rate, o.positionCutoffHz, 8);
      rate3[a] = runDerivative(dir[a], dt, 1);
    }
    m.gazeSpeed = norm3(rate3);
  }
  return m;
}

} // namespace tacit::curation
