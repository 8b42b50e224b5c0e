#pragma once
// Smoothness of a speed profile (Balasubramanian, Melendez-Calderon, Roby-Brami, Burdet, "On the
// analysis of movement smoothness", J NeuroEng Rehabil 12:112, 2015):
//   LDLJ-V = -ln( (t2 - t1)^3 / v_peak^2 * integral (d^2 v / dt^2)^2 dt )   (higher = smoother)
//   SPARC  = -arc length of the normalised Fourier magnitude spectrum of v up to an adaptive
//            cut-off (at most 10 Hz, where the magnitude last exceeds 0.05), padding to 2^(k+4).
// And movement units: runs where the speed stays above a threshold (Rohrer et al. 2002 style).
#include <vector>

#include "core/curation/SignalMath.h"

namespace tacit::curation {

double ldljFromSpeed(const std::vector<double> &speed, double rateHz);
double sparc(const std::vector<double> &speed, double rateHz, double maxCutoffHz = 10.0, double threshold = 0.05);

// Runs of finite speed above `onSpeed` lasting at least minSec, extended outwards while the speed
// stays above offSpeed (hysteresis).
std::vector<Run> movementUnits(const std::vector<double> &speed, std::size_t begin, std::size_t end, double rateHz,
                               double onSpeed, double offSpeed, double minSec);

} // namespace tacit::curation
