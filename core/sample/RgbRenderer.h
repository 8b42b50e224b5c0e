#pragma once
// Renders the scene through the RGB camera model (fisheye624) directly: every polygon is clipped
// to the model's valid field of view, its edges are subdivided until their projections are short,
// and the projected outline is filled (painter's algorithm, far to near). Hands are drawn from the
// projections of the same 3D landmarks that hands.csv stores, so they line up exactly.
#include <Eigen/Geometry>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

#include "core/geometry/CameraModel.h"
#include "core/sample/SceneGeometry.h"

namespace tacit::sample {

class RgbRenderer {
public:
  RgbRenderer(std::shared_ptr<const geometry::CameraModel> model, const Eigen::Isometry3d &T_device_camera);

  // Renders into `out` (CV_8UC3, RGB order, model size), including the frame code.
  void render(const SceneState &state, std::uint32_t frameIndex, cv::Mat &out) const;

  // Pixel box of the bystander's face (head and hair), clipped to the image; nullopt when not visible.
  std::optional<cv::Rect2d> faceBox(const SceneState &state) const;

private:
  struct Plane {
    Eigen::Vector3d n;
    double d;
  };
  Eigen::Isometry3d cameraFromWorld(const SceneState &state) const;
  std::vector<Eigen::Vector3d> clip(std::vector<Eigen::Vector3d> polygon) const;
  void appendEdge(const Eigen::Vector3d &a, const Eigen::Vector2d &pa, const Eigen::Vector3d &b,
                  const Eigen::Vector2d &pb, int depth, std::vector<cv::Point> &out) const;
  void fillPolygon(cv::Mat &img, const std::vector<Eigen::Vector3d> &cameraPoints, Colour colour) const;
  void drawHand(cv::Mat &img, const HandLandmarks &camera, const Eigen::Vector3d &forearmCamera, bool left) const;
  void drawFace(cv::Mat &img, const SceneState &state, const Eigen::Isometry3d &T_cam_world) const;
  std::vector<Eigen::Vector3d> faceOutline(const SceneState &state, const Eigen::Isometry3d &T_cam_world, double scale,
                                           const Eigen::Vector3d &offsetUp, int n) const;
  double pixelRadius(const Eigen::Vector3d &p, const Eigen::Vector2d &pp, double radius) const;

  std::shared_ptr<const geometry::CameraModel> m_model;
  Eigen::Isometry3d m_T_device_camera;
  std::vector<Plane> m_planes;
  double m_maxSegmentPx;
};

} // namespace tacit::sample
