#include "core/curation/ClockOffset.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/curation/FrameSampler.h"
#include "core/curation/SignalMath.h"

namespace tacit::curation {

namespace {

// Magnitude of three channels resampled on a grid (global times begin + k / rate).
template <typename S>
std::vector<double> magnitudeOnGrid(const S &series, std::size_t c0, Timestamp offset, Timestamp begin,
                                    std::size_t count, double rateHz) {
  std::vector<double> out(count, std::numeric_limits<double>::quiet_NaN());
  const auto &t = series.times();
  if (t.size() < 2)
    return out;
  std::size_t j = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const Timestamp g = begin + static_cast<Timestamp>(std::llround(static_cast<double>(k) * 1e9 / rateHz)) - offset;
    while (j + 1 < t.size() && t[j + 1] <= g)
      ++j;
    if (g < t.front() || j + 1 >= t.size())
      continue;
    const double a = static_cast<double>(g - t[j]) / static_cast<double>(std::max<Timestamp>(1, t[j + 1] - t[j]));
    double sq = 0;
    for (std::size_t c = c0; c < c0 + 3; ++c) {
      const double v = series.value(c, j) * (1 - a) + series.value(c, j + 1) * a;
      sq += v * v;
    }
    out[k] = std::sqrt(sq);
  }
  return out;
}

// Correlation of ref[k] with other[k + lag] over the indices where both are finite.
double laggedCorrelation(const std::vector<double> &ref, const std::vector<double> &other, double lagSamples) {
  std::vector<double> a, b;
  a.reserve(ref.size());
  b.reserve(ref.size());
  const auto whole = static_cast<std::ptrdiff_t>(std::floor(lagSamples));
  const double frac = lagSamples - static_cast<double>(whole);
  for (std::size_t k = 0; k < ref.size(); ++k) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(k) + whole;
    if (j < 0 || j + 1 >= static_cast<std::ptrdiff_t>(other.size()))
      continue;
    const double v = other[static_cast<std::size_t>(j)] * (1 - frac) + other[static_cast<std::size_t>(j + 1)] * frac;
    if (std::isfinite(ref[k]) && std::isfinite(v)) {
      a.push_back(ref[k]);
      b.push_back(v);
    }
  }
  return a.size() > 50 ? correlation(a, b) : 0;
}

// Best lag in samples: a coarse scan, then a fine one around the peak.
std::pair<double, double> bestLag(const std::vector<double> &ref, const std::vector<double> &other, double lo,
                                  double hi, double coarseStep) {
  double best = 0, bestCorr = -2;
  for (double lag = lo; lag <= hi; lag += coarseStep) {
    const double c = laggedCorrelation(ref, other, lag);
    if (c > bestCorr) {
      bestCorr = c;
      best = lag;
    }
  }
  const double centre = best;
  for (double lag = centre - coarseStep; lag <= centre + coarseStep; lag += coarseStep / 10) {
    const double c = laggedCorrelation(ref, other, lag);
    if (c > bestCorr) {
      bestCorr = c;
      best = lag;
    }
  }
  return {best, bestCorr};
}

// Start times of the most active windows of |gyro| (variance over windowSec blocks), best first.
std::vector<Timestamp> activeWindows(const RecordingSignals &sig, TimeRange span, double windowSec, int maxWindows) {
  const Timestamp w = fromSeconds(windowSec);
  std::vector<std::pair<double, Timestamp>> blocks;
  if (span.duration() <= w) {
    blocks.push_back({0, span.begin});
  } else {
    for (Timestamp a = span.begin; a + w <= span.end; a += w) {
      const auto g = gyroMagnitude(sig, a, a + w, 50);
      double m = 0, m2 = 0;
      int n = 0;
      for (double v : g)
        if (std::isfinite(v)) {
          m += v;
          m2 += v * v;
          ++n;
        }
      if (n > 10)
        blocks.push_back({m2 / n - (m / n) * (m / n), a});
    }
    std::sort(blocks.begin(), blocks.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
  }
  std::vector<Timestamp> out;
  for (const auto &b : blocks)
    if (static_cast<int>(out.size()) < maxWindows)
      out.push_back(b.second);
  return out;
}

std::optional<OffsetEstimate> combine(const std::vector<std::pair<double, double>> &found) {
  std::vector<double> lags;
  double corr = 0;
  for (const auto &[lag, c] : found)
    if (c > 0.5) {
      lags.push_back(lag);
      corr += c;
    }
  if (lags.empty())
    return std::nullopt;
  return OffsetEstimate{median(lags), corr / static_cast<double>(lags.size()), static_cast<int>(lags.size())};
}

} // namespace

std::vector<double> gyroMagnitude(const RecordingSignals &sig, Timestamp begin, Timestamp end, double rateHz) {
  if (!sig.imu || end <= begin)
    return {};
  const auto count = static_cast<std::size_t>(toSeconds(end - begin) * rateHz);
  return magnitudeOnGrid(sig.imu->series(), series::ImuSeries::GyroX, sig.offsetOf(sig.imuStream), begin, count,
                         rateHz);
}

