#include "core/time/TimeSource.h"

#include <chrono>

namespace tacit {

Timestamp SteadyTimeSource::now() const {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

} // namespace tacit
