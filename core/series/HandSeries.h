#pragma once
// Aria MPS hand CSVs, recognised by column names (FORMATS §1.3/§1.4), never by file name:
//   TrackingResultsV1 (143 cols), TrackingResultsV2 (155, + normals), LandmarksOnly (the transitional
//   "wrist_and_palm_poses_v3": landmarks, no wrist pose), WristAndPalmV1 (15), WristAndPalmV2 (27).
// tracking_timestamp_us is converted to ns. Confidence -1 = hand missing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/series/CsvTable.h"
#include "core/series/HandPose.h"
#include "core/series/Series.h"

namespace tacit::series {

enum class HandLayout { TrackingResultsV1, TrackingResultsV2, LandmarksOnly, WristAndPalmV1, WristAndPalmV2 };
const char *handLayoutName(HandLayout layout);
std::optional<HandLayout> handLayoutFromName(std::string_view name);

class HandSeries {
public:
  static Result<HandSeries> load(const std::string &path, CsvLoadStats *stats = nullptr);
  HandSeries() = default;
  // A finished series whose channels are named like `layout`'s columns (e.g. from the series cache).
  HandSeries(HandLayout layout, Series series);
  // Column names of a full layout (incl. tracking_timestamp_us), e.g. to write a native hands.csv.
  static std::vector<std::string> layoutColumns(HandLayout layout);

  HandLayout layout() const { return m_layout; }
  // Channels are named by the file's column names; see layoutColumns() for the order.
  const Series &series() const { return m_series; }
  std::size_t size() const { return m_series.size(); }
  TimeRange timeRange() const { return m_series.timeRange(); }
  std::ptrdiff_t indexAt(Timestamp t) const { return m_series.indexAt(t); }
  bool hasLandmarks() const { return m_landmarks[0] >= 0; }
  bool hasWristPose() const { return m_wristPose[0] >= 0; }
  bool hasNormals() const { return m_normals[0] >= 0; }
  int confidenceChannel(HandSide side) const { return m_confidence[static_cast<int>(side)]; }

  HandPose sampleAt(std::size_t i, HandSide side) const;
  // Only the wrist position of sample i (what sampleAt would give), nullopt when the hand is
  // missing; reads three columns instead of every landmark.
  std::optional<Eigen::Vector3f> wristAt(std::size_t i, HandSide side) const;
  // Latest-at sample blended linearly towards the next one. No interpolation across a missing hand:
  // when either neighbour is missing (or they are more than maxGap apart, maxGap > 0) the result is
  // the latest sample at or before t unchanged (missing if that one is). Before the first sample: missing.
  HandPose interpolateAt(Timestamp t, HandSide side, Timestamp maxGap = 0) const;
  SeriesWindow windowQuery(TimeRange range, std::size_t maxPoints, const std::vector<int> &channels = {}) const {
    return m_series.windowQuery(range, maxPoints, channels);
  }

private:
  HandLayout m_layout = HandLayout::TrackingResultsV2;
  Series m_series;
  // First channel of each group per side, -1 when the layout lacks it.
  int m_confidence[2] = {-1, -1};
  int m_landmarks[2] = {-1, -1}; // 63 channels: x,y,z per landmark
  int m_wristPose[2] = {-1, -1}; // tx,ty,tz,qx,qy,qz,qw
  int m_normals[2] = {-1, -1};   // palm xyz, wrist xyz
  int m_points[2] = {-1, -1};    // wrist xyz, palm xyz (wrist_and_palm layouts)
};

} // namespace tacit::series
