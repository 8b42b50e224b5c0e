#include "core/series/GazeSeries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tacit::series {

namespace {
// Every numeric column seen in the four variants, except the timestamp and the derived three.
const std::vector<std::string> kExtraColumns{
    "yaw_low_rads_cpf",      "pitch_low_rads_cpf",     "yaw_high_rads_cpf",      "pitch_high_rads_cpf",
    "left_yaw_rads_cpf",     "right_yaw_rads_cpf",     "left_pitch_rads_cpf",    "right_pitch_rads_cpf",
    "left_yaw_low_rads_cpf", "right_yaw_low_rads_cpf", "left_yaw_high_rads_cpf", "right_yaw_high_rads_cpf",
    "tx_left_eye_cpf",       "ty_left_eye_cpf",        "tz_left_eye_cpf",        "tx_right_eye_cpf",
    "ty_right_eye_cpf",      "tz_right_eye_cpf"};
} // namespace

const char *gazeLayoutName(GazeLayout layout) {
  switch (layout) {
  case GazeLayout::Legacy: return "eye gaze (legacy)";
  case GazeLayout::WithSession: return "eye gaze (with session_uid)";
  case GazeLayout::Vergence: return "eye gaze (vergence)";
  case GazeLayout::Gen2: return "eye gaze (Gen2)";
  }
  return "?";
}

double vergenceYaw(double leftYaw, double rightYaw) {
  return std::atan((std::tan(leftYaw) + std::tan(rightYaw)) / 2.0);
}

Eigen::Vector3d GazeSample::direction() const {
  return Eigen::Vector3d(std::tan(yaw), std::tan(pitch), 1.0).normalized();
}

std::optional<Eigen::Vector3d> GazeSample::point() const {
  if (!hasDepth())
    return std::nullopt;
  return direction() * depth;
}

Result<GazeSeries> GazeSeries::load(const std::string &path, CsvLoadStats *stats) {
  auto header = readCsvHeader(path);
  if (!header)
    return Error{header.error()};
  const auto has = [&](const std::string &name) {
    return std::find(header->begin(), header->end(), name) != header->end();
  };
  const bool combined = has("yaw_rads_cpf");
  const bool leftRight = has("left_yaw_rads_cpf") && has("right_yaw_rads_cpf");
  if (!has("tracking_timestamp_us") || !has("pitch_rads_cpf") || (!combined && !leftRight)) {
    const std::vector<std::string> expected{"tracking_timestamp_us", "yaw_rads_cpf", "pitch_rads_cpf", "depth_m"};
    std::vector<std::string> missing = missingColumns(*header, {"tracking_timestamp_us", "pitch_rads_cpf"});
    if (!combined && !leftRight)
      missing.push_back("yaw_rads_cpf (or left_yaw_rads_cpf + right_yaw_rads_cpf)");
    return Error{missingColumnsMessage(path, "an Aria eye gaze CSV", expected, missing)};
  }
  GazeLayout layout;
  if (!combined)
    layout = GazeLayout::Vergence;
  else if (leftRight)
    layout = GazeLayout::Gen2;
  else if (has("session_uid"))
    layout = GazeLayout::WithSession;
  else
    layout = GazeLayout::Legacy;

  CsvTableSpec spec;
  spec.what = "an Aria eye gaze CSV";
  spec.columns = {combined ? "yaw_rads_cpf" : "left_yaw_rads_cpf", "pitch_rads_cpf"};
  const bool depth = has("depth_m");
  if (depth)
    spec.columns.push_back("depth_m");
  for (const auto &c : kExtraColumns)
    if (has(c) && std::find(spec.columns.begin(), spec.columns.end(), c) == spec.columns.end())
      spec.columns.push_back(c);
  // Only the angles are mandatory per row; bounds, depth and eye origins may be empty.
  spec.nullable.assign(spec.columns.begin() + 2, spec.columns.end());
  auto table = loadCsvTable<float>(path, spec, stats);
  if (!table)
    return Error{table.error()};

  Series s = table.takeValue();
  // Build the canonical first three channels: yaw, pitch, depth.
  std::vector<std::string> names{"yaw_rads_cpf", "pitch_rads_cpf", "depth_m"};
  Series out(names);
  std::vector<float> yaw;
  if (combined) {
    yaw.assign(s.channel(0).begin(), s.channel(0).end());
  } else {
    const auto l = s.channel(0);
    const auto r = s.channel(static_cast<std::size_t>(s.channelIndex("right_yaw_rads_cpf")));
    yaw.resize(l.size());
    for (std::size_t i = 0; i < l.size(); ++i)
      yaw[i] = static_cast<float>(vergenceYaw(l[i], r[i]));
  }
  std::vector<float> row(3);
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    row[0] = yaw[i];
    row[1] = s.value(1, i);
    row[2] = depth ? s.value(2, i) : std::numeric_limits<float>::quiet_NaN();
    out.append(s.timeAt(i), row.data());
  }
  for (std::size_t c = depth ? 3 : 2; c < s.channelCount(); ++c)
    out.addChannel(s.channelName(c), {s.channel(c).begin(), s.channel(c).end()});
  if (!combined)
    out.addChannel("left_yaw_rads_cpf", {s.channel(0).begin(), s.channel(0).end()});
  out.finish();

  GazeSeries gaze;
  gaze.m_layout = layout;
  gaze.m_series = std::move(out);
  Result<GazeSeries> result(std::move(gaze));
  result.warnings() = std::move(table.warnings());
  return result;
}

std::optional<GazeLayout> gazeLayoutFromName(std::string_view name) {
  for (auto l : {GazeLayout::Legacy, GazeLayout::WithSession, GazeLayout::Vergence, GazeLayout::Gen2})
    if (name == gazeLayoutName(l))
      return l;
  return std::nullopt;
}

GazeSample GazeSeries::sampleAt(std::size_t i) const {
  GazeSample g;
  g.time = m_series.timeAt(i);
  g.yaw = m_series.value(Yaw, i);
  g.pitch = m_series.value(Pitch, i);
  g.depth = m_series.value(Depth, i);
  return g;
}

GazeSample GazeSeries::interpolateAt(Timestamp t) const {
  if (m_series.empty()) {
    GazeSample g;
    g.time = t;
    return g;
  }
  const std::ptrdiff_t i = m_series.indexAt(t);
  if (i < 0)
    return sampleAt(0);
  const auto a = static_cast<std::size_t>(i);
  if (a + 1 >= m_series.size() || m_series.timeAt(a) == t)
    return sampleAt(a);
  const GazeSample g0 = sampleAt(a), g1 = sampleAt(a + 1);
  const double alpha = static_cast<double>(t - g0.time) / static_cast<double>(g1.time - g0.time);
  GazeSample g;
  g.time = t;
  g.yaw = g0.yaw + alpha * (g1.yaw - g0.yaw);
  g.pitch = g0.pitch + alpha * (g1.pitch - g0.pitch);
  g.depth = g0.hasDepth() && g1.hasDepth() ? g0.depth + alpha * (g1.depth - g0.depth) : g0.depth;
  return g;
}

} // namespace tacit::series
