#pragma once
// LeRobot dataset writer, v2.1 and v3.0 layouts (FORMATS.md §5): meta/info.json, episodes, tasks,
// stats; data parquet with observation.state, action, timestamp, frame_index, episode_index, index,
// task_index; the camera as MP4 (VideoEncoder, LeRobot's defaults). v2.1: one parquet + one MP4 per
// episode. v3.0: all episodes in data/chunk-000/file-000.parquet and one concatenated MP4.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/export/FeatureStats.h"
#include "core/export/ParquetWriter.h"
#include "core/export/VideoEncoder.h"

namespace tacit::exporting {

enum class LeRobotVersion { V21, V30 };

struct LeRobotOptions {
  LeRobotVersion version = LeRobotVersion::V30;
  int fps = 30;
  int height = 480, width = 640;
  std::string robotType = "aria_glasses";
  std::string videoKey = "observation.images.front";
  std::string codec = "auto"; // VideoEncoderOptions::codec
  ParquetCompression compression = ParquetCompression::Zstd;
};

class LeRobotWriter {
public:
  ~LeRobotWriter();
  // `root` must exist (the export's temporary folder).
  static Result<std::unique_ptr<LeRobotWriter>> create(const std::filesystem::path &root, LeRobotOptions options);
  Status writeEpisode(const EpisodeData &episode, const FrameProvider &frames, const ProgressCallback &progress = {});
  Status finish();

  int episodeCount() const { return static_cast<int>(m_episodes.size()); }
  std::string videoCodec() const { return m_videoCodec; }
  static const char *versionName(LeRobotVersion v) { return v == LeRobotVersion::V21 ? "v2.1" : "v3.0"; }

private:
  struct EpisodeInfo {
    std::int64_t index = 0, length = 0, taskIndex = 0, fromIndex = 0;
    double fromTimestamp = 0, toTimestamp = 0;
    std::string task;
    std::map<std::string, FeatureStats> stats;
  };
  LeRobotWriter() = default;
  nlohmann::json featuresJson() const;
  std::string huggingfaceMetadata() const;
  Status writeV21Meta();
  Status writeV30Meta();
  Status writeJson(const std::filesystem::path &rel, const nlohmann::json &j) const;
  Status writeText(const std::filesystem::path &rel, const std::string &text) const;

  std::filesystem::path m_root;
  LeRobotOptions m_opt;
  std::vector<EpisodeInfo> m_episodes;
  std::vector<std::string> m_tasks;
  std::int64_t m_totalFrames = 0;
  std::string m_videoCodec;
  std::unique_ptr<VideoEncoder> m_v3Video; // v3: one MP4 for every episode
  // v3: rows of every episode, written at finish().
  std::vector<std::vector<float>> m_state, m_action;
  std::vector<float> m_timestamp;
  std::vector<std::int64_t> m_frameIndex, m_episodeIndex, m_index, m_taskIndex;
};

} // namespace tacit::exporting
