#pragma once
// LeRobot dataset writer, v2.1 and v3.0 layouts (FORMATS.md §5): meta/info.json, episodes, tasks,
// stats; data parquet with observation.state, action, timestamp, frame_index, episode_index, index,
// task_index; the camera as MP4 (LeRobotVideoEncoder, LeRobot's defaults). v2.1: one parquet + one MP4
// per episode. v3.0: episodes share data/chunk-CCC/file-FFF.parquet and videos/<key>/chunk-CCC/file-FFF.mp4
// files; a new file starts when the current one would reach data_files_size_in_mb / video_files_size_in_mb
// (file_index wraps to 0 and chunk_index advances after chunks_size files), as LeRobot does.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/export/FeatureStats.h"
#include "core/export/LeRobotVideoEncoder.h"
#include "core/export/ParquetWriter.h"
#include "core/media/VideoConcatenator.h"

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
  // v3 file limits (LeRobot's defaults); small values make several files (tests).
  double dataFilesSizeMb = 100, videoFilesSizeMb = 200; // lerobot datasets/utils.py:90-91
  int chunksSize = 1000;                                // files per chunk folder (v3), episodes per chunk folder (v2.1)
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
    int dataChunk = 0, dataFile = 0, videoChunk = 0, videoFile = 0; // v3
    std::string task;
    std::map<std::string, StatsSummary> stats; // per feature, computed as lerobot does (FeatureStats.h)
  };
  // v3: where the next episode goes; `bytes` = what the current file holds so far.
  struct FileCursor {
    int chunk = 0, file = 0;
    std::int64_t bytes = 0;
    bool empty = true;
    void advance(int chunksSize);
  };
  LeRobotWriter() = default;
  Status appendV3Video(const std::filesystem::path &episodeFile, EpisodeInfo &info);
  Status flushV3Data();
  std::filesystem::path v3DataPath() const;
  std::filesystem::path v3VideoPath() const;
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
  FileCursor m_dataCursor, m_videoCursor;
  std::unique_ptr<media::VideoConcatenator> m_v3Video; // v3: the current video file
  // The columns of the data parquet, for one episode or (v3) every episode of the current data file.
  struct FrameRows {
    std::vector<std::vector<float>> state, action;
    std::vector<float> timestamp;
    std::vector<std::int64_t> frameIndex, episodeIndex, index, taskIndex;
    void append(const FrameRows &other);
    ParquetTable table() const;
  };
  FrameRows m_pending; // v3: rows of the episodes of the current data file
};

} // namespace tacit::exporting
