#include "core/series/TrajectorySeries.h"

#include <algorithm>

namespace tacit::series {

namespace {
const std::vector<std::string> kClosedLoopChannels{"tx_world_device",
                                                   "ty_world_device",
                                                   "tz_world_device",
                                                   "qx_world_device",
                                                   "qy_world_device",
                                                   "qz_world_device",
                                                   "qw_world_device",
                                                   "device_linear_velocity_x_device",
                                                   "device_linear_velocity_y_device",
                                                   "device_linear_velocity_z_device",
                                                   "angular_velocity_x_device",
                                                   "angular_velocity_y_device",
                                                   "angular_velocity_z_device",
                                                   "gravity_x_world",
                                                   "gravity_y_world",
                                                   "gravity_z_world",
                                                   "quality_score"};
const std::vector<std::string> kOpenLoopChannels{"tx_odometry_device",
                                                 "ty_odometry_device",
                                                 "tz_odometry_device",
                                                 "qx_odometry_device",
                                                 "qy_odometry_device",
                                                 "qz_odometry_device",
                                                 "qw_odometry_device",
                                                 "device_linear_velocity_x_odometry",
                                                 "device_linear_velocity_y_odometry",
                                                 "device_linear_velocity_z_odometry",
                                                 "angular_velocity_x_device",
                                                 "angular_velocity_y_device",
                                                 "angular_velocity_z_device",
                                                 "gravity_x_odometry",
                                                 "gravity_y_odometry",
                                                 "gravity_z_odometry",
                                                 "quality_score"};

std::vector<std::string> withPrefix(std::vector<std::string> prefix, const std::vector<std::string> &rest) {
  prefix.insert(prefix.end(), rest.begin(), rest.end());
  return prefix;
}
} // namespace

const std::vector<std::string> &TrajectorySeries::requiredColumns(TrajectoryKind kind) {
  static const auto kClosed =
      withPrefix({"graph_uid", "tracking_timestamp_us", "utc_timestamp_ns"}, kClosedLoopChannels);
  static const auto kOpen = withPrefix({"tracking_timestamp_us", "utc_timestamp_ns", "session_uid"}, kOpenLoopChannels);
  return kind == TrajectoryKind::ClosedLoop ? kClosed : kOpen;
}

Pose interpolatePose(const Pose &a, const Pose &b, double alpha) {
  Pose p;
  p.translation = a.translation + alpha * (b.translation - a.translation);
  p.rotation = a.rotation.slerp(alpha, b.rotation).normalized();
  return p;
}

Result<TrajectorySeries> TrajectorySeries::load(const std::string &path, CsvLoadStats *stats) {
  auto header = readCsvHeader(path);
  if (!header)
    return Error{header.error()};
  const auto has = [&](const char *name) { return std::find(header->begin(), header->end(), name) != header->end(); };
  const TrajectoryKind kind =
      has("tx_odometry_device") && !has("tx_world_device") ? TrajectoryKind::OpenLoop : TrajectoryKind::ClosedLoop;
  const auto &required = requiredColumns(kind);
  if (auto missing = missingColumns(*header, required); !missing.empty())
    return Error{missingColumnsMessage(path,
                                       kind == TrajectoryKind::ClosedLoop ? "an MPS closed-loop trajectory CSV"
                                                                          : "an MPS open-loop trajectory CSV",
                                       required, missing)};
  CsvTableSpec spec;
  spec.columns = kind == TrajectoryKind::ClosedLoop ? kClosedLoopChannels : kOpenLoopChannels;
  spec.what = "a trajectory CSV";
  auto table = loadCsvTable<double>(path, spec, stats);
  if (!table)
    return Error{table.error()};
  Result<TrajectorySeries> out(TrajectorySeries(kind, table.takeValue()));
  out.warnings() = std::move(table.warnings());
  return out;
}

Pose TrajectorySeries::poseAt(std::size_t i) const {
  const auto &s = m_series;
  Pose p;
  p.translation = {s.value(Tx, i), s.value(Ty, i), s.value(Tz, i)};
  p.rotation = Eigen::Quaterniond(s.value(Qw, i), s.value(Qx, i), s.value(Qy, i), s.value(Qz, i)).normalized();
  return p;
}

std::optional<Pose> TrajectorySeries::interpolatePoseAt(Timestamp t) const {
  const std::ptrdiff_t i = m_series.indexAt(t);
  if (i < 0)
    return std::nullopt;
  const auto a = static_cast<std::size_t>(i);
  if (m_series.timeAt(a) == t)
    return poseAt(a);
  if (a + 1 >= m_series.size())
    return std::nullopt;
  const double alpha =
      static_cast<double>(t - m_series.timeAt(a)) / static_cast<double>(m_series.timeAt(a + 1) - m_series.timeAt(a));
  return interpolatePose(poseAt(a), poseAt(a + 1), alpha);
}

Eigen::Vector3d TrajectorySeries::linearVelocity(std::size_t i) const {
  return {m_series.value(Vx, i), m_series.value(Vy, i), m_series.value(Vz, i)};
}

Eigen::Vector3d TrajectorySeries::angularVelocity(std::size_t i) const {
  return {m_series.value(Wx, i), m_series.value(Wy, i), m_series.value(Wz, i)};
}

} // namespace tacit::series
