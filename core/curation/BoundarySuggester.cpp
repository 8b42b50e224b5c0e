#include "core/curation/BoundarySuggester.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "core/curation/SignalMath.h"
#include "core/curation/Smoothness.h"

namespace tacit::curation {

namespace {

constexpr double kOnSpeed = 0.05, kOffSpeed = 0.02, kMinUnitSec = 0.2; // m/s, s (as the metrics)
constexpr double kMinRestSec = 0.25;      // shorter rests between movements give no onset/offset cue
constexpr double kFullRestSec = 1.2;      // a rest this long gives full strength
constexpr double kApertureRate = 0.008;   // m/s: fingers closing or opening faster than this
constexpr double kApertureChange = 0.006; // m: smaller aperture changes are not grasps
constexpr double kGazeShiftSpeed = 0.25;  // rad/s: I-VT threshold on the smoothed gaze speed
constexpr double kMinFixationSec = 0.3;   // a gaze shift must leave a fixation at least this long
constexpr double kHeadPeak = 0.08;        // rad/s: head movements must peak above this
constexpr double kCueCutoffHz = 3.0;      // cues read signals low-passed this far (robust to tracking noise)

// Weight of each signal in the fused confidence (docs/curation.md).
const std::map<std::string, double> &signalWeights() {
  // Fitted on the synthetic samples of seeds 1-10 (clean and with jitter, dropouts and pauses;
  // bench/curation_eval.py reports held-out seeds too): a hand taking over and the start/end of
  // all activity are strong; aperture changes while the wrist rests mark grasps and releases.
  static const std::map<std::string, double> w = {
      {"hand_switch", 0.7},   {"activity_start", 0.65}, {"activity_end", 0.6},   {"release", 0.95},
      {"grasp", 0.5},         {"hand_speed", 0.45},     {"motion_offset", 0.25}, {"gaze_shift", 0.1},
      {"motion_onset", 0.05}, {"head_motion", 0.05},
  };
  return w;
}

// Lower = more precise in time (decides the fused instant).
int precisionRank(const std::string &signal) {
  if (signal == "hand_switch" || signal == "motion_onset" || signal == "motion_offset" || signal == "activity_start" ||
      signal == "activity_end")
    return 0;
  if (signal == "grasp" || signal == "release" || signal == "hand_speed")
    return 1;
  if (signal == "gaze_shift")
    return 2;
  return 3;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Zero-phase low-pass over finite runs (NaN elsewhere).
// Filtered over finite runs of at least 8 samples (a 2nd-order filter needs some history).
std::vector<double> smoothed(const std::vector<double> &x, double rate, double cutoff) {
  return filteredRuns(x, rate, cutoff, 8);
}

// Walks from i in direction dir while x keeps falling (to where a movement really starts or stops).
std::size_t descend(const std::vector<double> &x, std::size_t i, int dir) {
  while (true) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + dir;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(x.size()) || !std::isfinite(x[static_cast<std::size_t>(j)]) ||
        !(std::abs(x[static_cast<std::size_t>(j)]) < std::abs(x[i])))
      return i;
    i = static_cast<std::size_t>(j);
  }
}

enum class Activity { Unknown, Rest, Moving };

} // namespace

