#include "core/import/AriaMpsFiles.h"

#include "core/import/ImportStaging.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/TrajectorySeries.h"

namespace tacit::import {

namespace fs = std::filesystem;

namespace {

struct MpsOutput {
  const char *streamId;
  StreamKind kind;
  const char *target;                   // name in the recording folder
  std::vector<const char *> candidates; // relative to the MPS folder, preferred first
  const char *what;                     // for the warning when absent
};

const std::vector<MpsOutput> &outputs() {
  static const std::vector<MpsOutput> list = {
      {"hands",
       StreamKind::HandPose,
       "hands.csv",
       {"hand_tracking/hand_tracking_results.csv", "hand_tracking_results.csv",
        "hand_tracking/wrist_and_palm_poses.csv", "wrist_and_palm_poses.csv"},
       "hand tracking (hand_tracking/hand_tracking_results.csv or wrist_and_palm_poses.csv)"},
      {"trajectory",
       StreamKind::Trajectory,
       "trajectory.csv",
       {"slam/closed_loop_trajectory.csv", "trajectory/closed_loop_trajectory.csv", "closed_loop_trajectory.csv"},
       "closed-loop trajectory (slam/closed_loop_trajectory.csv)"},
      {"trajectory_open_loop",
       StreamKind::Trajectory,
       "open_loop_trajectory.csv",
       {"slam/open_loop_trajectory.csv", "trajectory/open_loop_trajectory.csv", "open_loop_trajectory.csv"},
       "open-loop trajectory (slam/open_loop_trajectory.csv)"},
      {"gaze",
       StreamKind::Gaze,
       "gaze.csv",
       {"eye_gaze/general_eye_gaze.csv", "eye_gaze/generalized_eye_gaze.csv", "general_eye_gaze.csv",
        "generalized_eye_gaze.csv"},
       "general eye gaze (eye_gaze/general_eye_gaze.csv)"},
      {"gaze_personalized",
       StreamKind::Gaze,
       "gaze_personalized.csv",
       {"eye_gaze/personalized_eye_gaze.csv", "eye_gaze/calibrated_eye_gaze.csv", "personalized_eye_gaze.csv"},
       "personalized eye gaze (eye_gaze/personalized_eye_gaze.csv)"},
  };
  return list;
}

std::optional<fs::path> find(const fs::path &dir, const std::vector<const char *> &candidates) {
  std::error_code ec;
  for (const char *c : candidates)
    if (fs::is_regular_file(dir / c, ec))
      return dir / c;
  return std::nullopt;
}

// Loads with the shared parser; returns the first sample time or an error.
Result<Timestamp> validate(StreamKind kind, const fs::path &path, std::vector<std::string> &warnings) {
  auto collect = [&](auto &res) -> Result<Timestamp> {
    if (!res)
      return Result<Timestamp>::failure(res.error());
    for (const auto &w : res.warnings())
      warnings.push_back(w);
    if (res->size() == 0) {
      warnings.push_back(path.filename().string() + ": no samples");
      return kInvalidTime;
    }
    return res->timeRange().begin;
  };
  switch (kind) {
  case StreamKind::HandPose: {
    auto r = series::HandSeries::load(path.string());
    return collect(r);
  }
  case StreamKind::Trajectory: {
    auto r = series::TrajectorySeries::load(path.string());
    return collect(r);
  }
  case StreamKind::Gaze: {
    auto r = series::GazeSeries::load(path.string());
    return collect(r);
  }
  default: return Result<Timestamp>::failure(path.string() + ": unexpected stream kind");
  }
}

} // namespace

Result<MpsImport> importMpsOutputs(const fs::path &mpsDir, const fs::path &folder) {
  using R = Result<MpsImport>;
  std::error_code ec;
  if (!fs::is_directory(mpsDir, ec))
    return R::failure(mpsDir.string() + ": MPS folder does not exist");
  MpsImport out;
  std::vector<std::string> warnings;
  for (const MpsOutput &o : outputs()) {
    auto src = find(mpsDir, o.candidates);
    if (!src) {
      warnings.push_back(mpsDir.filename().string() + ": no " + o.what + "; not imported");
      continue;
    }
    auto first = validate(o.kind, *src, warnings);
    if (!first)
      return R::failure(first.error());
    if (*first != kInvalidTime && (out.earliestNs == kInvalidTime || *first < out.earliestNs))
      out.earliestNs = *first;
    if (auto s = linkOrCopy(*src, folder / o.target); !s)
      return R::failure(s.error());
    StreamDescriptor d;
    d.id = o.streamId;
    d.kind = o.kind;
    d.path = o.target;
    out.streams.push_back(d);
    out.files.push_back(o.target);
  }
  if (auto online = find(mpsDir, {"slam/online_calibration.jsonl", "trajectory/online_calibration.jsonl",
                                  "online_calibration.jsonl"})) {
    auto entries = aria::readOnlineCalibration(*online);
    if (!entries)
      return R::failure(entries.error());
    out.online = entries->front();
    if (auto s = linkOrCopy(*online, folder / "online_calibration.jsonl"); !s)
      return R::failure(s.error());
    out.files.push_back("online_calibration.jsonl");
  } else {
    warnings.push_back(mpsDir.filename().string() + ": no slam/online_calibration.jsonl; not imported");
  }
  R result(std::move(out));
  for (auto &w : warnings)
    result.addWarning(std::move(w));
  return result;
}

} // namespace tacit::import
