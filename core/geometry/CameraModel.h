#pragma once
// Camera intrinsics (DESIGN §2 core/geometry). Models: pinhole, Kannala-Brandt (kb4) and Aria
// fisheye624 (shared/docs/FORMATS.md §1.10). Pixel convention: integer (u,v) is a pixel centre.
// Implemented by the geometry module; this header is the contract other modules code against.
#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tacit::geometry {

enum class CameraModelKind { Pinhole, KannalaBrandt4, Fisheye624 };

// Parameter layouts (as stored in calibration.json "params"):
//   pinhole:    fx, fy, cx, cy
//   kb4:        fx, fy, cx, cy, k0, k1, k2, k3
//   fisheye624: f, cx, cy, k0..k5, p0, p1, s0..s3   (15 values, Aria's single-focal layout)
class CameraModel {
public:
  virtual ~CameraModel() = default;
  virtual CameraModelKind kind() const = 0;
  virtual int width() const = 0;
  virtual int height() const = 0;
  virtual const std::vector<double> &params() const = 0;
  // Camera-frame point (metres, z forward) to pixel. nullopt when behind the camera (z <= 0)
  // or outside the model's valid field of view. Does not check image bounds.
  virtual std::optional<Eigen::Vector2d> project(const Eigen::Vector3d &pointCamera) const = 0;
  // Pixel to unit-length ray in the camera frame; nullopt when the model cannot invert it.
  virtual std::optional<Eigen::Vector3d> unproject(const Eigen::Vector2d &pixel) const = 0;
  // Largest angle (radians) between a ray and the optical axis that project()/unproject() accept:
  // below pi/2, where the radial polynomial is still increasing, and (for the fisheye models) not
  // much beyond the image corners. See docs/recording-format.md "Valid field of view".
  virtual double maxTheta() const;
  // True when -0.5 <= u < W-0.5 and likewise for v.
  bool inImage(const Eigen::Vector2d &pixel) const {
    return pixel.x() >= -0.5 && pixel.x() < width() - 0.5 && pixel.y() >= -0.5 && pixel.y() < height() - 0.5;
  }
};

// Factory; returns nullptr when the parameter count does not match the model.
std::unique_ptr<CameraModel> makeCameraModel(CameraModelKind kind, int width, int height, std::vector<double> params);
const char *cameraModelName(CameraModelKind kind); // "pinhole" | "kb4" | "fisheye624"
std::optional<CameraModelKind> cameraModelFromName(const std::string &name);
// Number of "params" the model takes: 4, 8 or 15.
int cameraModelParamCount(CameraModelKind kind);
// Empty when makeCameraModel would accept these values, else the problem in words, e.g.
// "expected 15 params for fisheye624, got 8" or "params[0] (focal length) must be > 0".
std::string cameraParamsProblem(CameraModelKind kind, int width, int height, const std::vector<double> &params);

} // namespace tacit::geometry