std::vector<BoundaryCue> boundaryCues(const MotionSignals &m) {
  std::vector<BoundaryCue> cues;
  if (m.n < 8)
    return cues;
  const double rate = m.rateHz();
  const std::size_t n = m.n;
  auto at = [&](std::size_t i) { return m.time(i); };
  auto seconds = [&](std::size_t samples) { return static_cast<double>(samples) / rate; };

  if (m.hasHands) {
    struct Unit {
      int hand;
      Run run;
    };
    std::array<std::vector<double>, 2> speed;
    std::array<std::vector<Activity>, 2> state;
    std::vector<Unit> units;
    for (int h = 0; h < 2; ++h) {
      speed[h] = m.hands[static_cast<std::size_t>(h)].slowSpeed;
      state[h].assign(n, Activity::Unknown);
      for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(speed[h][i]))
          state[h][i] = Activity::Rest;
      const auto hu = movementUnits(speed[h], 0, n, rate, kOnSpeed, kOffSpeed, kMinUnitSec);
      for (std::size_t k = 0; k < hu.size(); ++k) {
        const Run &r = hu[k];
        for (std::size_t i = r.begin; i < r.end; ++i)
          state[h][i] = Activity::Moving;
        units.push_back({h, r});
        // vMCI: the speed minimum between two bells of the same hand that touch (a short dip).
        if (k + 1 < hu.size() && seconds(hu[k + 1].begin - r.end) < kMinRestSec) {
          std::size_t best = r.end - 1;
          for (std::size_t i = r.end - 1; i <= hu[k + 1].begin; ++i)
            if (speed[h][i] < speed[h][best])
              best = i;
          cues.push_back({at(best), "hand_speed", 1.0});
        }
      }
    }

    // Whole-body activity: moving if a hand moves, rest if every hand rests, else unknown
    // (tracking lost). Rests bounded by movement on both sides give offset/onset cues.
    std::vector<Activity> all(n);
    std::vector<double> fastest(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const bool moving = state[0][i] == Activity::Moving || state[1][i] == Activity::Moving;
      const bool rest = state[0][i] == Activity::Rest && state[1][i] == Activity::Rest;
      all[i] = moving ? Activity::Moving : rest ? Activity::Rest : Activity::Unknown;
      for (int h = 0; h < 2; ++h)
        if (std::isfinite(speed[h][i]))
          fastest[i] = std::max(fastest[i], speed[h][i]);
    }
    const auto movingRuns = runsWhere(n, [&](std::size_t i) { return all[i] == Activity::Moving; });
    for (std::size_t k = 0; k < movingRuns.size(); ++k) {
      const Run &r = movingRuns[k];
      auto restBefore = [&]() -> std::optional<std::size_t> { // rest samples right before r (all known)
        std::size_t i = r.begin;
        while (i > 0 && all[i - 1] == Activity::Rest)
          --i;
        if (i > 0 && all[i - 1] != Activity::Moving)
          return std::nullopt; // bounded by lost tracking
        return r.begin - i;
      };
      auto restAfter = [&]() -> std::optional<std::size_t> {
        std::size_t i = r.end;
        while (i < n && all[i] == Activity::Rest)
          ++i;
        if (i < n && all[i] != Activity::Moving)
          return std::nullopt;
        return i - r.end;
      };
      const auto before = restBefore(), after = restAfter();
      const std::size_t onset = descend(fastest, r.begin, -1), offset = descend(fastest, r.end - 1, 1);
      if (k == 0)
        cues.push_back({at(onset), "activity_start", 1.0});
      else if (before && seconds(*before) >= kMinRestSec)
        cues.push_back({at(onset), "motion_onset", std::min(1.0, seconds(*before) / kFullRestSec)});
      if (k + 1 == movingRuns.size())
        cues.push_back({at(offset), "activity_end", 1.0});
      else if (after && seconds(*after) >= kMinRestSec)
        cues.push_back({at(offset), "motion_offset", std::min(1.0, seconds(*after) / kFullRestSec)});
    }

    // The other hand takes over: a hand starts moving after the other hand began a movement since
    // this hand's last one.
    std::sort(units.begin(), units.end(), [](const Unit &a, const Unit &b) { return a.run.begin < b.run.begin; });
    for (std::size_t k = 0; k < units.size(); ++k) {
      const Unit &u = units[k];
      std::size_t lastOwnEnd = 0;
      bool hadOwn = false;
      for (std::size_t j = 0; j < k; ++j)
        if (units[j].hand == u.hand) {
          lastOwnEnd = units[j].run.end;
          hadOwn = true;
        }
      bool otherActed = false;
      for (std::size_t j = 0; j < k; ++j)
        if (units[j].hand != u.hand && (!hadOwn || units[j].run.begin >= lastOwnEnd))
          otherActed = true;
      if (otherActed)
        cues.push_back({at(descend(speed[u.hand], u.run.begin, -1)), "hand_switch", 1.0});
    }

    // Grasp and release: sustained closing / opening of the hand, strongest while the wrist rests.
    for (int h = 0; h < 2; ++h) {
      const HandTrack &hand = m.hands[static_cast<std::size_t>(h)];
      const auto rateA = smoothed(hand.apertureRate, rate, kCueCutoffHz);
      const auto rests = runsWhere(n, [&](std::size_t i) { return state[h][i] == Activity::Rest; });
      for (int dir : {-1, 1}) {
        for (const Run &r :
             runsWhere(n, [&](std::size_t i) { return std::isfinite(rateA[i]) && dir * rateA[i] > kApertureRate; })) {
          if (seconds(r.length()) < 0.15)
            continue;
          const double change = std::abs(hand.aperture[r.end - 1] - hand.aperture[r.begin]);
          if (!(change >= kApertureChange))
            continue;
          double dwell = 0;
          for (const Run &rest : rests)
            if (rest.begin < r.end && r.begin < rest.end)
              dwell = std::max(dwell, seconds(rest.length()));
          const double strength = std::min(1.0, change / (3 * kApertureChange)) * std::min(1.0, dwell / kFullRestSec);
          if (strength < 0.05)
            continue;
          const char *name = dir < 0 ? "grasp" : "release";
          cues.push_back({at(descend(rateA, r.begin, -1)), name, strength});
          cues.push_back({at(descend(rateA, r.end - 1, 1)), name, strength});
        }
      }
    }
  }

  if (m.hasGaze) {
    // I-VT: a shift that leaves a fixation of at least kMinFixationSec.
    const auto g = smoothed(m.gazeSpeed, rate, kCueCutoffHz);
    std::size_t still = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(g[i])) {
        still = 0;
        continue;
      }
      if (g[i] <= kGazeShiftSpeed) {
        ++still;
        continue;
      }
      if (seconds(still) >= kMinFixationSec) {
        std::size_t j = i;
        while (j < n && std::isfinite(g[j]) && g[j] > kGazeShiftSpeed)
          ++j;
        if (seconds(j - i) >= 0.1)
          cues.push_back({at(descend(g, i, -1)), "gaze_shift", 1.0});
      }
      still = 0;
    }
  }

  if (m.hasHead) {
    // Minima between head movements: the peaks on both sides within 5 s.
    const auto h = smoothed(m.headSpeed, rate, 2.0);
    const auto reach = static_cast<std::size_t>(5 * rate);
    for (std::size_t i = 1; i + 1 < n; ++i) {
      if (!(h[i] <= h[i - 1] && h[i] < h[i + 1]))
        continue;
      double left = 0, right = 0;
      for (std::size_t j = i; j-- > (i > reach ? i - reach : 0) && std::isfinite(h[j]);)
        left = std::max(left, h[j]);
      for (std::size_t j = i + 1; j < std::min(n, i + reach) && std::isfinite(h[j]); ++j)
        right = std::max(right, h[j]);
      const double peak = std::min(left, right);
      if (peak >= kHeadPeak && 1.0 - h[i] / peak >= 0.5)
        cues.push_back({at(i), "head_motion", 1.0 - h[i] / peak});
    }
  }
  std::sort(cues.begin(), cues.end(), [](const BoundaryCue &a, const BoundaryCue &b) { return a.t < b.t; });
  return cues;
}

