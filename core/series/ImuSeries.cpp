#include "core/series/ImuSeries.h"

namespace tacit::series {

const std::vector<std::string> &ImuSeries::channelColumns() {
  static const std::vector<std::string> kColumns{"accel_x", "accel_y", "accel_z", "gyro_x", "gyro_y", "gyro_z"};
  return kColumns;
}

Result<ImuSeries> ImuSeries::load(const std::string &path, CsvLoadStats *stats) {
  CsvTableSpec spec;
  spec.timestampColumn = "timestamp_ns";
  spec.timestampScale = 1;
  spec.columns = channelColumns();
  spec.what = "an IMU CSV";
  auto table = loadCsvTable<float>(path, spec, stats);
  if (!table)
    return Error{table.error()};
  Result<ImuSeries> out(ImuSeries(table.takeValue()));
  out.warnings() = std::move(table.warnings());
  return out;
}

ImuSample ImuSeries::sampleAt(std::size_t i) const {
  const auto &s = m_series;
  return {s.timeAt(i),
          {s.value(AccelX, i), s.value(AccelY, i), s.value(AccelZ, i)},
          {s.value(GyroX, i), s.value(GyroY, i), s.value(GyroZ, i)}};
}

ImuSample ImuSeries::interpolateAt(Timestamp t) const {
  if (m_series.empty())
    return {t, Eigen::Vector3f::Zero(), Eigen::Vector3f::Zero()};
  const std::ptrdiff_t i = m_series.indexAt(t);
  if (i < 0)
    return sampleAt(0);
  const auto a = static_cast<std::size_t>(i);
  if (a + 1 >= m_series.size() || m_series.timeAt(a) == t)
    return sampleAt(a);
  const ImuSample s0 = sampleAt(a), s1 = sampleAt(a + 1);
  const float alpha = static_cast<float>(static_cast<double>(t - s0.time) / static_cast<double>(s1.time - s0.time));
  return {t, s0.accel + alpha * (s1.accel - s0.accel), s0.gyro + alpha * (s1.gyro - s0.gyro)};
}

} // namespace tacit::series
