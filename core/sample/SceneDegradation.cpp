// The demo-quality knobs of SceneScript (DegradationOptions): hesitation pauses, tremor, a failed
// grasp, extra tracking dropouts and head shakes. Each draws from its own random stream, so the
// clean sample's numbers never change.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include "core/sample/Rng.h"
#include "core/sample/SceneScript.h"

namespace tacit::sample {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// Script positions (0..1) in the middle of a hand's motion, where a hesitation is most visible:
// reach to the cube, carrying it, the reach to the mug, carrying the mug, the reach to the handle,
// pushing the drawer shut.
constexpr double kPauseAt[] = {0.07, 0.26, 0.615, 0.755, 0.43, 0.885};

bool overlapsAny(const TimeRange &r, const std::vector<TimeRange> &others, Timestamp margin) {
  for (const TimeRange &o : others)
    if (r.begin < o.end + margin && o.begin < r.end + margin)
      return true;
  return false;
}

} // namespace

void SceneScript::planPauses(const DegradationOptions &d) {
  Rng rng(m_seed * 0xD1B54A32D192ED03ull + 101);
  std::vector<TimeWarp::Pause> pauses;
  for (int i = 0; i < d.pauses && i < static_cast<int>(std::size(kPauseAt)); ++i)
    pauses.push_back({kPauseAt[i] * m_duration, 0.8 + 0.6 * rng.uniform()});
  m_warp = TimeWarp(std::move(pauses));
  m_pauseNs = fromSeconds(m_warp.totalPauseSec());
}

void SceneScript::addFailedGrasp(const Eigen::Vector3d &grip) {
  // Between arriving at the cube (0.12) and the real grasp closing (0.19): close half-way, slip,
  // open and back off, come back.
  auto key = [](double u, const Eigen::Vector3d &p, double flex) {
    return Key<7>{u, {p.x(), p.y(), p.z(), 0, 20, 0, flex}};
  };
  auto &R = m_handKeys[static_cast<int>(Side::Right)];
  auto it = std::find_if(R.begin(), R.end(), [](const Key<7> &k) { return k.u > 0.12; });
  R.insert(it,
           {key(0.145, grip, 0.55), key(0.16, grip + Eigen::Vector3d(0, -0.035, 0.025), 0.15), key(0.175, grip, 0.15)});
}

void SceneScript::planDegradation(const DegradationOptions &d) {
  Rng rng(m_seed * 0xA24BAED4963EE407ull + 202);
  DegradationSpans &out = m_degradationSpans;
  auto span = [&](double a, double b) { return TimeRange{kStartNs + fromSeconds(a), kStartNs + fromSeconds(b)}; };
  for (std::size_t i = 0; i < m_warp.pauses().size(); ++i) {
    const auto [a, b] = m_warp.haltSpan(i);
    out.pauses.push_back(span(a, b));
  }
  if (d.failedGrasp)
    out.failedGrasp = {nsAtU(0.12), nsAtU(0.175)};
  out.tremorMm = d.tremorMm;
  for (int i = 0; i < 3; ++i) {
    out.tremorHz[i] = 8.0 + 3.0 * rng.uniform();
    m_tremorPhase[i] = rng.uniform(0, 2 * std::numbers::pi);
  }

  const double length = durationSeconds();
  // Placed uniformly, away from each other (and from the built-in defect of the same kind).
  auto place = [&](double minLen, double maxLen, std::vector<TimeRange> taken) -> std::optional<TimeRange> {
    for (int attempt = 0; attempt < 100; ++attempt) {
      const double len = std::min(minLen + (maxLen - minLen) * rng.uniform(), 0.2 * length);
      const double a = rng.uniform(0.03 * length, 0.97 * length - len);
      const TimeRange r = span(a, a + len);
      if (!overlapsAny(r, taken, fromSeconds(0.3)))
        return r;
    }
    return std::nullopt;
  };
  std::vector<TimeRange> blurs{m_defects.motionBlur};
  for (int i = 0; i < d.blurs; ++i)
    if (auto r = place(0.6, 1.0, blurs)) {
      blurs.push_back(*r);
      out.extraBlur.push_back(*r);
    }
  std::vector<TimeRange> dropouts{m_defects.trackingDropout};
  for (int i = 0; i < d.dropouts; ++i) {
    const Side side = rng.uniform() < 0.5 ? Side::Left : Side::Right;
    if (auto r = place(0.4, 1.2, dropouts)) {
      dropouts.push_back(*r);
      out.extraDropouts.push_back({side, *r});
    }
  }
}

double SceneScript::extraHeadShake(double s) const {
  double yaw = 0;
  for (const TimeRange &r : m_degradationSpans.extraBlur) {
    const double a = toSeconds(r.begin - kStartNs), b = toSeconds(r.end - kStartNs);
    const double ramp = std::min(0.15, 0.25 * (b - a));
    yaw += 7.0 * kDeg * std::sin(2 * std::numbers::pi * 2.5 * (s - a)) * smoothWindow(s, a, b, ramp);
  }
  return yaw;
}

void SceneScript::applyHandDegradation(SceneState &st, Timestamp t) const {
  const DegradationSpans &d = m_degradationSpans;
  for (const auto &drop : d.extraDropouts)
    if (drop.range.contains(t))
      st.hands[static_cast<int>(drop.side)].tracked = false;
  if (d.tremorMm <= 0)
    return;
  Eigen::Vector3d offset;
  for (int i = 0; i < 3; ++i)
    offset[i] = 1e-3 * d.tremorMm * std::sin(2 * std::numbers::pi * d.tremorHz[i] * st.seconds + m_tremorPhase[i]);
  for (HandState &hand : st.hands) {
    hand.T_world_wrist.translation() += offset;
    for (auto &p : hand.landmarksWorld)
      p += offset;
  }
}

} // namespace tacit::sample
