#pragma once
// Shared rule for the fisheye models' valid field of view (docs/recording-format.md).
#include "core/geometry/RadialPolynomial.h"

namespace tacit::geometry {

// Distortion polynomials are fitted to the image area only and often explode or fold back just
// outside it, so the valid field of view stops at the monotonic limit or at kImageMargin times the
// farthest image corner's normalized radius, whichever comes first.
constexpr double kImageMargin = 1.2;

void limitToImage(RadialPolynomial &radial, int width, int height, double fx, double fy, double cx, double cy);

} // namespace tacit::geometry
