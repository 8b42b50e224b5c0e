#pragma once
// Small numeric tools shared by the curation metrics and detectors: order statistics, a zero-phase
// Butterworth low-pass (Winter, "Biomechanics and Motor Control of Human Movement", 4th ed., §3.4),
// and runs of a predicate.
#include <cstddef>
#include <functional>
#include <vector>

namespace tacit::curation {

// q in [0,1], linear interpolation between order statistics; NaN for an empty input.
double quantile(std::vector<double> values, double q);
double median(std::vector<double> values);

// Second-order Butterworth low-pass run forwards and backwards (zero phase, fourth-order
// roll-off), with the ends padded by odd reflection so they do not ring. cutoffHz < rateHz / 2.
std::vector<double> lowPassZeroPhase(const std::vector<double> &x, double rateHz, double cutoffHz);

// Central differences (one-sided at the ends), per sample interval dt.
std::vector<double> derivative(const std::vector<double> &x, double dt);

struct Run {
  std::size_t begin = 0, end = 0; // [begin, end)
  std::size_t length() const { return end - begin; }
};
// Maximal runs of indices where pred(i) is true.
std::vector<Run> runsWhere(std::size_t n, const std::function<bool(std::size_t)> &pred);

// x low-passed (lowPassZeroPhase) over each run of finite samples at least minRun long; NaN elsewhere.
std::vector<double> filteredRuns(const std::vector<double> &x, double rate, double cutoff, std::size_t minRun);

// Pearson correlation of two equally long vectors (0 when either is constant).
double correlation(const std::vector<double> &a, const std::vector<double> &b);

} // namespace tacit::curation
