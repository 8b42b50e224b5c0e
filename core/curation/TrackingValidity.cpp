#include "core/curation/TrackingValidity.h"

#include <cmath>
#include <cstdio>
#include <span>

#include "core/curation/SignalMath.h"
#include "core/curation/StreamTiming.h"

namespace tacit::curation {

namespace {

// Issues for runs of rows where `bad(i)`.
std::vector<IntegrityIssue> badRuns(std::span<const Timestamp> times, Timestamp offsetNs, IssueKind kind,
                                    const std::string &stream, const std::string &hand,
                                    const std::function<bool(std::size_t)> &bad) {
  std::vector<IntegrityIssue> out;
  const Timestamp med = medianInterval(times);
  for (const Run &r : runsWhere(times.size(), bad)) {
    IntegrityIssue issue;
    issue.kind = kind;
    issue.stream = stream;
    issue.hand = hand;
    issue.first = static_cast<std::int64_t>(r.begin);
    issue.last = static_cast<std::int64_t>(r.end) - 1;
    issue.count = static_cast<std::int64_t>(r.length());
    issue.range = {times[r.begin] + offsetNs, (r.end < times.size() ? times[r.end] : times.back() + med) + offsetNs};
    char buf[200];
    std::snprintf(buf, sizeof buf, "%s%s rows %lld-%lld (%.2f s from %.3f s)", hand.empty() ? "" : hand.c_str(),
                  kind == IssueKind::TrackingDropout ? " hand not tracked:" : "gaze invalid:",
                  static_cast<long long>(issue.first), static_cast<long long>(issue.last),
                  toSeconds(issue.range.duration()), toSeconds(issue.range.begin));
    issue.message = buf;
    out.push_back(std::move(issue));
  }
  return out;
}

} // namespace

std::vector<IntegrityIssue> handDropouts(const series::HandSeries &hands, const std::string &stream, Timestamp offsetNs,
                                         double minConfidence) {
  std::vector<IntegrityIssue> out;
  const auto &s = hands.series();
  for (int side = 0; side < 2; ++side) {
    const int c = hands.confidenceChannel(static_cast<series::HandSide>(side));
    if (c < 0)
      continue;
    const auto &conf = s.channel(static_cast<std::size_t>(c));
    auto runs = badRuns(s.times(), offsetNs, IssueKind::TrackingDropout, stream, side == 0 ? "left" : "right",
                        [&](std::size_t i) { return !(conf[i] >= minConfidence); });
    out.insert(out.end(), runs.begin(), runs.end());
  }
  std::sort(out.begin(), out.end(),
            [](const IntegrityIssue &a, const IntegrityIssue &b) { return a.range.begin < b.range.begin; });
  return out;
}

std::vector<IntegrityIssue> gazeInvalidSpans(const series::GazeSeries &gaze, const std::string &stream,
                                             Timestamp offsetNs) {
  const auto &s = gaze.series();
  const auto &yaw = s.channel(series::GazeSeries::Yaw);
  const auto &pitch = s.channel(series::GazeSeries::Pitch);
  return badRuns(s.times(), offsetNs, IssueKind::GazeInvalid, stream, "", [&](std::size_t i) {
    return !std::isfinite(yaw[i]) || !std::isfinite(pitch[i]) || std::abs(yaw[i]) > 1.5f || std::abs(pitch[i]) > 1.5f;
  });
}

} // namespace tacit::curation
