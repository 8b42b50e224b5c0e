#pragma once
// Wall-clock source for PlaybackClock (DESIGN §3.2). Injected so tests can step a fake clock
// instead of sleeping.
#include <memory>

#include "core/time/Timestamp.h"

namespace tacit {

class TimeSource {
public:
  virtual ~TimeSource() = default;
  // Monotonic wall time in nanoseconds (arbitrary origin).
  virtual Timestamp now() const = 0;
};

// std::chrono::steady_clock.
class SteadyTimeSource : public TimeSource {
public:
  Timestamp now() const override;
};

// A clock that only moves when told to (tests, offline rendering).
class ManualTimeSource : public TimeSource {
public:
  Timestamp now() const override { return m_now; }
  void set(Timestamp t) { m_now = t; }
  void advance(Timestamp dt) { m_now += dt; }

private:
  Timestamp m_now = 0;
};

} // namespace tacit
