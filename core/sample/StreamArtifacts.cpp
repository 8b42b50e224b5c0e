#include "core/sample/StreamArtifacts.h"

#include <algorithm>
#include <cmath>

#include "core/sample/Rng.h"

namespace tacit::sample {

namespace {

// Picks `count` non-overlapping spans of [lo, hi) with lengths lenLo..lenHi, `margin` apart.
std::vector<IndexSpan> pickSpans(Rng &rng, int count, std::int64_t lo, std::int64_t hi, std::int64_t lenLo,
                                 std::int64_t lenHi, std::int64_t margin) {
  std::vector<IndexSpan> out;
  for (int i = 0; i < count; ++i) {
    for (int attempt = 0; attempt < 200; ++attempt) {
      const std::int64_t len =
          lenLo + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(lenHi - lenLo + 1));
      if (hi - lo <= len)
        break;
      const std::int64_t first = lo + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(hi - lo - len));
      const IndexSpan s{first, first + len - 1};
      const bool clash = std::any_of(out.begin(), out.end(), [&](const IndexSpan &o) {
        return s.first <= o.last + margin && o.first <= s.last + margin;
      });
      if (!clash) {
        out.push_back(s);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const IndexSpan &a, const IndexSpan &b) { return a.first < b.first; });
  return out;
}

} // namespace

bool RowTiming::skips(std::int64_t row) const {
  for (const IndexSpan &s : missing)
    if (row >= s.first && row <= s.last)
      return true;
  return false;
}

VideoPlan planVideo(const std::vector<Timestamp> &nominal, int fps, const DegradationOptions &d, std::uint64_t seed) {
  VideoPlan plan;
  const auto n = static_cast<std::int64_t>(nominal.size());
  plan.timeBaseDen = fps;
  if (d.frameDrops == 0 && d.duplicateFrames == 0) {
    plan.times = nominal;
    for (std::int64_t i = 0; i < n; ++i)
      plan.pts.push_back(i);
    return plan;
  }
  Rng rng(seed * 0x94D049BB133111EBull + 303);
  // Drops of 1..3 slots and duplicates, kept 3 slots apart and away from both ends.
  std::vector<IndexSpan> events = pickSpans(rng, d.frameDrops + d.duplicateFrames, 3, n - 3, 1, 3, 3);
  std::vector<bool> isDup(events.size(), false);
  for (int i = 0; i < d.duplicateFrames && i < static_cast<int>(events.size()); ++i)
    isDup[static_cast<std::size_t>(rng.uniform() * static_cast<double>(events.size()))] = true;
  // Exactly the requested number of duplicates: fill the first free ones if the draw collided.
  int dups = static_cast<int>(std::count(isDup.begin(), isDup.end(), true));
  for (std::size_t i = 0; i < events.size() && dups < d.duplicateFrames; ++i)
    if (!isDup[i]) {
      isDup[i] = true;
      ++dups;
    }
  const std::int64_t scale = d.duplicateFrames > 0 ? 1000 : 1;
  plan.timeBaseDen = static_cast<int>(fps * scale);
  const Timestamp start = nominal.empty() ? 0 : nominal.front();
  auto timeOf = [&](std::int64_t pts) {
    return start + (pts * kNsPerSecond + plan.timeBaseDen / 2) / plan.timeBaseDen;
  };
  std::size_t e = 0;
  for (std::int64_t k = 0; k < n; ++k) {
    while (e < events.size() && events[e].last < k)
      ++e;
    const bool inEvent = e < events.size() && k >= events[e].first && k <= events[e].last;
    if (inEvent && !isDup[e]) {
      if (k == events[e].first)
        plan.dropped.push_back(events[e]);
      continue;
    }
    plan.pts.push_back(k * scale);
    plan.times.push_back(timeOf(k * scale));
    if (inEvent && isDup[e] && k == events[e].first) {
      plan.duplicated.push_back(static_cast<std::int64_t>(plan.pts.size()));
      plan.pts.push_back(k * scale + 1);
      plan.times.push_back(timeOf(k * scale + 1));
    }
  }
  return plan;
}

RowTiming planImuTiming(std::size_t rows, int hz, const DegradationOptions &d, std::uint64_t seed) {
  RowTiming t;
  if (d.offsetStream == "imu")
    t.offsetNs = fromSeconds(d.offsetMs * 1e-3);
  if (d.imuGaps > 0) {
    Rng rng(seed * 0xBF58476D1CE4E5B9ull + 404);
    const auto n = static_cast<std::int64_t>(rows);
    const auto len = [&](double sec) { return std::max<std::int64_t>(1, std::llround(sec * hz)); };
    t.missing = pickSpans(rng, d.imuGaps, len(0.2), n - len(0.2), len(0.04), len(0.3), len(0.2));
  }
  return t;
}

RowTiming planTrajectoryTiming(const DegradationOptions &d) {
  RowTiming t;
  if (d.offsetStream == "trajectory")
    t.offsetNs = fromSeconds(d.offsetMs * 1e-3);
  return t;
}

} // namespace tacit::sample
