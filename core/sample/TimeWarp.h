#pragma once
// Hesitation pauses as a smooth time warp: the scripted motion slows to a halt, holds, and resumes,
// while the recording clock runs on. script(s) maps recording seconds to script seconds; it is C2
// (each pause is a smootherstep window on the script's rate), so IMU accelerations stay finite.
#include <vector>

namespace tacit::sample {

class TimeWarp {
public:
  struct Pause {
    double scriptSec; // script time the motion halts at
    double lengthSec; // recording time lost (the hold plus half of each ramp)
  };
  static constexpr double kRampSec = 0.3;

  TimeWarp() = default;
  explicit TimeWarp(std::vector<Pause> pauses); // sorted by scriptSec on construction

  bool empty() const { return m_pauses.empty(); }
  double totalPauseSec() const;
  // Recording seconds -> script seconds (identity when empty).
  double script(double recordingSec) const;
  // Script seconds -> the earliest recording second showing it.
  double recording(double scriptSec) const;
  // Recording-time span [begin, end) of pause i (where the script rate is below 1).
  std::pair<double, double> pauseSpan(std::size_t i) const;
  // Recording-time span where the motion is halted (script rate < 1 %) during pause i.
  std::pair<double, double> haltSpan(std::size_t i) const;
  const std::vector<Pause> &pauses() const { return m_pauses; }

private:
  std::vector<Pause> m_pauses;
  std::vector<double> m_windowBegin; // recording time each pause's rate window starts
};

} // namespace tacit::sample
