#pragma once
// The scripted scene of the synthetic recording: a table with a few objects and a drawer cabinet,
// two hands doing a fixed sequence of tasks, a head-mounted camera moving smoothly, and injected
// defects (hand-tracking dropout, motion blur, a bystander's face). Everything is a pure function
// of time, so video, depth, IMU, trajectory, hands and gaze agree exactly.
// World frame: z up (gravity -z), metres, the table top is z = 0.
#include <Eigen/Geometry>
#include <array>
#include <string>
#include <vector>

#include "core/sample/HandModel.h"
#include "core/sample/Keyframes.h"
#include "core/sample/SampleOptions.h"
#include "core/sample/TimeWarp.h"
#include "core/time/Timestamp.h"

namespace tacit::sample {

struct Colour {
  unsigned char r, g, b;
};

enum class Shape { Box, Cylinder };

struct ObjectState {
  std::string name;
  Shape shape = Shape::Box;
  Eigen::Isometry3d T_world_object = Eigen::Isometry3d::Identity(); // centre of the object
  Eigen::Vector3d halfExtents = Eigen::Vector3d::Zero();            // cylinder: radius, radius, half height
  Colour colour{128, 128, 128};
  Colour topColour{128, 128, 128}; // face pointing +z in the object frame (drawer interior)
  bool visible = true;
};

struct HandState {
  Eigen::Isometry3d T_world_wrist = Eigen::Isometry3d::Identity(); // hand frame, see HandModel.h
  double flex = 0;
  HandLandmarks landmarksWorld;
  bool tracked = true; // false during the injected tracking dropout (the hand is still visible)
};

struct SceneState {
  double seconds = 0; // since the start of the recording
  Eigen::Isometry3d T_world_device = Eigen::Isometry3d::Identity();
  std::array<HandState, 2> hands; // [Side::Left], [Side::Right]
  std::vector<ObjectState> objects;
  bool faceVisible = false;
  Eigen::Vector3d faceCentreWorld = Eigen::Vector3d::Zero();
  double faceRadius = 0.1;
  bool motionBlur = false;
  Eigen::Vector3d gazeTargetWorld = Eigen::Vector3d::Zero();
};

struct TaskSpan {
  std::string label, hand, object;
  TimeRange range; // device time ns
};

struct DefectSpans {
  TimeRange trackingDropout; // left hand
  TimeRange motionBlur;
  TimeRange bystanderFace;
};

// Spans the demo-quality knobs produced (DegradationOptions; empty when every knob is off).
struct DegradationSpans {
  struct Dropout {
    Side side;
    TimeRange range;
  };
  std::vector<TimeRange> pauses;      // where the motion is halted
  std::vector<TimeRange> extraBlur;   // head shakes with motion blur
  std::vector<Dropout> extraDropouts; // hand not tracked (confidence -1)
  TimeRange failedGrasp;              // first closing of the hand to the retried grasp; empty when off
  double tremorMm = 0;
  double tremorHz[3] = {0, 0, 0};
};

// Head kinematics at one instant, from the analytic trajectory (derivatives by central differences
// of the closed-form curves with a tiny step).
struct DeviceKinematics {
  Eigen::Isometry3d T_world_device;
  Eigen::Vector3d velocityWorld;
  Eigen::Vector3d accelerationWorld;
  Eigen::Vector3d angularVelocityDevice; // rad/s, device frame
  Eigen::Vector3d angularAccelerationDevice;
};

class SceneScript {
public:
  explicit SceneScript(const SampleOptions &options);

  static constexpr Timestamp kStartNs = 10 * kNsPerSecond; // device time of the first sample
  Timestamp startNs() const { return kStartNs; }
  Timestamp endNs() const { return kStartNs + m_durationNs + m_pauseNs; }
  // Recording length: the script's duration plus the hesitation pauses.
  double durationSeconds() const { return m_warp.empty() ? m_duration : m_duration + m_warp.totalPauseSec(); }

  Eigen::Isometry3d worldFromDevice(double seconds) const;
  DeviceKinematics deviceKinematics(double seconds) const;
  SceneState stateAt(double seconds) const;

  const std::vector<TaskSpan> &tasks() const { return m_tasks; }
  const DefectSpans &defects() const { return m_defects; }
  const DegradationSpans &degradation() const { return m_degradationSpans; }
  double secondsOf(Timestamp t) const { return toSeconds(t - kStartNs); }

private:
  Timestamp nsAtU(double u) const {
    return kStartNs + fromSeconds(m_warp.empty() ? u * m_duration : m_warp.recording(u * m_duration));
  }
  // Script position 0..1 at recording second s.
  double scriptU(double s) const { return (m_warp.empty() ? s : m_warp.script(s)) / m_duration; }
  double drawerOpen(double u) const;
  // SceneDegradation.cpp: the knobs' plan (before the keys) and their effects.
  void planPauses(const DegradationOptions &d);
  void planDegradation(const DegradationOptions &d);
  void addFailedGrasp(const Eigen::Vector3d &grip);
  double extraHeadShake(double s) const;
  void applyHandDegradation(SceneState &state, Timestamp t) const;

  double m_duration;
  Timestamp m_durationNs;
  std::uint64_t m_seed;
  Eigen::Vector3d m_cubeStart, m_cubeTarget, m_mugStart, m_boxPos;
  double m_swayPhase[3];
  std::vector<TaskSpan> m_tasks;
  DefectSpans m_defects;
  TimeWarp m_warp;
  Timestamp m_pauseNs = 0;
  DegradationSpans m_degradationSpans;
  double m_tremorPhase[3] = {0, 0, 0};
  std::vector<Key<5>> m_headKeys;                // yaw pitch (deg) dx dy dz (m)
  std::array<std::vector<Key<7>>, 2> m_handKeys; // x y z (m) yaw pitch roll (deg) flex
  std::vector<Key<1>> m_drawerKeys;
  std::vector<Key<3>> m_gazeKeys;
};

} // namespace tacit::sample
