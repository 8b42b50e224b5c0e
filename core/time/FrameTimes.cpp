#include "core/time/FrameTimes.h"

namespace tacit {

std::ptrdiff_t FrameTimes::indexAt(Timestamp t) const {
  // First frame with time > t, minus one.
  std::size_t lo = 0, hi = count();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (at(mid) <= t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return static_cast<std::ptrdiff_t>(lo) - 1;
}

} // namespace tacit
