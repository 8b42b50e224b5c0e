#pragma once
// Aria MPS trajectories (FORMATS §1.6): closed loop (20 required columns, extras such as the geo
// columns ignored) and open loop. Parsed and stored as double: real files carry garbage velocities
// such as -2.8e18 and positions need more than float precision.
#include <Eigen/Geometry>
#include <optional>
#include <string>
#include <vector>

#include "core/series/CsvTable.h"
#include "core/series/Series.h"

namespace tacit::series {

enum class TrajectoryKind { ClosedLoop, OpenLoop };

// T_world_device (closed loop) or T_odometry_device (open loop): maps device points to world.
struct Pose {
  Eigen::Vector3d translation = Eigen::Vector3d::Zero();
  Eigen::Quaterniond rotation = Eigen::Quaterniond::Identity();
  Eigen::Vector3d apply(const Eigen::Vector3d &p) const { return rotation * p + translation; }
};

// Linear translation + slerp rotation (shortest path), alpha in [0, 1].
Pose interpolatePose(const Pose &a, const Pose &b, double alpha);

class TrajectorySeries {
public:
  // Channel order in series(); names are the file's column names.
  enum Channel { Tx = 0, Ty, Tz, Qx, Qy, Qz, Qw, Vx, Vy, Vz, Wx, Wy, Wz, Gx, Gy, Gz, Quality, kChannelCount };
  static const std::vector<std::string> &requiredColumns(TrajectoryKind kind); // incl. timestamp, uid

  static Result<TrajectorySeries> load(const std::string &path, CsvLoadStats *stats = nullptr);
  TrajectorySeries() = default;
  TrajectorySeries(TrajectoryKind kind, PreciseSeries series) : m_kind(kind), m_series(std::move(series)) {}

  TrajectoryKind kind() const { return m_kind; }
  const PreciseSeries &series() const { return m_series; }
  std::size_t size() const { return m_series.size(); }
  TimeRange timeRange() const { return m_series.timeRange(); }
  std::ptrdiff_t indexAt(Timestamp t) const { return m_series.indexAt(t); }

  Pose poseAt(std::size_t i) const;
  // Linear/slerp between the neighbouring samples; nullopt outside [first, last] sample time.
  std::optional<Pose> interpolatePoseAt(Timestamp t) const;
  Eigen::Vector3d linearVelocity(std::size_t i) const;  // device frame (closed) / odometry frame (open), m/s
  Eigen::Vector3d angularVelocity(std::size_t i) const; // device frame, rad/s
  double quality(std::size_t i) const { return m_series.value(Quality, i); }
  SeriesWindow windowQuery(TimeRange range, std::size_t maxPoints, const std::vector<int> &channels = {}) const {
    return m_series.windowQuery(range, maxPoints, channels);
  }

private:
  TrajectoryKind m_kind = TrajectoryKind::ClosedLoop;
  PreciseSeries m_series;
};

} // namespace tacit::series
