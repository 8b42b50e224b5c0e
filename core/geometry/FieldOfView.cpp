#include "core/geometry/FieldOfView.h"

#include <algorithm>
#include <cmath>

namespace tacit::geometry {

void limitToImage(RadialPolynomial &radial, int width, int height, double fx, double fy, double cx, double cy) {
  double maxRadius = 0.0;
  for (double u : {-0.5, width - 0.5})
    for (double v : {-0.5, height - 0.5})
      maxRadius = std::max(maxRadius, std::hypot((u - cx) / fx, (v - cy) / fy));
  if (auto theta = radial.invert(kImageMargin * maxRadius))
    radial.setThetaMax(*theta);
}

} // namespace tacit::geometry
