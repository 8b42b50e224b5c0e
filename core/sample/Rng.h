#pragma once
// Small deterministic random source: the same seed gives the same numbers with every compiler and
// standard library (std::normal_distribution is implementation-defined, so it is not used).
#include <cmath>
#include <cstdint>
#include <numbers>

namespace tacit::sample {

class Rng {
public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  // SplitMix64.
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Standard normal (Box-Muller, one value per call).
  double gaussian() {
    const double u1 = 1.0 - uniform(); // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

private:
  std::uint64_t m_state;
};

} // namespace tacit::sample
