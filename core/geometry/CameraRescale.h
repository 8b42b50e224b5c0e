#pragma once
// Rescaling/cropping calibrations to the resolution a stream was recorded at
// (Aria pixel convention, shared/docs/FORMATS.md §1.10: p' = s (p - offset + 0.5) - 0.5).
#include <Eigen/Core>
#include <memory>

#include "core/geometry/CameraModel.h"

namespace tacit::geometry {

// The model for an image made by cropping `cropOffset` pixels off the top-left of the calibrated image
// and then scaling it by `scale`. Focal lengths scale by `scale`; distortion coefficients are unchanged
// (they act on normalized coordinates). nullptr when the result is invalid (e.g. scale <= 0).
std::unique_ptr<CameraModel> rescaleCamera(const CameraModel &model, int newWidth, int newHeight, double scale,
                                           const Eigen::Vector2d &cropOffset = Eigen::Vector2d::Zero());

// Aria RGB: calibration is for 2880x2880; the 1408x1408 stream crops 32 px then halves, so
// f' = f/2 and c' = 0.5 (c - 32 + 0.5) - 0.5 (projectaria_tools AriaCalibRescaleAndCrop.cpp).
constexpr int kAriaRgbFullSize = 2880;
constexpr int kAriaRgbHalfSize = 1408;
constexpr double kAriaRgbHalfCrop = 32.0;
std::unique_ptr<CameraModel> ariaRgbRescaleTo1408(const CameraModel &calibration2880);

} // namespace tacit::geometry
