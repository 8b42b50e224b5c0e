#include "core/export/LeRobotWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/export/ActionTargets.h"
#include "core/util/AtomicFile.h"

namespace tacit::exporting {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kStateDims = 6;
const char *kStateNames[kStateDims] = {"left_palm_x",  "left_palm_y",  "left_palm_z",
                                       "right_palm_x", "right_palm_y", "right_palm_z"};
constexpr double kBytesPerMb = 1024.0 * 1024.0; // LeRobot's "MB" are MiB (size / 1024**2)

std::string pad(std::int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
  return buf;
}

} // namespace

LeRobotWriter::~LeRobotWriter() = default;

Result<std::unique_ptr<LeRobotWriter>> LeRobotWriter::create(const fs::path &root, LeRobotOptions options) {
  using R = Result<std::unique_ptr<LeRobotWriter>>;
  std::unique_ptr<LeRobotWriter> w(new LeRobotWriter);
  w->m_root = root;
  w->m_opt = std::move(options);
  std::error_code ec;
  fs::create_directories(root / "meta", ec);
  if (ec)
    return R::failure((root / "meta").string() + ": cannot create folder: " + ec.message());
  if (w->m_opt.chunksSize < 1 || w->m_opt.dataFilesSizeMb <= 0 || w->m_opt.videoFilesSizeMb <= 0)
    return R::failure(root.string() + ": chunks_size and file size limits must be positive");
  return R(std::move(w));
}

