#include "core/curation/StreamTiming.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tacit::curation {

namespace {

std::string ms(Timestamp t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", static_cast<double>(t) / 1e6);
  return buf;
}

std::string at(Timestamp t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", toSeconds(t));
  return buf;
}

Timestamp medianOf(std::vector<Timestamp> v) {
  if (v.empty())
    return 0;
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

} // namespace

Timestamp medianInterval(std::span<const Timestamp> times) {
  std::vector<Timestamp> d;
  d.reserve(times.size());
  for (std::size_t i = 1; i < times.size(); ++i)
    if (times[i] > times[i - 1])
      d.push_back(times[i] - times[i - 1]);
  return medianOf(std::move(d));
}

std::vector<IntegrityIssue> timingIssues(const std::vector<Timestamp> &times, const std::string &stream, bool video,
                                         const TimingOptions &o) {
  std::vector<IntegrityIssue> out;
  const Timestamp med = medianInterval(times);
  if (med <= 0)
    return out;
  const auto n = static_cast<std::int64_t>(times.size());
  const char *unit = video ? "frame" : "sample";
  for (std::int64_t i = 1; i < n; ++i) {
    const Timestamp d = times[static_cast<std::size_t>(i)] - times[static_cast<std::size_t>(i - 1)];
    IntegrityIssue issue;
    issue.stream = stream;
    issue.first = i - 1;
    issue.last = i;
    issue.range = {times[static_cast<std::size_t>(i - 1)], times[static_cast<std::size_t>(i)]};
    if (static_cast<double>(d) > o.gapFactor * static_cast<double>(med)) {
      issue.kind = video ? IssueKind::DroppedFrames : IssueKind::Gap;
      issue.count = std::max<std::int64_t>(1, std::llround(static_cast<double>(d) / static_cast<double>(med)) - 1);
      issue.message = std::to_string(issue.count) + " " + unit + (issue.count > 1 ? "s" : "") + " missing between " +
                      unit + "s " + std::to_string(i - 1) + " and " + std::to_string(i) + " at " +
                      at(issue.range.begin) + " (" + ms(d) + " interval, median " + ms(med) + ")";
      out.push_back(std::move(issue));
    } else if (static_cast<double>(d) < o.duplicateFactor * static_cast<double>(med)) {
      issue.kind = video ? IssueKind::DuplicateFrames : IssueKind::DuplicateTimestamps;
      issue.count = 1;
      issue.range.end = issue.range.begin + med;
      issue.message = std::string(video ? "frame " : "row ") + std::to_string(i) + " duplicates " +
                      std::to_string(i - 1) + " at " + at(issue.range.begin) + " (" + ms(d) + " apart)";
      out.push_back(std::move(issue));
    }
  }

  // Rate: windows of about rateWindowSec whose median interval is off; neighbouring windows merge.
  const auto window = std::max<std::int64_t>(20, std::llround(o.rateWindowSec * 1e9 / static_cast<double>(med)));
  if (n < 3 * window)
    return out;
  std::vector<Timestamp> d;
  IntegrityIssue current;
  bool open = false;
  for (std::int64_t w = 1; w + window <= n; w += window) {
    d.clear();
    for (std::int64_t i = w; i < w + window; ++i)
      d.push_back(times[static_cast<std::size_t>(i)] - times[static_cast<std::size_t>(i - 1)]);
    const Timestamp m = medianOf(d);
    const bool off = std::abs(static_cast<double>(m) / static_cast<double>(med) - 1.0) > o.rateTolerance;
    if (off && !open) {
      current = {};
      current.kind = IssueKind::RateChange;
      current.stream = stream;
      current.first = w - 1;
      current.range.begin = times[static_cast<std::size_t>(w - 1)];
      open = true;
    }
    if (off) {
      current.last = w + window - 1;
      current.range.end = times[static_cast<std::size_t>(w + window - 1)];
      current.value = m > 0 ? 1e9 / static_cast<double>(m) : 0;
    }
    if (open && (!off || w + 2 * window > n)) {
      current.count = current.last - current.first + 1;
      char buf[160];
      std::snprintf(buf, sizeof buf, "rate %.1f Hz instead of %.1f Hz from %s to %s", current.value,
                    1e9 / static_cast<double>(med), at(current.range.begin).c_str(), at(current.range.end).c_str());
      current.message = buf;
      out.push_back(current);
      open = false;
    }
  }
  return out;
}

std::vector<IntegrityIssue> backwardIssues(const series::CsvLoadStats &stats, const std::string &stream,
                                           Timestamp offsetNs) {
  std::vector<IntegrityIssue> out;
  for (const auto &step : stats.backwardSteps) {
    IntegrityIssue issue;
    issue.kind = IssueKind::NonMonotonic;
    issue.stream = stream;
    issue.first = issue.last = static_cast<std::int64_t>(step.row);
    issue.count = 1;
    issue.range = {step.to + offsetNs, step.from + offsetNs};
    issue.message =
        "row " + std::to_string(step.row) + " steps back " + ms(step.from - step.to) + " to " + at(step.to + offsetNs);
    out.push_back(std::move(issue));
  }
  if (stats.backwardCount > stats.backwardSteps.size() && !out.empty())
    out.back().message += " (" + std::to_string(stats.backwardCount) + " backward steps in total)";
  return out;
}

} // namespace tacit::curation