std::optional<OffsetEstimate> imuTrajectoryOffset(const RecordingSignals &sig, const OffsetOptions &o) {
  if (!sig.imu || !sig.trajectory || sig.imu->size() < 100 || sig.trajectory->size() < 100)
    return std::nullopt;
  const TimeRange imuSpan = sig.imu->timeRange();
  const TimeRange trajSpan = sig.trajectory->timeRange();
  const Timestamp io = sig.offsetOf(sig.imuStream), to = sig.offsetOf(sig.trajectoryStream);
  const TimeRange span =
      TimeRange{imuSpan.begin + io, imuSpan.end + io}.intersected({trajSpan.begin + to, trajSpan.end + to});
  if (span.duration() < fromSeconds(2))
    return std::nullopt;
  constexpr double kRate = 1000;
  const double maxLag = o.maxLagMs * kRate / 1000;
  std::vector<std::pair<double, double>> found;
  for (Timestamp a : activeWindows(sig, span, o.windowSec, o.maxWindows)) {
    const Timestamp b = std::min(span.end, a + fromSeconds(o.windowSec));
    const auto n = static_cast<std::size_t>(toSeconds(b - a) * kRate);
    // The IMU grid is longer by the lag range on both sides so every lag has full overlap.
    const Timestamp pad = fromSeconds(o.maxLagMs / 1000);
    const auto ref = magnitudeOnGrid(sig.trajectory->series(), series::TrajectorySeries::Wx, to, a, n, kRate);
    auto imu = magnitudeOnGrid(sig.imu->series(), series::ImuSeries::GyroX, io, a - pad,
                               n + 2 * static_cast<std::size_t>(maxLag), kRate);
    // imu[k + lag] is at a - pad + (k + lag) / rate: the IMU runs ahead by lag / rate - pad.
    const auto [lag, corr] = bestLag(ref, imu, 0, 2 * maxLag, 2.0);
    found.push_back({(lag - maxLag) * 1000 / kRate, corr});
  }
  return combine(found);
}

std::optional<OffsetEstimate> imuVideoOffset(const RecordingSignals &sig, const OffsetOptions &o,
                                             const std::function<bool()> &cancelled) {
  if (!sig.imu || !sig.video || sig.videoFrameTimes.size() < 30)
    return std::nullopt;
  auto sampler = FrameSampler::open(sig.video->file, sig.video->offsetNs);
  if (!sampler)
    return std::nullopt;
  const TimeRange imuSpan{sig.imu->timeRange().begin + sig.offsetOf(sig.imuStream),
                          sig.imu->timeRange().end + sig.offsetOf(sig.imuStream)};
  const TimeRange span = imuSpan.intersected({sig.videoFrameTimes.front(), sig.videoFrameTimes.back()});
  if (span.duration() < fromSeconds(1))
    return std::nullopt;
  constexpr double kRate = 1000; // gyro grid
  const double windowSec = std::min(o.windowSec, 6.0);
  std::vector<std::pair<double, double>> found;
  for (Timestamp a : activeWindows(sig, span, windowSec, std::min(2, o.maxWindows))) {
    const Timestamp b = std::min(span.end, a + fromSeconds(windowSec));
    std::int64_t f0 = (*sampler)->indexAt(a), f1 = (*sampler)->indexAt(b);
    f0 = std::max<std::int64_t>(f0, 0);
    if (f1 - f0 < 20)
      continue;
    // Image motion between consecutive frames: the phase-correlation shift in pixels.
    std::vector<double> motion;
    std::vector<std::pair<Timestamp, Timestamp>> intervals;
    cv::Mat prev, prevF;
    for (std::int64_t f = f0; f <= f1; ++f) {
      if (cancelled && cancelled())
        return std::nullopt;
      auto g = (*sampler)->gray(f, o.videoWidth);
      if (!g)
        return std::nullopt;
      cv::Mat cur;
      g->convertTo(cur, CV_64F);
      if (!prevF.empty()) {
        const cv::Point2d shift = cv::phaseCorrelate(prevF, cur);
        motion.push_back(std::hypot(shift.x, shift.y));
        intervals.push_back({(*sampler)->timeOf(f - 1), (*sampler)->timeOf(f)});
      }
      prevF = cur;
    }
    // Mean |gyro| over each frame interval shifted by the lag, via prefix sums on a 1 kHz grid.
    const Timestamp pad = fromSeconds(o.maxLagMs / 1000 + 0.05);
    const Timestamp g0 = a - pad;
    const auto gyro = gyroMagnitude(sig, g0, b + pad, kRate);
    std::vector<double> prefix(gyro.size() + 1, 0.0);
    for (std::size_t k = 0; k < gyro.size(); ++k)
      prefix[k + 1] = prefix[k] + (std::isfinite(gyro[k]) ? gyro[k] : 0.0);
    auto meanGyro = [&](Timestamp from, Timestamp to) {
      const double x0 = toSeconds(from - g0) * kRate, x1 = toSeconds(to - g0) * kRate;
      auto at = [&](double x) {
        x = std::clamp(x, 0.0, static_cast<double>(gyro.size()));
        const auto i = static_cast<std::size_t>(x);
        return i >= gyro.size() ? prefix.back()
                                : prefix[i] + (x - static_cast<double>(i)) * (prefix[i + 1] - prefix[i]);
      };
      return x1 > x0 ? (at(x1) - at(x0)) / (x1 - x0) : 0.0;
    };
    double best = 0, bestCorr = -2;
    auto tryLag = [&](double lagMs) {
      std::vector<double> g(intervals.size());
      const Timestamp lag = fromSeconds(lagMs / 1000);
      for (std::size_t i = 0; i < intervals.size(); ++i)
        g[i] = meanGyro(intervals[i].first + lag, intervals[i].second + lag);
      const double c = correlation(motion, g);
      if (c > bestCorr) {
        bestCorr = c;
        best = lagMs;
      }
    };
    for (double lag = -o.maxLagMs; lag <= o.maxLagMs; lag += 4)
      tryLag(lag);
    const double centre = best;
    for (double lag = centre - 4; lag <= centre + 4; lag += 0.5)
      tryLag(lag);
    found.push_back({best, bestCorr});
  }
  return combine(found);
}

} // namespace tacit::curation