Status LeRobotWriter::writeEpisode(const EpisodeData &ep, const FrameProvider &frames,
                                   const ProgressCallback &progress) {
  const std::size_t n = ep.size();
  if (n == 0)
    return Status::failure(m_root.string() + ": episode has no frames");
  EpisodeInfo info;
  info.index = static_cast<std::int64_t>(m_episodes.size());
  info.length = static_cast<std::int64_t>(n);
  info.fromIndex = m_totalFrames;
  info.task = ep.task;
  auto t = std::find(m_tasks.begin(), m_tasks.end(), ep.task);
  info.taskIndex = t - m_tasks.begin();
  const bool newTask = t == m_tasks.end();

  // Low-dim rows: state = palms now, action = palms at the next frame (camera frame of now).
  const std::vector<float> state = eePoseArray(ep);
  const std::vector<float> action = futureActions(ep, 1, 1);
  // The aligner never produces NaN or inf; refuse rather than write one (docs/export.md).
  auto finite = [](const std::vector<float> &v) {
    return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
  };
  if (!finite(state) || !finite(action))
    return Status::failure(m_root.string() + ": episode " + std::to_string(info.index) +
                           " has a non-finite palm position; nothing is written with NaN or inf");
  FrameRows rows;
  FeatureStats sState(kStateDims), sAction(kStateDims), sTs, sFrame, sEp, sIndex, sTask;
  ImageStats sImage(static_cast<std::int64_t>(n));
  for (std::size_t i = 0; i < n; ++i) {
    rows.state.emplace_back(state.begin() + static_cast<std::ptrdiff_t>(i * kStateDims),
                            state.begin() + static_cast<std::ptrdiff_t>((i + 1) * kStateDims));
    rows.action.emplace_back(action.begin() + static_cast<std::ptrdiff_t>(i * kStateDims),
                             action.begin() + static_cast<std::ptrdiff_t>((i + 1) * kStateDims));
    rows.timestamp.push_back(static_cast<float>(static_cast<double>(i) / m_opt.fps));
    rows.frameIndex.push_back(static_cast<std::int64_t>(i));
    rows.episodeIndex.push_back(info.index);
    rows.index.push_back(m_totalFrames + static_cast<std::int64_t>(i));
    rows.taskIndex.push_back(info.taskIndex);
    sState.add(rows.state.back().data());
    sAction.add(rows.action.back().data());
    sTs.add(&rows.timestamp.back());
    sFrame.add(static_cast<double>(i));
    sEp.add(static_cast<double>(info.index));
    sIndex.add(static_cast<double>(rows.index.back()));
    sTask.add(static_cast<double>(info.taskIndex));
  }

  // Video: v2.1 writes the episode's own MP4; v3 encodes it alone, then appends it to the current
  // shared file (or starts the next one), as LeRobot does.
  const bool v3 = m_opt.version == LeRobotVersion::V30;
  const fs::path file = v3 ? m_root / ".tacit-episode.mp4"
                           : m_root / "videos" / ("chunk-" + pad(info.index / m_opt.chunksSize, 3)) / m_opt.videoKey /
                                 ("episode_" + pad(info.index, 6) + ".mp4");
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec)
    return Status::failure(file.parent_path().string() + ": cannot create folder: " + ec.message());
  VideoEncoderOptions vo;
  vo.width = m_opt.width;
  vo.height = m_opt.height;
  vo.fps = m_opt.fps;
  vo.codec = m_opt.codec;
  auto enc = LeRobotVideoEncoder::open(file, vo);
  if (!enc)
    return Status::failure(enc.error());
  LeRobotVideoEncoder *video = enc->get();
  m_videoCodec = video->codecName();
  std::vector<std::uint8_t> rgb;
  const std::size_t frameBytes = static_cast<std::size_t>(m_opt.width) * static_cast<std::size_t>(m_opt.height) * 3;
  for (std::size_t i = 0; i < n; ++i) {
    rgb.assign(frameBytes, 0);
    if (Status s = frames(i, rgb); !s)
      return s;
    if (rgb.size() != frameBytes)
      return Status::failure(m_root.string() + ": frame " + std::to_string(i) + " has the wrong size");
    if (Status s = video->addFrame(rgb.data()); !s)
      return s;
    sImage.addFrame(static_cast<std::int64_t>(i), rgb.data(), m_opt.width, m_opt.height);
    if (progress && !progress(static_cast<double>(i + 1) / static_cast<double>(n)))
      return Status::failure("cancelled");
  }
  if (Status s = video->finish(); !s)
    return s;
  if (v3) {
    if (Status s = appendV3Video(file, info); !s)
      return s;
  } else {
    info.toTimestamp = static_cast<double>(n) / m_opt.fps;
  }

  // v3 repeats lerobot 7427f31's float32 arithmetic on float32 and image features (FeatureStats.h); v0.3.3
  // (v2.1) uses np.mean/np.std, which the exact double values match. Integer columns are float64 in both.
  const StatsArithmetic f32 = v3 ? StatsArithmetic::LeRobotFloat32 : StatsArithmetic::Exact;
  info.stats = {{"observation.state", sState.summarize(true, f32)},
                {"action", sAction.summarize(true, f32)},
                {"timestamp", sTs.summarize(true, f32)},
                {"frame_index", sFrame.summarize()},
                {"episode_index", sEp.summarize()},
                {"index", sIndex.summarize()},
                {"task_index", sTask.summarize()},
                {m_opt.videoKey, sImage.summarize(f32)}};

  if (m_opt.version == LeRobotVersion::V21) {
    ParquetTable table = rows.table();
    table.setMetadata("huggingface", huggingfaceMetadata());
    const fs::path data = m_root / "data" / ("chunk-" + pad(info.index / m_opt.chunksSize, 3)) /
                          ("episode_" + pad(info.index, 6) + ".parquet");
    fs::create_directories(data.parent_path(), ec);
    if (Status s = table.write(data, m_opt.compression); !s)
      return s;
  } else {
    // The episode's own Parquet size decides whether it still fits the current data file.
    auto bytes = rows.table().serialize(m_opt.compression);
    if (!bytes)
      return Status::failure(m_root.string() + ": " + bytes.error());
    const auto epBytes = static_cast<std::int64_t>(bytes->size());
    if (!m_dataCursor.empty &&
        static_cast<double>(m_dataCursor.bytes + epBytes) >= m_opt.dataFilesSizeMb * kBytesPerMb) {
      if (Status s = flushV3Data(); !s)
        return s;
      m_dataCursor.advance(m_opt.chunksSize);
    }
    info.dataChunk = m_dataCursor.chunk;
    info.dataFile = m_dataCursor.file;
    m_dataCursor.bytes += epBytes;
    m_dataCursor.empty = false;
    m_pending.append(rows);
  }
  if (newTask)
    m_tasks.push_back(ep.task);
  m_totalFrames += static_cast<std::int64_t>(n);
  m_episodes.push_back(std::move(info));
  return okStatus();
}

json LeRobotWriter::featuresJson() const {
  json names = json::array();
  for (const char *n : kStateNames)
    names.push_back(n);
  json f;
  f[m_opt.videoKey] = {{"dtype", "video"},
                       {"shape", {m_opt.height, m_opt.width, 3}},
                       {"names", {"height", "width", "channels"}},
                       {"info",
                        {{"video.height", m_opt.height},
                         {"video.width", m_opt.width},
                         {"video.codec", m_videoCodec},
                         {"video.pix_fmt", "yuv420p"},
                         {"video.is_depth_map", false},
                         {"video.fps", m_opt.fps},
                         {"video.channels", 3},
                         {"has_audio", false}}}};
  f["observation.state"] = {{"dtype", "float32"}, {"shape", {kStateDims}}, {"names", names}};
  f["action"] = {{"dtype", "float32"}, {"shape", {kStateDims}}, {"names", names}};
  f["timestamp"] = {{"dtype", "float32"}, {"shape", {1}}, {"names", nullptr}};
  for (const char *k : {"frame_index", "episode_index", "index", "task_index"})
    f[k] = {{"dtype", "int64"}, {"shape", {1}}, {"names", nullptr}};
  return f;
}

