#include "core/series/HandSeries.h"

#include <algorithm>

namespace tacit::series {

namespace {
const char *sideName(int side) {
  return side == 0 ? "left" : "right";
}

std::vector<std::string> landmarkColumns(int side) {
  std::vector<std::string> out;
  for (int i = 0; i < kHandLandmarkCount; ++i)
    for (const char *axis : {"tx", "ty", "tz"})
      out.push_back(std::string(axis) + "_" + sideName(side) + "_landmark_" + std::to_string(i) + "_device");
  return out;
}

std::vector<std::string> wristPoseColumns(int side) {
  std::vector<std::string> out;
  for (const char *c : {"tx", "ty", "tz", "qx", "qy", "qz", "qw"})
    out.push_back(std::string(c) + "_" + sideName(side) + "_device_wrist");
  return out;
}

std::vector<std::string> normalColumns(int side) {
  std::vector<std::string> out;
  for (const char *part : {"palm", "wrist"})
    for (const char *axis : {"nx", "ny", "nz"})
      out.push_back(std::string(axis) + "_" + sideName(side) + "_" + part + "_device");
  return out;
}

std::vector<std::string> pointColumns(int side) {
  std::vector<std::string> out;
  for (const char *part : {"wrist", "palm"})
    for (const char *axis : {"tx", "ty", "tz"})
      out.push_back(std::string(axis) + "_" + sideName(side) + "_" + part + "_device");
  return out;
}

std::string confidenceColumn(int side) {
  return std::string(sideName(side)) + "_tracking_confidence";
}

void append(std::vector<std::string> &to, const std::vector<std::string> &from) {
  to.insert(to.end(), from.begin(), from.end());
}

Eigen::Vector3f vec3(const Series &s, int c, std::size_t i) {
  return {s.value(static_cast<std::size_t>(c), i), s.value(static_cast<std::size_t>(c + 1), i),
          s.value(static_cast<std::size_t>(c + 2), i)};
}
} // namespace

const char *handLayoutName(HandLayout layout) {
  switch (layout) {
  case HandLayout::TrackingResultsV1: return "hand_tracking_results v1";
  case HandLayout::TrackingResultsV2: return "hand_tracking_results v2";
  case HandLayout::LandmarksOnly: return "hand landmarks without wrist pose";
  case HandLayout::WristAndPalmV1: return "wrist_and_palm_poses v1";
  case HandLayout::WristAndPalmV2: return "wrist_and_palm_poses v2";
  }
  return "?";
}

std::vector<std::string> HandSeries::layoutColumns(HandLayout layout) {
  std::vector<std::string> cols{"tracking_timestamp_us"};
  const bool landmarks = layout == HandLayout::TrackingResultsV1 || layout == HandLayout::TrackingResultsV2 ||
                         layout == HandLayout::LandmarksOnly;
  for (int side = 0; side < 2; ++side) {
    cols.push_back(confidenceColumn(side));
    append(cols, landmarks ? landmarkColumns(side) : pointColumns(side));
  }
  if (layout == HandLayout::TrackingResultsV1 || layout == HandLayout::TrackingResultsV2)
    for (int side = 0; side < 2; ++side)
      append(cols, wristPoseColumns(side));
  if (layout == HandLayout::TrackingResultsV2 || layout == HandLayout::WristAndPalmV2)
    for (int side = 0; side < 2; ++side)
      append(cols, normalColumns(side));
  return cols;
}

Result<HandSeries> HandSeries::load(const std::string &path, CsvLoadStats *stats) {
  auto header = readCsvHeader(path);
  if (!header)
    return Error{header.error()};
  const auto hasAll = [&](HandLayout layout) { return missingColumns(*header, layoutColumns(layout)).empty(); };
  HandLayout layout;
  if (hasAll(HandLayout::TrackingResultsV2))
    layout = HandLayout::TrackingResultsV2;
  else if (hasAll(HandLayout::TrackingResultsV1))
    layout = HandLayout::TrackingResultsV1;
  else if (hasAll(HandLayout::LandmarksOnly))
    layout = HandLayout::LandmarksOnly;
  else if (hasAll(HandLayout::WristAndPalmV2))
    layout = HandLayout::WristAndPalmV2;
  else if (hasAll(HandLayout::WristAndPalmV1))
    layout = HandLayout::WristAndPalmV1;
  else {
    // Report against whichever family the file resembles most.
    const auto full = layoutColumns(HandLayout::TrackingResultsV1);
    const auto wrist = layoutColumns(HandLayout::WristAndPalmV1);
    auto missFull = missingColumns(*header, full), missWrist = missingColumns(*header, wrist);
    const std::size_t presentFull = full.size() - missFull.size(), presentWrist = wrist.size() - missWrist.size();
    // The timestamp and confidences are shared; compare the family-specific columns found.
    const bool useWrist = presentWrist > presentFull;
    return Error{
        missingColumnsMessage(path, useWrist ? "an Aria wrist_and_palm_poses CSV" : "an Aria hand_tracking_results CSV",
                              useWrist ? wrist : full, useWrist ? missWrist : missFull)};
  }

  auto columns = layoutColumns(layout);
  CsvTableSpec spec;
  spec.columns.assign(columns.begin() + 1, columns.end());
  spec.what = "a hand-tracking CSV";
  auto table = loadCsvTable<float>(path, spec, stats);
  if (!table)
    return Error{table.error()};

  Result<HandSeries> out(HandSeries(layout, table.takeValue()));
  out.warnings() = std::move(table.warnings());
  return out;
}

HandSeries::HandSeries(HandLayout layout, Series series) : m_layout(layout), m_series(std::move(series)) {
  const Series &s = m_series;
  for (int side = 0; side < 2; ++side) {
    m_confidence[side] = s.channelIndex(confidenceColumn(side));
    m_landmarks[side] = s.channelIndex(landmarkColumns(side).front());
    m_wristPose[side] = s.channelIndex(wristPoseColumns(side).front());
    m_normals[side] = s.channelIndex(normalColumns(side).front());
    m_points[side] = s.channelIndex(pointColumns(side).front());
  }
}

std::optional<HandLayout> handLayoutFromName(std::string_view name) {
  for (auto l : {HandLayout::TrackingResultsV1, HandLayout::TrackingResultsV2, HandLayout::LandmarksOnly,
                 HandLayout::WristAndPalmV1, HandLayout::WristAndPalmV2})
    if (name == handLayoutName(l))
      return l;
  return std::nullopt;
}

std::optional<Eigen::Vector3f> HandSeries::wristAt(std::size_t i, HandSide side) const {
  const int k = static_cast<int>(side);
  if (m_series.value(static_cast<std::size_t>(m_confidence[k]), i) < 0.0f)
    return std::nullopt;
  if (m_points[k] >= 0) // wrist_and_palm layouts: the wrist point (sampleAt lets it win too)
    return vec3(m_series, m_points[k], i);
  if (m_landmarks[k] >= 0)
    return vec3(m_series, m_landmarks[k] + 3 * kWristLandmark, i);
  return Eigen::Vector3f::Zero();
}

HandPose HandSeries::sampleAt(std::size_t i, HandSide side) const {
  const int k = static_cast<int>(side);
  const Series &s = m_series;
  HandPose p;
  p.time = s.timeAt(i);
  p.confidence = s.value(static_cast<std::size_t>(m_confidence[k]), i);
  if (m_landmarks[k] >= 0) {
    p.hasLandmarks = true;
    for (int l = 0; l < kHandLandmarkCount; ++l)
      p.landmarks[static_cast<std::size_t>(l)] = vec3(s, m_landmarks[k] + 3 * l, i);
    p.wristPosition = p.landmarks[kWristLandmark];
    p.palmPosition = p.landmarks[kPalmLandmark];
  }
  if (m_wristPose[k] >= 0) {
    p.hasWristPose = true;
    const int c = m_wristPose[k];
    p.wristTranslation = vec3(s, c, i).cast<double>();
    const Eigen::Vector3f q = vec3(s, c + 3, i);
    const float qw = s.value(static_cast<std::size_t>(c + 6), i);
    Eigen::Quaterniond rot(qw, q.x(), q.y(), q.z());
    p.wristRotation = rot.norm() > 0 ? rot.normalized() : Eigen::Quaterniond::Identity();
  }
  if (m_normals[k] >= 0) {
    p.hasNormals = true;
    p.palmNormal = vec3(s, m_normals[k], i);
    p.wristNormal = vec3(s, m_normals[k] + 3, i);
  }
  if (m_points[k] >= 0) {
    p.wristPosition = vec3(s, m_points[k], i);
    p.palmPosition = vec3(s, m_points[k] + 3, i);
  }
  return p;
}

HandPose HandSeries::interpolateAt(Timestamp t, HandSide side, Timestamp maxGap) const {
  const std::ptrdiff_t i = m_series.indexAt(t);
  if (i < 0) {
    HandPose missing;
    missing.time = t;
    return missing;
  }
  const auto a = static_cast<std::size_t>(i);
  HandPose pa = sampleAt(a, side);
  if (a + 1 >= m_series.size() || pa.time == t || !pa.valid())
    return pa;
  const Timestamp tb = m_series.timeAt(a + 1);
  if (maxGap > 0 && tb - pa.time > maxGap)
    return pa;
  const HandPose pb = sampleAt(a + 1, side);
  if (!pb.valid())
    return pa;
  const double alpha = static_cast<double>(t - pa.time) / static_cast<double>(tb - pa.time);
  HandPose out = interpolateHandPose(pa, pb, alpha);
  out.time = t;
  return out;
}

HandPose interpolateHandPose(const HandPose &a, const HandPose &b, double alpha) {
  const float af = static_cast<float>(alpha);
  HandPose p = a;
  p.confidence = a.confidence + af * (b.confidence - a.confidence);
  for (std::size_t l = 0; l < p.landmarks.size(); ++l)
    p.landmarks[l] = a.landmarks[l] + af * (b.landmarks[l] - a.landmarks[l]);
  p.wristTranslation = a.wristTranslation + alpha * (b.wristTranslation - a.wristTranslation);
  p.wristRotation = a.wristRotation.slerp(alpha, b.wristRotation).normalized();
  const auto blendNormal = [af](const Eigen::Vector3f &x, const Eigen::Vector3f &y) {
    Eigen::Vector3f n = x + af * (y - x);
    return n.norm() > 1e-6f ? Eigen::Vector3f(n.normalized()) : n;
  };
  p.palmNormal = blendNormal(a.palmNormal, b.palmNormal);
  p.wristNormal = blendNormal(a.wristNormal, b.wristNormal);
  p.wristPosition = a.wristPosition + af * (b.wristPosition - a.wristPosition);
  p.palmPosition = a.palmPosition + af * (b.palmPosition - a.palmPosition);
  return p;
}

} // namespace tacit::series
