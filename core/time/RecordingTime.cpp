#include "core/time/RecordingTime.h"

#include <cstdio>

namespace tacit {

std::string formatRecordingTime(Timestamp relativeNs) {
  const bool negative = relativeNs < 0;
  const long long ms = static_cast<long long>((negative ? -relativeNs : relativeNs) / kNsPerMs);
  const long long h = ms / 3600000, m = (ms / 60000) % 60, s = (ms / 1000) % 60, milli = ms % 1000;
  char buf[48];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld.%03lld", negative ? "-" : "", h, m, s, milli);
  else
    std::snprintf(buf, sizeof buf, "%s%02lld:%02lld.%03lld", negative ? "-" : "", m, s, milli);
  return buf;
}

} // namespace tacit
