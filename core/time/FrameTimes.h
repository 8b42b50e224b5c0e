#pragma once
// Frame-time provider for TimeControl::step (DESIGN §3.2/§3.3): the sorted presentation times of one
// stream, in that stream's own clock (before its offset). The media module implements this over its
// frame index; VectorFrameTimes wraps a plain sorted vector.
#include <cstddef>
#include <functional>
#include <vector>

#include "core/time/Timestamp.h"

namespace tacit {

class FrameTimes {
public:
  virtual ~FrameTimes() = default;
  virtual std::size_t count() const = 0;
  // Time of frame i (0 <= i < count()), ascending in i.
  virtual Timestamp at(std::size_t i) const = 0;
  // Latest frame whose time is <= t, or -1 when t is before the first frame (binary search).
  std::ptrdiff_t indexAt(Timestamp t) const;
};

class VectorFrameTimes : public FrameTimes {
public:
  explicit VectorFrameTimes(std::vector<Timestamp> times) : m_times(std::move(times)) {}
  std::size_t count() const override { return m_times.size(); }
  Timestamp at(std::size_t i) const override { return m_times[i]; }

private:
  std::vector<Timestamp> m_times;
};

// Adapter for callers that keep their own index: count and at are called on the GUI thread.
class CallbackFrameTimes : public FrameTimes {
public:
  CallbackFrameTimes(std::function<std::size_t()> count, std::function<Timestamp(std::size_t)> at)
      : m_count(std::move(count)), m_at(std::move(at)) {}
  std::size_t count() const override { return m_count(); }
  Timestamp at(std::size_t i) const override { return m_at(i); }

private:
  std::function<std::size_t()> m_count;
  std::function<Timestamp(std::size_t)> m_at;
};

} // namespace tacit
