#include "core/export/StreamCheck.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>

namespace tacit::exporting {

namespace {

// Indices [first, last) of the samples of `times` (stream time) inside the episode (device time).
Timestamp minusSaturated(Timestamp t, Timestamp offset) {
  Timestamp out = 0;
  if (__builtin_sub_overflow(t, offset, &out))
    return offset > 0 ? INT64_MIN : INT64_MAX;
  return out;
}

std::pair<std::size_t, std::size_t> samplesIn(std::span<const Timestamp> times, TimeRange range, Timestamp offset) {
  const auto b = std::lower_bound(times.begin(), times.end(), minusSaturated(range.begin, offset));
  const auto e = std::lower_bound(b, times.end(), minusSaturated(range.end, offset));
  return {static_cast<std::size_t>(b - times.begin()), static_cast<std::size_t>(e - times.begin())};
}

template <typename Usable>
void checkSamples(std::vector<StreamIssue> &out, const std::string &name, std::span<const Timestamp> times,
                  TimeRange range, Timestamp offset, Usable usable) {
  const auto [first, last] = samplesIn(times, range, offset);
  if (first == last) {
    out.push_back({name, times.empty() ? "the stream has no samples" : "no samples in the episode", true});
    return;
  }
  std::size_t good = 0;
  for (std::size_t i = first; i < last; ++i)
    good += usable(i) ? 1 : 0;
  const std::size_t n = last - first;
  if (good == 0)
    out.push_back({name, "all " + std::to_string(n) + " samples in the episode are NaN, infinite or untracked", true});
  else if (good < n && name != "hands") // untracked hands are normal; only a fully empty stream is news
    out.push_back(
        {name, std::to_string(n - good) + " of " + std::to_string(n) + " samples in the episode are NaN or infinite",
         false});
}

bool finiteRow(const series::Series &s, std::size_t i) {
  for (std::size_t c = 0; c < s.channelCount(); ++c)
    if (!std::isfinite(s.value(c, i)))
      return false;
  return true;
}

} // namespace

const std::vector<std::string> &checkedStreamNames() {
  static const std::vector<std::string> names{"imu", "hands", "trajectory", "gaze"};
  return names;
}

std::vector<StreamIssue> checkEpisodeStreams(const RecordingContext &rec, TimeRange range) {
  std::vector<StreamIssue> out;
  const RecordingSeries &src = rec.series();
  const std::string absent = "no stream in the recording (not listed, file missing or unreadable)";
  if (!src.imu)
    out.push_back({"imu", absent, true});
  else
    checkSamples(out, "imu", src.imu->series().times(), range, rec.streamOffset(src.imuId),
                 [&](std::size_t i) { return finiteRow(src.imu->series(), i); });
  if (!src.hands) {
    out.push_back({"hands", absent, true});
  } else {
    checkSamples(out, "hands", src.hands->series().times(), range, rec.streamOffset(src.handsId), [&](std::size_t i) {
      for (auto side : {series::HandSide::Left, series::HandSide::Right}) {
        const series::HandPose p = src.hands->sampleAt(i, side);
        if (p.valid() && std::isfinite(p.confidence) && p.palmPosition.allFinite())
          return true;
      }
      return false;
    });
  }
  if (!src.trajectory) {
    out.push_back({"trajectory", absent, true});
  } else {
    checkSamples(out, "trajectory", src.trajectory->series().times(), range, rec.streamOffset(src.trajectoryId),
                 [&](std::size_t i) {
                   const auto pose = src.trajectory->poseAt(i);
                   return pose.translation.allFinite() && pose.rotation.coeffs().allFinite();
                 });
  }
  if (!src.gaze) {
    out.push_back({"gaze", absent, true});
  } else {
    checkSamples(out, "gaze", src.gaze->series().times(), range, rec.streamOffset(src.gazeId), [&](std::size_t i) {
      const auto g = src.gaze->sampleAt(i);
      return std::isfinite(g.yaw) && std::isfinite(g.pitch);
    });
  }
  return out;
}

std::string describeIssues(const std::vector<StreamIssue> &issues) {
  std::string out;
  for (const auto &i : issues)
    out += (out.empty() ? "" : "; ") + i.stream + ": " + i.problem;
  return out;
}

} // namespace tacit::exporting
