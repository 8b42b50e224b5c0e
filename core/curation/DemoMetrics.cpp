#include "core/curation/DemoMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/curation/Smoothness.h"

namespace tacit::curation {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Span {
  const MotionSignals &m;
  std::size_t a, b; // grid indices [a, b)
  TimeRange range(std::size_t i, std::size_t j) const { return {m.time(i), m.time(j)}; }
  TimeRange around(std::size_t i, double sec) const {
    const Timestamp h = fromSeconds(sec / 2);
    return {m.time(i) - h, m.time(i) + h};
  }
};

struct Unit {
  int hand;
  Run run;
};

std::vector<Unit> units(const Span &s, const MetricOptions &o) {
  std::vector<Unit> out;
  for (int h = 0; h < 2; ++h)
    for (const Run &r : movementUnits(s.m.hands[static_cast<std::size_t>(h)].speed, s.a, s.b, s.m.rateHz(),
                                      o.movingSpeed, o.restSpeed, o.minMovementSec))
      out.push_back({h, r});
  return out;
}

void smoothness(const Span &s, const std::vector<Unit> &us, MetricSet &out) {
  const double rate = s.m.rateHz();
  double ldljSum = 0, sparcSum = 0, effNum = 0, effDen = 0;
  int n = 0;
  double worstLdlj = 1e9, worstSparc = 1e9, worstEff = 1e9;
  TimeRange ldljAt, sparcAt, effAt;
  for (const Unit &u : us) {
    const HandTrack &h = s.m.hands[static_cast<std::size_t>(u.hand)];
    std::vector<double> v(h.speed.begin() + static_cast<std::ptrdiff_t>(u.run.begin),
                          h.speed.begin() + static_cast<std::ptrdiff_t>(u.run.end));
    if (std::any_of(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }))
      continue;
    const double l = ldljFromSpeed(v, rate), sp = sparc(v, rate);
    double path = 0;
    for (double x : v)
      path += x / rate;
    const double chord = (h.position[u.run.end - 1] - h.position[u.run.begin]).norm();
    if (!std::isfinite(l) || !std::isfinite(sp) || path <= 0)
      continue;
    ldljSum += l;
    sparcSum += sp;
    ++n;
    effNum += chord;
    effDen += path;
    const TimeRange r = s.range(u.run.begin, u.run.end);
    if (l < worstLdlj)
      worstLdlj = l, ldljAt = r;
    if (sp < worstSparc)
      worstSparc = sp, sparcAt = r;
    if (chord / path < worstEff)
      worstEff = chord / path, effAt = r;
  }
  // Whole-span values (length-dependent, for reference): the faster hand's speed at each instant.
  std::vector<double> whole;
  for (std::size_t i = s.a; i < s.b; ++i) {
    const double l = s.m.hands[0].speed[i], r = s.m.hands[1].speed[i];
    const double v = std::isfinite(l) && std::isfinite(r) ? std::max(l, r) : (std::isfinite(l) ? l : r);
    if (std::isfinite(v))
      whole.push_back(v);
  }
  out.values["ldlj"] = {ldljFromSpeed(whole, rate), n ? ldljSum / n : kNaN, ldljAt};
  out.values["sparc"] = {sparc(whole, rate), n ? sparcSum / n : kNaN, sparcAt};
  out.values["path_efficiency"] = {effDen > 0 ? effNum / effDen : kNaN, effDen > 0 ? effNum / effDen : kNaN, effAt};
}

