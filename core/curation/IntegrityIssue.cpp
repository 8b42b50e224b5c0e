#include "core/curation/IntegrityIssue.h"

namespace tacit::curation {

namespace {
constexpr std::pair<IssueKind, const char *> kNames[] = {
    {IssueKind::DroppedFrames, "dropped_frames"},
    {IssueKind::DuplicateFrames, "duplicate_frames"},
    {IssueKind::Gap, "gap"},
    {IssueKind::DuplicateTimestamps, "duplicate_timestamps"},
    {IssueKind::NonMonotonic, "non_monotonic"},
    {IssueKind::RateChange, "rate_change"},
    {IssueKind::ClockOffset, "clock_offset"},
    {IssueKind::TrackingDropout, "tracking_dropout"},
    {IssueKind::GazeInvalid, "gaze_invalid"},
    {IssueKind::Unreadable, "unreadable"},
};
} // namespace

const char *issueKindName(IssueKind k) {
  for (const auto &[kind, name] : kNames)
    if (kind == k)
      return name;
  return "unknown";
}

std::optional<IssueKind> issueKindFromName(std::string_view name) {
  for (const auto &[kind, n] : kNames)
    if (name == n)
      return kind;
  return std::nullopt;
}

const std::vector<IssueKind> &allIssueKinds() {
  static const std::vector<IssueKind> all = [] {
    std::vector<IssueKind> v;
    for (const auto &[kind, name] : kNames)
      v.push_back(kind);
    return v;
  }();
  return all;
}

} // namespace tacit::curation
