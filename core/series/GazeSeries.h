#pragma once
// Aria MPS eye gaze CSVs, all four header variants of FORMATS §1.5, recognised by column name.
// Angles in radians in the CPF frame (X left, Y up, Z forward); depth in metres, NaN when the cell
// is empty or the variant has no depth. The vergence variant has no combined yaw column: it is
// computed as in projectaria_tools (atan(x/z) of the left/right ray intersection, which reduces to
// atan((tan(left_yaw) + tan(right_yaw)) / 2)).
#include <Eigen/Core>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/series/CsvTable.h"
#include "core/series/Series.h"

namespace tacit::series {

enum class GazeLayout {
  Legacy,      // 1: yaw, pitch, depth, low/high bounds
  WithSession, // 2: + session_uid, depth last
  Vergence,    // 3: left/right yaw, common pitch, eye origins, session_uid
  Gen2         // 4: combined + left/right yaw and pitch, eye origins, no depth
};
const char *gazeLayoutName(GazeLayout layout);
std::optional<GazeLayout> gazeLayoutFromName(std::string_view name);

struct GazeSample {
  Timestamp time = 0;
  double yaw = 0, pitch = 0;
  double depth = std::numeric_limits<double>::quiet_NaN();
  bool hasDepth() const { return depth == depth && depth > 0; }
  // Unit direction in CPF: normalize(tan(yaw), tan(pitch), 1).
  Eigen::Vector3d direction() const;
  // direction() * depth, or nullopt without depth.
  std::optional<Eigen::Vector3d> point() const;
};

double vergenceYaw(double leftYaw, double rightYaw);

class GazeSeries {
public:
  // Channels 0..2 always exist (the combined yaw is derived for the vergence variant, depth is
  // NaN-filled when absent); further channels keep the file's other numeric columns by name.
  enum Channel { Yaw = 0, Pitch = 1, Depth = 2 };

  static Result<GazeSeries> load(const std::string &path, CsvLoadStats *stats = nullptr);
  GazeSeries() = default;
  // A finished series with the canonical channels (e.g. from the series cache).
  GazeSeries(GazeLayout layout, Series series) : m_layout(layout), m_series(std::move(series)) {}

  GazeLayout layout() const { return m_layout; }
  const Series &series() const { return m_series; }
  std::size_t size() const { return m_series.size(); }
  TimeRange timeRange() const { return m_series.timeRange(); }
  std::ptrdiff_t indexAt(Timestamp t) const { return m_series.indexAt(t); }
  GazeSample sampleAt(std::size_t i) const;
  // Linear in yaw/pitch (and depth when both sides have one); clamps to the ends.
  GazeSample interpolateAt(Timestamp t) const;
  SeriesWindow windowQuery(TimeRange range, std::size_t maxPoints, const std::vector<int> &channels = {}) const {
    return m_series.windowQuery(range, maxPoints, channels);
  }

private:
  GazeLayout m_layout = GazeLayout::WithSession;
  Series m_series;
};

} // namespace tacit::series