void jerkAndSpikes(const Span &s, const std::vector<Unit> &us, const MetricOptions &o, MetricSet &out) {
  std::vector<double> jerk, accel;
  double peakJerk = -1;
  std::size_t peakAt = s.a;
  for (const Unit &u : us) {
    const HandTrack &h = s.m.hands[static_cast<std::size_t>(u.hand)];
    for (std::size_t i = u.run.begin; i < u.run.end; ++i) {
      if (std::isfinite(h.jerk[i])) {
        jerk.push_back(h.jerk[i]);
        if (h.jerk[i] > peakJerk)
          peakJerk = h.jerk[i], peakAt = i;
      }
    }
  }
  const double minutes = toSeconds(s.m.time(s.b) - s.m.time(s.a)) / 60;
  const double med = median(jerk), p95 = quantile(jerk, 0.95);
  out.values["jerk_median"] = {med, med, {}};
  out.values["jerk_p95"] = {p95, p95, peakJerk >= 0 ? s.around(peakAt, 1.0) : TimeRange{}};
  // Spikes: local maxima of the wrist acceleration above the threshold and 4x the span's median.
  int spikes = 0;
  TimeRange first;
  for (int hand = 0; hand < 2; ++hand) {
    const auto &a = s.m.hands[static_cast<std::size_t>(hand)].accel;
    std::vector<double> values;
    for (std::size_t i = s.a; i < s.b; ++i)
      if (std::isfinite(a[i]))
        values.push_back(a[i]);
    const double threshold = std::max(o.spikeAccel, 4 * median(values));
    for (std::size_t i = s.a + 1; i + 1 < s.b; ++i)
      if (std::isfinite(a[i]) && a[i] > threshold && !(a[i - 1] > a[i]) && !(a[i + 1] > a[i])) {
        ++spikes;
        if (first.empty())
          first = s.around(i, 1.0);
      }
  }
  out.values["accel_spikes"] = {double(spikes), minutes > 0 ? spikes / minutes : kNaN, first};
}

void idle(const Span &s, const MetricOptions &o, MetricSet &out) {
  std::size_t idleCount = 0, known = 0;
  auto isIdle = [&](std::size_t i) {
    for (const HandTrack &h : s.m.hands) {
      if (std::isfinite(h.slowSpeed[i]) && h.slowSpeed[i] >= o.restSpeed)
        return false;
      if (std::isfinite(h.apertureRate[i]) && std::abs(h.apertureRate[i]) >= o.idleAperture)
        return false;
    }
    if (s.m.hasHead && std::isfinite(s.m.headSpeed[i]) && s.m.headSpeed[i] >= o.idleHeadSpeed)
      return false;
    return std::isfinite(s.m.hands[0].speed[i]) || std::isfinite(s.m.hands[1].speed[i]);
  };
  std::vector<bool> flags(s.b - s.a, false);
  for (std::size_t i = s.a; i < s.b; ++i) {
    const bool any = std::isfinite(s.m.hands[0].speed[i]) || std::isfinite(s.m.hands[1].speed[i]);
    if (!any)
      continue;
    ++known;
    if (isIdle(i)) {
      ++idleCount;
      flags[i - s.a] = true;
    }
  }
  // Worst: the longest idle run that does not touch the span's ends (a pause, not the rest pose).
  TimeRange worst;
  for (const Run &r : runsWhere(flags.size(), [&](std::size_t i) { return bool(flags[i]); }))
    if (r.begin > 0 && r.end < flags.size() && s.range(s.a + r.begin, s.a + r.end).duration() > worst.duration())
      worst = s.range(s.a + r.begin, s.a + r.end);
  const double f = known ? double(idleCount) / double(known) : kNaN;
  out.values["idle_fraction"] = {f, f, worst};
}

void tracking(const Span &s, MetricSet &out) {
  std::size_t lost = 0, total = 0;
  TimeRange longest;
  for (const HandTrack &h : s.m.hands) {
    if (h.tracked.empty())
      continue;
    total += s.b - s.a;
    for (const Run &r : runsWhere(s.b - s.a, [&](std::size_t i) { return !h.tracked[s.a + i]; })) {
      lost += r.length();
      const TimeRange t = s.range(s.a + r.begin, s.a + r.end);
      if (t.duration() > longest.duration())
        longest = t;
    }
  }
  const double length = toSeconds(s.m.time(s.b) - s.m.time(s.a));
  const double f = total ? double(lost) / double(total) : kNaN;
  out.values["tracking_loss"] = {f, f, longest};
  const double l = total ? toSeconds(longest.duration()) : kNaN;
  out.values["longest_dropout_s"] = {l, length > 0 ? l / length : kNaN, longest};
}

