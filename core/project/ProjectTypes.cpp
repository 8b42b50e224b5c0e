#include "core/project/ProjectTypes.h"

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

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace tacit::project