std::string LeRobotWriter::huggingfaceMetadata() const {
  const bool v3 = m_opt.version == LeRobotVersion::V30;
  json features;
  for (const char *k : {"observation.state", "action"})
    features[k] = {{"feature", {{"dtype", "float32"}, {"_type", "Value"}}},
                   {"length", kStateDims},
                   {"_type", v3 ? "List" : "Sequence"}};
  features["timestamp"] = {{"dtype", "float32"}, {"_type", "Value"}};
  for (const char *k : {"frame_index", "episode_index", "index", "task_index"})
    features[k] = {{"dtype", "int64"}, {"_type", "Value"}};
  return json{{"info", {{"features", features}}}}.dump();
}

Status LeRobotWriter::writeText(const fs::path &rel, const std::string &text) const {
  const fs::path file = m_root / rel;
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  return writeFileAtomically(file, text); // says "disk full" naming the file
}

Status LeRobotWriter::writeJson(const fs::path &rel, const json &j) const {
  return writeText(rel, j.dump(4) + "\n");
}

namespace {
// meta/stats.json: lerobot's aggregate_stats over the episodes' stats (FeatureStats.h).
json aggregateStatsJson(const std::vector<std::map<std::string, StatsSummary>> &perEpisode, const std::string &videoKey,
                        bool quantiles) {
  std::map<std::string, std::vector<StatsSummary>> byFeature;
  for (const auto &ep : perEpisode)
    for (const auto &[k, s] : ep)
      byFeature[k].push_back(s);
  json j;
  for (const auto &[k, list] : byFeature)
    j[k] = aggregateStats(list).toJson(quantiles, k == videoKey);
  return j;
}
} // namespace

Status LeRobotWriter::writeV21Meta() {
  std::string episodes, tasks, episodeStats;
  std::vector<std::map<std::string, StatsSummary>> perEpisode;
  for (const auto &e : m_episodes) {
    episodes += json{{"episode_index", e.index}, {"tasks", {e.task}}, {"length", e.length}}.dump() + "\n";
    json stats;
    for (const auto &[k, s] : e.stats)
      stats[k] = s.toJson(false, k == m_opt.videoKey);
    episodeStats += json{{"episode_index", e.index}, {"stats", stats}}.dump() + "\n";
    perEpisode.push_back(e.stats);
  }
  for (std::size_t i = 0; i < m_tasks.size(); ++i)
    tasks += json{{"task_index", i}, {"task", m_tasks[i]}}.dump() + "\n";
  const std::int64_t chunks =
      m_episodes.empty() ? 0 : (static_cast<std::int64_t>(m_episodes.size()) - 1) / m_opt.chunksSize + 1;
  json info = {{"codebase_version", "v2.1"},
               {"robot_type", m_opt.robotType},
               {"total_episodes", m_episodes.size()},
               {"total_frames", m_totalFrames},
               {"total_tasks", m_tasks.size()},
               {"total_videos", m_episodes.size()},
               {"total_chunks", chunks},
               {"chunks_size", m_opt.chunksSize},
               {"fps", m_opt.fps},
               {"splits", {{"train", "0:" + std::to_string(m_episodes.size())}}},
               {"data_path", "data/chunk-{episode_chunk:03d}/episode_{episode_index:06d}.parquet"},
               {"video_path", "videos/chunk-{episode_chunk:03d}/{video_key}/episode_{episode_index:06d}.mp4"},
               {"features", featuresJson()}};
  for (auto s : {writeJson("meta/info.json", info), writeText("meta/episodes.jsonl", episodes),
                 writeText("meta/tasks.jsonl", tasks), writeText("meta/episodes_stats.jsonl", episodeStats),
                 writeJson("meta/stats.json", aggregateStatsJson(perEpisode, m_opt.videoKey, false))})
    if (!s)
      return s;
  return okStatus();
}

