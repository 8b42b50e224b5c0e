#include "core/sample/TruthDegradation.h"

#include <cmath>

#include "core/sample/SampleStreams.h"

namespace tacit::sample {

using nlohmann::ordered_json;

namespace {

ordered_json span(const TimeRange &r) {
  return {{"start_ns", r.begin}, {"end_ns", r.end}};
}

// First and last row whose time lies in r (-1, -1 when none).
std::pair<std::int64_t, std::int64_t> rowsIn(const std::vector<Timestamp> &times, const TimeRange &r) {
  const auto a = std::lower_bound(times.begin(), times.end(), r.begin);
  const auto b = std::lower_bound(times.begin(), times.end(), r.end);
  if (a == b)
    return {-1, -1};
  return {a - times.begin(), (b - times.begin()) - 1};
}

} // namespace

ordered_json degradationOptionsJson(const DegradationOptions &d) {
  return {{"pauses", d.pauses},           {"tremor_mm", d.tremorMm},
          {"jitter_mm", d.jitterMm},      {"failed_grasp", d.failedGrasp},
          {"dropouts", d.dropouts},       {"blurs", d.blurs},
          {"frame_drops", d.frameDrops},  {"duplicate_frames", d.duplicateFrames},
          {"imu_gaps", d.imuGaps},        {"clock_offset_stream", d.offsetStream},
          {"clock_offset_ms", d.offsetMs}};
}

ordered_json degradationJson(const SampleOptions &o, const SceneScript &script, const DegradationTruth &t) {
  const DegradationOptions &d = o.degradation;
  const DegradationSpans &spans = script.degradation();
  ordered_json j;
  j["options"] = degradationOptionsJson(d);
  ordered_json pauses = ordered_json::array();
  for (const TimeRange &r : spans.pauses)
    pauses.push_back(span(r));
  j["pauses"] = std::move(pauses);
  j["tremor"] = {{"amplitude_mm", spans.tremorMm}, {"hz", {spans.tremorHz[0], spans.tremorHz[1], spans.tremorHz[2]}}};
  j["jitter_mm"] = d.jitterMm;
  j["failed_grasp"] = spans.failedGrasp.empty() ? ordered_json() : span(spans.failedGrasp);
  ordered_json dropouts = ordered_json::array();
  for (const auto &drop : spans.extraDropouts) {
    ordered_json e = span(drop.range);
    e["hand"] = drop.side == Side::Left ? "left" : "right";
    const auto [first, last] = rowsIn(t.handTimes, drop.range);
    e["first_row"] = first;
    e["last_row"] = last;
    dropouts.push_back(std::move(e));
  }
  j["tracking_dropouts"] = std::move(dropouts);
  ordered_json blur = ordered_json::array();
  for (const TimeRange &r : spans.extraBlur)
    blur.push_back(span(r));
  j["motion_blur"] = std::move(blur);

  // Video: slots are nominal frame positions (start + round(k * 1e9 / fps)); frames are rgb.mp4's.
  ordered_json dropped = ordered_json::array();
  for (const IndexSpan &s : t.video.dropped) {
    const auto after = std::lower_bound(t.video.times.begin(), t.video.times.end(), t.handTimes[s.first]);
    dropped.push_back({{"first_slot", s.first},
                       {"last_slot", s.last},
                       {"missing", s.last - s.first + 1},
                       {"after_frame", (after - t.video.times.begin()) - 1},
                       {"start_ns", t.handTimes[s.first]},
                       {"end_ns", t.handTimes[s.last]}});
  }
  j["dropped_frames"] = std::move(dropped);
  ordered_json dups = ordered_json::array();
  for (std::int64_t f : t.video.duplicated)
    dups.push_back({{"frame", f}, {"t_ns", t.video.times[static_cast<std::size_t>(f)]}});
  j["duplicated_frames"] = std::move(dups);
  j["video_time_base"] = {1, t.video.timeBaseDen};

  // IMU rows: nominal row k is at start + round(k * 1e9 / imu_hz); file rows skip the gaps.
  const std::vector<Timestamp> imuTimes = fixedRateTimes(script, o.imuHz, 0);
  ordered_json gaps = ordered_json::array();
  std::int64_t skippedBefore = 0;
  for (const IndexSpan &s : t.imu.missing) {
    gaps.push_back({{"first_row", s.first},
                    {"last_row", s.last},
                    {"missing", s.last - s.first + 1},
                    {"after_file_row", s.first - 1 - skippedBefore},
                    {"start_ns", imuTimes[static_cast<std::size_t>(s.first)] + t.imu.offsetNs},
                    {"end_ns", imuTimes[static_cast<std::size_t>(s.last)] + t.imu.offsetNs}});
    skippedBefore += s.last - s.first + 1;
  }
  j["imu_gaps"] = std::move(gaps);
  const Timestamp offset = t.imu.offsetNs != 0 ? t.imu.offsetNs : t.trajectory.offsetNs;
  j["clock_offset"] =
      d.offsetStream.empty() ? ordered_json() : ordered_json{{"stream", d.offsetStream}, {"offset_ns", offset}};
  return j;
}

} // namespace tacit::sample