std::vector<BoundarySuggestion> fuseCues(std::vector<BoundaryCue> cues, const SuggestOptions &o) {
  std::sort(cues.begin(), cues.end(), [](const BoundaryCue &a, const BoundaryCue &b) { return a.t < b.t; });
  const Timestamp cluster = fromSeconds(o.clusterSec);
  std::vector<BoundarySuggestion> candidates;
  for (std::size_t i = 0; i < cues.size();) {
    std::size_t j = i + 1;
    while (j < cues.size() && cues[j].t - cues[j - 1].t <= cluster && cues[j].t - cues[i].t <= 2 * cluster)
      ++j;
    std::map<std::string, double> best; // strongest cue per signal
    const BoundaryCue *anchor = nullptr;
    for (std::size_t k = i; k < j; ++k) {
      double &s = best[cues[k].signal];
      s = std::max(s, cues[k].strength);
      if (!anchor || precisionRank(cues[k].signal) < precisionRank(anchor->signal) ||
          (precisionRank(cues[k].signal) == precisionRank(anchor->signal) && cues[k].strength > anchor->strength))
        anchor = &cues[k];
    }
    double keep = 1.0;
    std::vector<std::pair<double, std::string>> fired;
    for (const auto &[signal, s] : best) {
      const auto w = signalWeights().find(signal);
      const double c = (w == signalWeights().end() ? 0.3 : w->second) * s;
      keep *= 1.0 - c;
      fired.push_back({c, signal});
    }
    std::sort(fired.rbegin(), fired.rend());
    BoundarySuggestion b;
    b.t = anchor->t;
    b.confidence = 1.0 - keep;
    for (const auto &f : fired)
      b.firedBy.push_back(f.second);
    candidates.push_back(std::move(b));
    i = j;
  }
  // Non-maximum suppression: strongest first, drop weaker ones too close to a kept one.
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return candidates[a].confidence > candidates[b].confidence; });
  const Timestamp sep = fromSeconds(o.minSeparationSec);
  std::vector<BoundarySuggestion> kept;
  for (std::size_t i : order) {
    const auto &c = candidates[i];
    if (c.confidence < o.minConfidence)
      continue;
    if (std::none_of(kept.begin(), kept.end(),
                     [&](const BoundarySuggestion &k) { return std::llabs(k.t - c.t) < sep; }))
      kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(),
            [](const BoundarySuggestion &a, const BoundarySuggestion &b) { return a.t < b.t; });
  return kept;
}

} // namespace tacit::curation