Status LeRobotWriter::writeV30Meta() {
  if (Status s = flushV3Data(); !s)
    return s;
  if (m_v3Video)
    if (Status s = m_v3Video->finish(); !s)
      return s;
  std::error_code ec;

  // Tasks: task_index with the task text as the pandas index.
  ParquetTable tasks;
  std::vector<std::int64_t> taskIdx;
  for (std::size_t i = 0; i < m_tasks.size(); ++i)
    taskIdx.push_back(static_cast<std::int64_t>(i));
  tasks.addInt64("task_index", taskIdx);
  tasks.addString("__index_level_0__", m_tasks);
  tasks.setMetadata("pandas", json{{"index_columns", {"__index_level_0__"}},
                                   {"column_indexes", json::array()},
                                   {"columns",
                                    {{{"name", "task_index"},
                                      {"field_name", "task_index"},
                                      {"pandas_type", "int64"},
                                      {"numpy_type", "int64"},
                                      {"metadata", nullptr}},
                                     {{"name", nullptr},
                                      {"field_name", "__index_level_0__"},
                                      {"pandas_type", "unicode"},
                                      {"numpy_type", "object"},
                                      {"metadata", nullptr}}}},
                                   {"pandas_version", "2.0.0"}}
                                  .dump());
  if (Status s = tasks.write(m_root / "meta" / "tasks.parquet", m_opt.compression); !s)
    return s;

  // Episodes.
  ParquetTable eps;
  std::vector<std::int64_t> index, length, zeros, from, to, dataChunk, dataFile, videoChunk, videoFile;
  std::vector<std::vector<std::string>> taskLists;
  std::vector<double> fromTs, toTs;
  std::vector<std::map<std::string, StatsSummary>> perEpisode;
  for (const auto &e : m_episodes) {
    index.push_back(e.index);
    length.push_back(e.length);
    zeros.push_back(0);
    from.push_back(e.fromIndex);
    dataChunk.push_back(e.dataChunk);
    dataFile.push_back(e.dataFile);
    videoChunk.push_back(e.videoChunk);
    videoFile.push_back(e.videoFile);
    to.push_back(e.fromIndex + e.length);
    taskLists.push_back({e.task});
    fromTs.push_back(e.fromTimestamp);
    toTs.push_back(e.toTimestamp);
    perEpisode.push_back(e.stats);
  }
  const std::string v = "videos/" + m_opt.videoKey + "/";
  eps.addInt64("episode_index", index);
  eps.addStringList("tasks", taskLists);
  eps.addInt64("length", length);
  eps.addInt64("data/chunk_index", dataChunk);
  eps.addInt64("data/file_index", dataFile);
  eps.addInt64("dataset_from_index", from);
  eps.addInt64("dataset_to_index", to);
  eps.addInt64(v + "chunk_index", videoChunk);
  eps.addInt64(v + "file_index", videoFile);
  eps.addFloat64(v + "from_timestamp", fromTs);
  eps.addFloat64(v + "to_timestamp", toTs);
  // Per-episode stats of the low-dim features as list columns (image stats are in meta/stats.json only).
  for (const char *feature :
       {"observation.state", "action", "timestamp", "frame_index", "episode_index", "index", "task_index"}) {
    std::map<std::string, std::vector<std::vector<double>>> cols;
    std::vector<std::vector<std::int64_t>> counts;
    for (const auto &e : m_episodes) {
      const StatsSummary &s = e.stats.at(feature);
      cols["min"].push_back(s.min);
      cols["max"].push_back(s.max);
      cols["mean"].push_back(s.mean);
      cols["std"].push_back(s.std);
      for (std::size_t q = 0; q < kStatsQuantiles.size(); ++q)
        cols[kStatsQuantileNames[q]].push_back(s.quantiles[q]);
      counts.push_back({s.count});
    }
    const std::string prefix = std::string("stats/") + feature + "/";
    for (const char *k : {"min", "max", "mean", "std"})
      eps.addFloat64List(prefix + k, cols[k]);
    eps.addInt64List(prefix + "count", counts);
    for (const char *k : {"q01", "q10", "q50", "q90", "q99"})
      eps.addFloat64List(prefix + k, cols[k]);
  }
  eps.addInt64("meta/episodes/chunk_index", zeros);
  eps.addInt64("meta/episodes/file_index", zeros);
  fs::create_directories(m_root / "meta" / "episodes" / "chunk-000", ec);
  if (Status s = eps.write(m_root / "meta" / "episodes" / "chunk-000" / "file-000.parquet", m_opt.compression); !s)
    return s;

  json info = {{"codebase_version", "v3.0"},
               {"robot_type", m_opt.robotType},
               {"total_episodes", m_episodes.size()},
               {"total_frames", m_totalFrames},
               {"total_tasks", m_tasks.size()},
               {"chunks_size", m_opt.chunksSize},
               {"data_files_size_in_mb", m_opt.dataFilesSizeMb},
               {"video_files_size_in_mb", m_opt.videoFilesSizeMb},
               {"fps", m_opt.fps},
               {"splits", {{"train", "0:" + std::to_string(m_episodes.size())}}},
               {"data_path", "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet"},
               {"video_path", "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4"},
               {"features", featuresJson()}};
  if (Status s = writeJson("meta/info.json", info); !s)
    return s;
  return writeJson("meta/stats.json", aggregateStatsJson(perEpisode, m_opt.videoKey, true));
}

