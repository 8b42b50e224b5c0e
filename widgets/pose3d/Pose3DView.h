#pragma once
// The 3D view (VTK through VtkOpenGLWidget): both hand skeletons (joint spheres + bones coloured by
// hand and confidence), the head trajectory trail with the current camera frustum, the gaze ray and
// a ground grid. Orbit/pan/zoom with the mouse (trackball camera); the camera follows the head as the
// playhead moves unless following is turned off. The API takes core value types only.
#include <memory>
#include <optional>
#include <vector>

#include <Eigen/Geometry>

#include "core/recording/RecordingManifest.h"
#include "core/series/HandPose.h"
#include "widgets/pose3d/VtkOpenGLWidget.h"

namespace tacit {

class Pose3DView : public VtkOpenGLWidget {
  Q_OBJECT
public:
  explicit Pose3DView(QWidget *parent = nullptr);
  ~Pose3DView() override;

  // Head positions in the world frame (the whole recording); also places the ground grid below.
  void setTrajectory(const std::vector<Eigen::Vector3d> &positionsWorld);
  // T_world_device at the playhead; nullopt = unknown (hands are then drawn in the device frame).
  void setHeadPose(const std::optional<Rigid> &worldFromDevice);
  // Pose and field of view of the RGB camera on the device, for the frustum.
  void setCameraFrustum(const Rigid &deviceFromCamera, double horizontalFovRad, double aspect);
  void setHands(const series::HandPose &left, const series::HandPose &right);
  // Gaze origin and direction in the device frame; nullopt hides the ray.
  void setGazeRay(const std::optional<Eigen::Vector3d> &originDevice, const Eigen::Vector3d &directionDevice,
                  double lengthM);
  void setFollowHead(bool follow) { m_follow = follow; }
  bool followHead() const { return m_follow; }

public slots:
  // Frames the hands and head from behind and above.
  void resetView();

private:
  void rebuildHands();
  void updateFrustum();
  Eigen::Vector3d toWorld(const Eigen::Vector3d &pointDevice) const;

  struct Scene;
  std::unique_ptr<Scene> s;
  series::HandPose m_hands[2];
  std::optional<Rigid> m_head;
  Rigid m_deviceFromCamera;
  double m_fov = 1.9, m_aspect = 1.0;
  bool m_follow = true;
  bool m_viewInitialised = false;
  Eigen::Vector3d m_lastFocus = Eigen::Vector3d::Zero();
};

} // namespace tacit
