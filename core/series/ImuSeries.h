#pragma once
// Native imu.csv (DESIGN §4): timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z (m/s², rad/s).
#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/series/CsvTable.h"
#include "core/series/Series.h"

namespace tacit::series {

struct ImuSample {
  Timestamp time = 0;
  Eigen::Vector3f accel = Eigen::Vector3f::Zero(); // m/s²
  Eigen::Vector3f gyro = Eigen::Vector3f::Zero();  // rad/s
};

class ImuSeries {
public:
  enum Channel { AccelX = 0, AccelY, AccelZ, GyroX, GyroY, GyroZ };
  static const std::vector<std::string> &channelColumns(); // accel_x .. gyro_z

  static Result<ImuSeries> load(const std::string &path, CsvLoadStats *stats = nullptr);
  ImuSeries() = default;
  // Wraps a finished series with the six IMU channels in Channel order (e.g. from the VRS importer).
  explicit ImuSeries(Series series) : m_series(std::move(series)) {}

  const Series &series() const { return m_series; }
  std::size_t size() const { return m_series.size(); }
  TimeRange timeRange() const { return m_series.timeRange(); }
  std::ptrdiff_t indexAt(Timestamp t) const { return m_series.indexAt(t); }
  ImuSample sampleAt(std::size_t i) const;
  // Linear between the neighbouring samples; clamps to the first/last sample outside the range.
  ImuSample interpolateAt(Timestamp t) const;
  SeriesWindow windowQuery(TimeRange range, std::size_t maxPoints, const std::vector<int> &channels = {}) const {
    return m_series.windowQuery(range, maxPoints, channels);
  }

private:
  Series m_series;
};

} // namespace tacit::series
