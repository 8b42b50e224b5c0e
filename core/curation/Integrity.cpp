#include "core/curation/Integrity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tacit::curation {

namespace {

template <typename S> std::vector<Timestamp> globalTimes(const S &series, Timestamp offset) {
  const auto times = series.series().times();
  std::vector<Timestamp> t(times.begin(), times.end());
  if (offset != 0)
    for (auto &v : t)
      v += offset;
  return t;
}

IntegrityIssue offsetIssue(const OffsetEstimate &e, const std::string &stream, const std::string &reference,
                           TimeRange span) {
  IntegrityIssue issue;
  issue.kind = IssueKind::ClockOffset;
  issue.stream = stream;
  issue.reference = reference;
  issue.range = span;
  issue.value = e.offsetMs;
  issue.confidence = e.correlation;
  char buf[200];
  std::snprintf(buf, sizeof buf, "%s clock runs %.1f ms %s %s (motion correlation %.2f)", stream.c_str(),
                std::abs(e.offsetMs), e.offsetMs >= 0 ? "ahead of" : "behind", reference.c_str(), e.correlation);
  issue.message = buf;
  return issue;
}

} // namespace

std::size_t IntegrityReport::count(IssueKind kind) const {
  return static_cast<std::size_t>(
      std::count_if(issues.begin(), issues.end(), [&](const IntegrityIssue &i) { return i.kind == kind; }));
}

IntegrityReport analyzeIntegrity(const RecordingSignals &sig, const IntegrityOptions &o,
                                 const std::function<bool()> &cancelled) {
  IntegrityReport report;
  auto add = [&](std::vector<IntegrityIssue> issues) {
    report.issues.insert(report.issues.end(), issues.begin(), issues.end());
  };
  auto summarise = [&](const StreamLoad &s, const std::vector<Timestamp> &times) {
    StreamTimingSummary sum;
    sum.id = s.id;
    sum.kind = s.kind;
    sum.samples = times.size();
    sum.medianIntervalNs = medianInterval(times);
    sum.rateHz = sum.medianIntervalNs > 0 ? 1e9 / static_cast<double>(sum.medianIntervalNs) : 0;
    if (!times.empty())
      sum.range = {times.front(), times.back() + sum.medianIntervalNs};
    report.streams.push_back(sum);
  };
  for (const StreamLoad &s : sig.streams) {
    if (!s.error.empty()) {
      IntegrityIssue issue;
      issue.kind = IssueKind::Unreadable;
      issue.stream = s.id;
      issue.message = s.error;
      report.issues.push_back(issue);
      StreamTimingSummary sum;
      sum.id = s.id;
      sum.kind = s.kind;
      sum.error = s.error;
      report.streams.push_back(sum);
      continue;
    }
    std::vector<Timestamp> times;
    if (&s == sig.video)
      times = sig.videoFrameTimes;
    else if (&s == sig.imuStream)
      times = globalTimes(*sig.imu, s.offsetNs);
    else if (&s == sig.handStream)
      times = globalTimes(*sig.hands, s.offsetNs);
    else if (&s == sig.gazeStream)
      times = globalTimes(*sig.gaze, s.offsetNs);
    else if (&s == sig.trajectoryStream)
      times = globalTimes(*sig.trajectory, s.offsetNs);
    else
      continue; // audio, depth, second streams of a kind: not analysed
    summarise(s, times);
    add(timingIssues(times, s.id, s.kind == StreamKind::Video, o.timing));
    if (s.kind != StreamKind::Video)
      add(backwardIssues(s.stats, s.id, s.offsetNs));
  }
  if (sig.hands)
    add(handDropouts(*sig.hands, sig.handStream->id, sig.handStream->offsetNs, o.minHandConfidence));
  if (sig.gaze)
    add(gazeInvalidSpans(*sig.gaze, sig.gazeStream->id, sig.gazeStream->offsetNs));

  const TimeRange span = sig.span();
  report.imuTrajectory = imuTrajectoryOffset(sig, o.offsets);
  if (report.imuTrajectory && std::abs(report.imuTrajectory->offsetMs) > o.offsetToleranceMs)
    report.issues.push_back(offsetIssue(*report.imuTrajectory, sig.imuStream->id, sig.trajectoryStream->id, span));
  if (o.checkVideoMotion && !(cancelled && cancelled())) {
    report.imuVideo = imuVideoOffset(sig, o.offsets, cancelled);
    if (report.imuVideo && std::abs(report.imuVideo->offsetMs) > o.videoOffsetToleranceMs)
      report.issues.push_back(offsetIssue(*report.imuVideo, sig.imuStream->id, sig.video->id, span));
  }
  std::stable_sort(report.issues.begin(), report.issues.end(),
                   [](const IntegrityIssue &a, const IntegrityIssue &b) { return a.range.begin < b.range.begin; });
  return report;
}

} // namespace tacit::curation