void head(const Span &s, const MetricOptions &o, MetricSet &out) {
  if (!s.m.hasHead)
    return;
  std::vector<double> w;
  std::size_t above = 0;
  for (std::size_t i = s.a; i < s.b; ++i)
    if (std::isfinite(s.m.headSpeed[i])) {
      w.push_back(s.m.headSpeed[i]);
      above += s.m.headSpeed[i] > o.blurGyro;
    }
  TimeRange worst;
  for (const Run &r : runsWhere(s.b - s.a, [&](std::size_t i) { return s.m.headSpeed[s.a + i] > o.blurGyro; }))
    if (s.range(s.a + r.begin, s.a + r.end).duration() > worst.duration())
      worst = s.range(s.a + r.begin, s.a + r.end);
  const double f = w.empty() ? kNaN : double(above) / double(w.size());
  out.values["blur_risk"] = {f, f, worst};
  const double p = quantile(w, 0.95);
  out.values["gyro_p95"] = {p, p, {}};
}

void pixels(TimeRange span, const std::vector<FrameQuality> &frames, MetricSet &out) {
  std::vector<double> all, sharp, luma;
  for (const FrameQuality &f : frames)
    all.push_back(f.sharpness);
  const double reference = quantile(all, 0.9);
  std::size_t blurred = 0, bad = 0, n = 0;
  double minSharp = 1e300;
  TimeRange worstBlur, worstExposure;
  for (const FrameQuality &f : frames) {
    if (!span.contains(f.t))
      continue;
    ++n;
    sharp.push_back(f.sharpness);
    luma.push_back(f.luma);
    if (f.sharpness < 0.5 * reference) {
      ++blurred;
      if (f.sharpness < minSharp)
        minSharp = f.sharpness, worstBlur = {f.t - kNsPerSecond / 2, f.t + kNsPerSecond / 2};
    }
    if (f.luma < 35 || f.luma > 220 || f.clipped > 0.1) {
      ++bad;
      if (worstExposure.empty())
        worstExposure = {f.t - kNsPerSecond / 2, f.t + kNsPerSecond / 2};
    }
  }
  if (n == 0)
    return;
  const double sm = median(sharp), lm = median(luma);
  out.values["sharpness"] = {sm, sm, {}};
  out.values["blurred_frames"] = {double(blurred) / n, double(blurred) / n, worstBlur};
  out.values["exposure"] = {lm, lm, {}};
  out.values["exposure_bad"] = {double(bad) / n, double(bad) / n, worstExposure};
}

} // namespace

const MetricValue *MetricSet::get(const std::string &id) const {
  auto it = values.find(id);
  return it == values.end() ? nullptr : &it->second;
}

double MetricSet::normalised(const std::string &id) const {
  const MetricValue *v = get(id);
  return v ? v->normalised : kNaN;
}

MetricSet computeMetrics(const MotionSignals &m, TimeRange span, const std::vector<FrameQuality> &frames,
                         const MetricOptions &o) {
  MetricSet out;
  out.span = span;
  const double seconds = toSeconds(span.duration());
  out.values["duration_s"] = {seconds, seconds, {}};
  if (m.n > 0 && m.hasHands) {
    const Span s{m, m.indexAt(span.begin), m.indexAt(span.end)};
    if (s.b > s.a + 2) {
      const auto us = units(s, o);
      smoothness(s, us, out);
      jerkAndSpikes(s, us, o, out);
      idle(s, o, out);
      tracking(s, out);
    }
  }
  if (m.n > 0) {
    const Span s{m, m.indexAt(span.begin), m.indexAt(span.end)};
    if (s.b > s.a + 2)
      head(s, o, out);
  }
  pixels(span, frames, out);
  return out;
}

double tukeyOutlier(double value, const std::vector<double> &population) {
  if (population.size() < 4 || !std::isfinite(value))
    return kNaN;
  const double q1 = quantile(population, 0.25), q3 = quantile(population, 0.75), iqr = q3 - q1;
  const double lo = q1 - 1.5 * iqr, hi = q3 + 1.5 * iqr;
  if (value >= lo && value <= hi)
    return 0;
  if (iqr <= 0)
    return 3.0; // every other value is the same: any difference is an outlier
  return (value < lo ? lo - value : value - hi) / iqr;
}

} // namespace tacit::curation
