#pragma once
// Irreversible blur of spatial redaction boxes (bystander faces, "blur this"): pixelate into coarse
// blocks, then a strong Gaussian, so no detail of the original survives. Boxes are normalised 0..1.
#include <QImage>
#include <opencv2/core.hpp>
#include <vector>

#include "core/project/ProjectTypes.h"

namespace tacit::consent {

// Blurs every box into an 8-bit image (any channel count) in place. Boxes are clipped to the image.
void blurBoxes(cv::Mat &image, const std::vector<project::RedactionBox> &boxes);
// Same on a QImage (converted to RGB888 if needed); returns the blurred copy.
QImage blurBoxes(const QImage &image, const std::vector<project::RedactionBox> &boxes);
// Boxes of a recording's spatial redactions that cover time t.
std::vector<project::RedactionBox> boxesAt(const std::vector<project::Redaction> &redactions, Timestamp t);

} // namespace tacit::consent