void LeRobotWriter::FileCursor::advance(int chunksSize) {
  // LeRobot's update_chunk_file_indices.
  if (file == chunksSize - 1) {
    file = 0;
    ++chunk;
  } else {
    ++file;
  }
  bytes = 0;
  empty = true;
}

fs::path LeRobotWriter::v3DataPath() const {
  return m_root / "data" / ("chunk-" + pad(m_dataCursor.chunk, 3)) / ("file-" + pad(m_dataCursor.file, 3) + ".parquet");
}

fs::path LeRobotWriter::v3VideoPath() const {
  return m_root / "videos" / m_opt.videoKey / ("chunk-" + pad(m_videoCursor.chunk, 3)) /
         ("file-" + pad(m_videoCursor.file, 3) + ".mp4");
}

Status LeRobotWriter::appendV3Video(const fs::path &episodeFile, EpisodeInfo &info) {
  std::error_code ec;
  const auto epBytes = static_cast<std::int64_t>(fs::file_size(episodeFile, ec));
  if (ec)
    return Status::failure(episodeFile.string() + ": " + ec.message());
  if (!m_videoCursor.empty &&
      static_cast<double>(m_videoCursor.bytes + epBytes) >= m_opt.videoFilesSizeMb * kBytesPerMb) {
    if (Status s = m_v3Video->finish(); !s)
      return s;
    m_v3Video.reset();
    m_videoCursor.advance(m_opt.chunksSize);
  }
  if (!m_v3Video) {
    const fs::path path = v3VideoPath();
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return Status::failure(path.parent_path().string() + ": cannot create folder: " + ec.message());
    m_v3Video = std::make_unique<media::VideoConcatenator>(path);
  }
  info.videoChunk = m_videoCursor.chunk;
  info.videoFile = m_videoCursor.file;
  info.fromTimestamp = static_cast<double>(m_v3Video->frameCount()) / m_opt.fps;
  auto appended = m_v3Video->append(episodeFile);
  if (!appended)
    return Status::failure(appended.error());
  if (*appended != info.length)
    return Status::failure(episodeFile.string() + ": encoded " + std::to_string(*appended) + " frames, expected " +
                           std::to_string(info.length));
  info.toTimestamp = static_cast<double>(m_v3Video->frameCount()) / m_opt.fps;
  m_videoCursor.bytes += epBytes;
  m_videoCursor.empty = false;
  fs::remove(episodeFile, ec);
  return okStatus();
}

Status LeRobotWriter::flushV3Data() {
  if (m_pending.frameIndex.empty())
    return okStatus();
  ParquetTable data = m_pending.table();
  data.setMetadata("huggingface", huggingfaceMetadata());
  const fs::path path = v3DataPath();
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return Status::failure(path.parent_path().string() + ": cannot create folder: " + ec.message());
  if (Status s = data.write(path, m_opt.compression); !s)
    return s;
  m_pending = {};
  return okStatus();
}

void LeRobotWriter::FrameRows::append(const FrameRows &o) {
  auto add = [](auto &to, const auto &from) { to.insert(to.end(), from.begin(), from.end()); };
  add(state, o.state);
  add(action, o.action);
  add(timestamp, o.timestamp);
  add(frameIndex, o.frameIndex);
  add(episodeIndex, o.episodeIndex);
  add(index, o.index);
  add(taskIndex, o.taskIndex);
}

ParquetTable LeRobotWriter::FrameRows::table() const {
  ParquetTable t;
  t.addFloat32List("observation.state", state);
  t.addFloat32List("action", action);
  t.addFloat32("timestamp", timestamp);
  t.addInt64("frame_index", frameIndex);
  t.addInt64("episode_index", episodeIndex);
  t.addInt64("index", index);
  t.addInt64("task_index", taskIndex);
  return t;
}

Status LeRobotWriter::finish() {
  return m_opt.version == LeRobotVersion::V21 ? writeV21Meta() : writeV30Meta();
}

} // namespace tacit::exporting
