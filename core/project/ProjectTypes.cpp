#include "core/project/ProjectTypes.h"

#include <algorithm>
#include <chrono>

namespace tacit::project {

const char *reviewStatusName(ReviewStatus s) {
  switch (s) {
  case ReviewStatus::Unreviewed: return "unreviewed";
  case ReviewStatus::InReview: return "in_review";
  case ReviewStatus::Approved: return "approved";
  case ReviewStatus::Rejected: return "rejected";
  }
  return "unreviewed";
}

const char *reviewStatusDisplayName(ReviewStatus s) {
  switch (s) {
  case ReviewStatus::Unreviewed: return "Unreviewed";
  case ReviewStatus::InReview: return "In review";
  case ReviewStatus::Approved: return "Approved";
  case ReviewStatus::Rejected: return "Rejected";
  }
  return "Unreviewed";
}

std::optional<ReviewStatus> reviewStatusFromName(std::string_view name) {
  for (auto s : {ReviewStatus::Unreviewed, ReviewStatus::InReview, ReviewStatus::Approved, ReviewStatus::Rejected})
    if (name == reviewStatusName(s))
      return s;
  return std::nullopt;
}

Status checkReviewReason(ReviewStatus status, std::string_view reason) {
  const bool blank = reason.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (status == ReviewStatus::Rejected && blank)
    return Status::failure("a rejection needs a reason");
  return okStatus();
}

const char *mediaStateName(MediaState s) {
  switch (s) {
  case MediaState::Ok: return "ok";
  case MediaState::Missing: return "missing";
  case MediaState::Changed: return "changed";
  }
  return "ok";
}

const char *consentKindName(ConsentKind k) {
  switch (k) {
  case ConsentKind::Granted: return "granted";
  case ConsentKind::Withdrawn: return "withdrawn";
  case ConsentKind::ScopeChanged: return "scope_changed";
  }
  return "granted";
}

std::optional<ConsentKind> consentKindFromName(std::string_view name) {
  for (auto k : {ConsentKind::Granted, ConsentKind::Withdrawn, ConsentKind::ScopeChanged})
    if (name == consentKindName(k))
      return k;
  return std::nullopt;
}

bool Redaction::coversStream(std::string_view stream) const {
  return streams.empty() || std::find(streams.begin(), streams.end(), stream) != streams.end();
}

std::vector<RedactionBox> Redaction::boxesAt(Timestamp t) const {
  std::vector<RedactionBox> out;
  if (t < startNs || t >= endNs)
    return out;
  const RedactionBox *key = nullptr; // latest key at or before t (else the first key)
  for (const auto &b : boxes) {
    if (!b.keyed()) {
      out.push_back(b);
      continue;
    }
    if (!key || (b.atNs <= t && (key->atNs > t || b.atNs >= key->atNs)) || (key->atNs > t && b.atNs < key->atNs))
      key = &b;
  }
  if (key)
    out.push_back(*key);
  return out;
}

const std::vector<std::string> &redactableStreams() {
  static const std::vector<std::string> names{"video", "depth", "audio", "imu", "hands", "trajectory", "gaze"};
  return names;
}

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace tacit::project
