#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "ReadersHelper.h"
#include "core/export/LeRobotVideoEncoder.h"
#include "core/export/LeRobotWriter.h"

using namespace tacit::exporting;
using nlohmann::json;

namespace {
constexpr int kW = 96, kH = 64;

EpisodeData makeEpisode(int n, const std::string &task, float offset) {
  EpisodeData ep;
  ep.task = task;
  for (int i = 0; i < n; ++i) {
    ep.frameTimes.push_back(i * 33333333LL);
    ep.leftPalm.emplace_back(offset + i, 1.f, 2.f);
    ep.rightPalm.emplace_back(offset - i, 3.f, 4.f);
    ep.worldFromCamera.push_back(Eigen::Isometry3d::Identity());
  }
  return ep;
}

FrameProvider grey(std::uint8_t v) {
  return [v](std::size_t, std::vector<std::uint8_t> &rgb) {
    std::fill(rgb.begin(), rgb.end(), v);
    return tacit::okStatus();
  };
}

json readJson(const QString &path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return nullptr;
  return json::parse(f.readAll().toStdString(), nullptr, false);
}

std::vector<json> readJsonl(const QString &path) {
  QFile f(path);
  std::vector<json> out;
  if (!f.open(QIODevice::ReadOnly))
    return out;
  for (const QByteArray &line : f.readAll().split('\n'))
    if (!line.isEmpty())
      out.push_back(json::parse(line.toStdString()));
  return out;
}

void writeDataset(const QString &root, LeRobotVersion v) {
  LeRobotOptions opt;
  opt.version = v;
  opt.width = kW;
  opt.height = kH;
  auto w = LeRobotWriter::create(root.toStdString(), opt);
  QVERIFY2(w.ok(), w.error().c_str());
  for (auto s : {(*w)->writeEpisode(makeEpisode(10, "pour water", 0.f), grey(50)),
                 (*w)->writeEpisode(makeEpisode(7, "wipe table", 100.f), grey(200)),
                 (*w)->writeEpisode(makeEpisode(4, "pour water", 200.f), grey(120)), (*w)->finish()})
    QVERIFY2(s.ok(), s.error().c_str());
}

void checkDataRows(const json &rows, int from, int count, int episode, int task, float offset, int globalStart) {
  for (int i = 0; i < count; ++i) {
    const json &r = rows[from + i];
    QCOMPARE(r["frame_index"].get<int>(), i);
    QCOMPARE(r["episode_index"].get<int>(), episode);
    QCOMPARE(r["index"].get<int>(), globalStart + i);
    QCOMPARE(r["task_index"].get<int>(), task);
    QCOMPARE(r["timestamp"].get<float>(), float(double(i) / 30.0));
    QCOMPARE(r["observation.state"][0].get<float>(), offset + i);
    QCOMPARE(r["observation.state"][3].get<float>(), offset - i);
    // action = palms at the next frame (clamped at the last frame)
    QCOMPARE(r["action"][0].get<float>(), offset + std::min(i + 1, count - 1));
  }
}

} // namespace

class LeRobotWriterTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void v21LayoutMetaParquetAndVideos() {
    const QString root = m_dir.filePath("v21");
    QDir().mkpath(root);
    writeDataset(root, LeRobotVersion::V21);

    const json info = readJson(root + "/meta/info.json");
    QCOMPARE(info["codebase_version"].get<std::string>(), std::string("v2.1"));
    QCOMPARE(info["total_episodes"].get<int>(), 3);
    QCOMPARE(info["total_frames"].get<int>(), 21);
    QCOMPARE(info["total_tasks"].get<int>(), 2);
    QCOMPARE(info["total_videos"].get<int>(), 3);
    QCOMPARE(info["total_chunks"].get<int>(), 1);
    QCOMPARE(info["splits"]["train"].get<std::string>(), std::string("0:3"));
    QCOMPARE(info["features"]["observation.images.front"]["shape"], json({kH, kW, 3}));
    QCOMPARE(info["features"]["observation.images.front"]["info"]["video.codec"].get<std::string>(),
             std::string("av1"));
    QCOMPARE(info["features"]["observation.state"]["shape"], json({6}));

    const auto episodes = readJsonl(root + "/meta/episodes.jsonl");
    QCOMPARE(int(episodes.size()), 3);
    QCOMPARE(episodes[1]["tasks"], json({"wipe table"}));
    QCOMPARE(episodes[1]["length"].get<int>(), 7);
    const auto tasks = readJsonl(root + "/meta/tasks.jsonl");
    QCOMPARE(int(tasks.size()), 2);
    QCOMPARE(tasks[1]["task"].get<std::string>(), std::string("wipe table"));
    const auto epStats = readJsonl(root + "/meta/episodes_stats.jsonl");
    QCOMPARE(int(epStats.size()), 3);
    QCOMPARE(epStats[0]["stats"]["observation.state"]["max"][0].get<double>(), 9.0);
    QCOMPARE(epStats[0]["stats"]["observation.state"]["count"], json({10}));
    QVERIFY(std::abs(epStats[1]["stats"]["observation.images.front"]["mean"][0][0][0].get<double>() - 200 / 255.0) <
            1e-6);
    const json stats = readJson(root + "/meta/stats.json");
    QCOMPARE(stats["observation.state"]["min"][0].get<double>(), 0.0);
    QCOMPARE(stats["observation.state"]["max"][0].get<double>(), 203.0);
    QCOMPARE(stats["index"]["count"], json({21}));
    QVERIFY(!stats["action"].contains("q50")); // quantiles are v3 only

    const int lengths[3] = {10, 7, 4};
    const float offsets[3] = {0.f, 100.f, 200.f};
    const int taskOf[3] = {0, 1, 0};
    int global = 0;
    for (int e = 0; e < 3; ++e) {
      const QString ep = QString("%1").arg(e, 6, 10, QChar('0'));
      const json pq = tacit::testing::readParquet(root + "/data/chunk-000/episode_" + ep + ".parquet");
      QVERIFY(!pq.is_null());
      QCOMPARE(pq["num_rows"].get<int>(), lengths[e]);
      checkDataRows(pq["rows"], 0, lengths[e], e, taskOf[e], offsets[e], global);
      const json hf = json::parse(pq["metadata"]["huggingface"].get<std::string>());
      QCOMPARE(hf["info"]["features"]["action"]["length"].get<int>(), 6);
      const json probe =
          tacit::testing::ffprobe(root + "/videos/chunk-000/observation.images.front/episode_" + ep + ".mp4");
      QVERIFY(!probe.is_null());
      QCOMPARE(probe["streams"][0]["nb_read_frames"].get<std::string>(), std::to_string(lengths[e]));
      QCOMPARE(probe["streams"][0]["pix_fmt"].get<std::string>(), std::string("yuv420p"));
      global += lengths[e];
    }
  }

  void v30LayoutMetaParquetAndVideo() {
    const QString root = m_dir.filePath("v30");
    QDir().mkpath(root);
    writeDataset(root, LeRobotVersion::V30);

    const json info = readJson(root + "/meta/info.json");
    QCOMPARE(info["codebase_version"].get<std::string>(), std::string("v3.0"));
    QCOMPARE(info["total_episodes"].get<int>(), 3);
    QCOMPARE(info["total_frames"].get<int>(), 21);
    QVERIFY(!info.contains("total_videos"));
    QCOMPARE(info["data_path"].get<std::string>(),
             std::string("data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet"));
    const json stats = readJson(root + "/meta/stats.json");
    QVERIFY(stats["action"].contains("q99"));
    QCOMPARE(stats["observation.images.front"]["count"], json({21}));

    const json data = tacit::testing::readParquet(root + "/data/chunk-000/file-000.parquet");
    QCOMPARE(data["num_rows"].get<int>(), 21);
    checkDataRows(data["rows"], 0, 10, 0, 0, 0.f, 0);
    checkDataRows(data["rows"], 10, 7, 1, 1, 100.f, 10);
    checkDataRows(data["rows"], 17, 4, 2, 0, 200.f, 17);
    QCOMPARE(json::parse(data["metadata"]["huggingface"].get<std::string>())["info"]["features"]["action"]["_type"]
                 .get<std::string>(),
             std::string("List"));

    const json tasks = tacit::testing::readParquet(root + "/meta/tasks.parquet");
    QCOMPARE(tasks["num_rows"].get<int>(), 2);
    QCOMPARE(tasks["rows"][1]["__index_level_0__"].get<std::string>(), std::string("wipe table"));
    QCOMPARE(tasks["rows"][1]["task_index"].get<int>(), 1);
    QVERIFY(tasks["metadata"].contains("pandas"));

    const json eps = tacit::testing::readParquet(root + "/meta/episodes/chunk-000/file-000.parquet");
    QCOMPARE(eps["num_rows"].get<int>(), 3);
    const json &e1 = eps["rows"][1];
    QCOMPARE(e1["tasks"], json({"wipe table"}));
    QCOMPARE(e1["length"].get<int>(), 7);
    QCOMPARE(e1["dataset_from_index"].get<int>(), 10);
    QCOMPARE(e1["dataset_to_index"].get<int>(), 17);
    QCOMPARE(e1["videos/observation.images.front/from_timestamp"].get<double>(), 10.0 / 30);
    QCOMPARE(e1["videos/observation.images.front/to_timestamp"].get<double>(), 17.0 / 30);
    QCOMPARE(e1["stats/observation.state/min"][0].get<double>(), 100.0);
    QCOMPARE(e1["stats/observation.state/count"], json({7}));
    // lerobot's histogram quantile (compute_stats.py:167-201): frames 0..6, target 3.5 lands halfway into
    // the bin that starts at 3, of width 6 / 5000.
    QCOMPARE(e1["stats/frame_index/q50"][0].get<double>(), 3.0 + 0.5 * 6.0 / 5000);

    const json probe = tacit::testing::ffprobe(root + "/videos/observation.images.front/chunk-000/file-000.mp4");
    QCOMPARE(probe["streams"][0]["nb_read_frames"].get<std::string>(), std::string("21"));
    QCOMPARE(probe["streams"][0]["codec_name"].get<std::string>(), std::string("av1"));
    QCOMPARE(data["arrow_schema"]["fields"][0]["type"].get<std::string>(), std::string("List<Float32>"));
  }

  void v30SplitsFilesBySizeAndChunk() {
    // Identical frames encode to identical sizes: measure one episode's MP4, then allow 2.5 of them
    // per video file, so files hold 2, 2, 1 episodes. Data files are limited to ~nothing, so every
    // episode gets its own. chunks_size 2: file_index wraps and chunk_index advances every 2 files.
    constexpr int kLen = 30, kEpisodes = 5;
    const QString probePath = m_dir.filePath("one-episode.mp4");
    {
      VideoEncoderOptions vo;
      vo.width = kW;
      vo.height = kH;
      auto enc = LeRobotVideoEncoder::open(probePath.toStdString(), vo);
      QVERIFY2(enc.ok(), enc.error().c_str());
      std::vector<std::uint8_t> rgb(kW * kH * 3, 50);
      for (int i = 0; i < kLen; ++i)
        QVERIFY((*enc)->addFrame(rgb.data()).ok());
      QVERIFY((*enc)->finish().ok());
    }
    const double episodeMb = double(QFileInfo(probePath).size()) / (1024.0 * 1024.0);

    const QString root = m_dir.filePath("v30split");
    QDir().mkpath(root);
    LeRobotOptions opt;
    opt.version = LeRobotVersion::V30;
    opt.width = kW;
    opt.height = kH;
    opt.chunksSize = 2;
    opt.videoFilesSizeMb = 2.5 * episodeMb;
    opt.dataFilesSizeMb = 1e-9;
    auto w = LeRobotWriter::create(root.toStdString(), opt);
    QVERIFY2(w.ok(), w.error().c_str());
    for (int e = 0; e < kEpisodes; ++e) {
      auto s = (*w)->writeEpisode(makeEpisode(kLen, e % 2 ? "wipe table" : "pour water", 100.f * e), grey(50));
      QVERIFY2(s.ok(), s.error().c_str());
    }
    QVERIFY((*w)->finish().ok());
    QVERIFY(!QFileInfo::exists(root + "/.tacit-episode.mp4"));

    const json info = readJson(root + "/meta/info.json");
    QCOMPARE(info["chunks_size"].get<int>(), 2);
    QCOMPARE(info["video_files_size_in_mb"].get<double>(), 2.5 * episodeMb);

    const int videoAt[kEpisodes][2] = {{0, 0}, {0, 0}, {0, 1}, {0, 1}, {1, 0}};
    const int dataAt[kEpisodes][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}};
    const double fromTs[kEpisodes] = {0, 1, 0, 1, 0};
    const json eps = tacit::testing::readParquet(root + "/meta/episodes/chunk-000/file-000.parquet");
    QCOMPARE(eps["num_rows"].get<int>(), kEpisodes);
    const std::string v = "videos/observation.images.front/";
    for (int e = 0; e < kEpisodes; ++e) {
      const json &r = eps["rows"][e];
      QCOMPARE(r["episode_index"].get<int>(), e);
      QCOMPARE(r[v + "chunk_index"].get<int>(), videoAt[e][0]);
      QCOMPARE(r[v + "file_index"].get<int>(), videoAt[e][1]);
      QCOMPARE(r["data/chunk_index"].get<int>(), dataAt[e][0]);
      QCOMPARE(r["data/file_index"].get<int>(), dataAt[e][1]);
      QCOMPARE(r[v + "from_timestamp"].get<double>(), fromTs[e]);
      QCOMPARE(r[v + "to_timestamp"].get<double>(), fromTs[e] + 1.0);
      QCOMPARE(r["dataset_from_index"].get<int>(), e * kLen);

      // The episode's rows are exactly the rows of its data file.
      const QString data = root + QString("/data/chunk-%1/file-%2.parquet")
                                      .arg(dataAt[e][0], 3, 10, QChar('0'))
                                      .arg(dataAt[e][1], 3, 10, QChar('0'));
      const json pq = tacit::testing::readParquet(data);
      QVERIFY(!pq.is_null());
      QCOMPARE(pq["num_rows"].get<int>(), kLen);
      checkDataRows(pq["rows"], 0, kLen, e, e % 2, 100.f * e, e * kLen);
      QCOMPARE(pq["arrow_schema"]["fields"][6]["name"].get<std::string>(), std::string("task_index"));
      QCOMPARE(pq["arrow_schema"]["fields"][6]["type"].get<std::string>(), std::string("Int64"));
    }
    // Each video file holds the frames of the episodes mapped to it, and nothing else exists.
    const std::pair<QString, int> videos[] = {
        {"chunk-000/file-000.mp4", 2 * kLen}, {"chunk-000/file-001.mp4", 2 * kLen}, {"chunk-001/file-000.mp4", kLen}};
    for (const auto &[rel, frames] : videos) {
      const json probe = tacit::testing::ffprobe(root + "/videos/observation.images.front/" + rel);
      QVERIFY2(!probe.is_null(), qPrintable(rel));
      QCOMPARE(probe["streams"][0]["nb_read_frames"].get<std::string>(), std::to_string(frames));
      QCOMPARE(probe["streams"][0]["codec_name"].get<std::string>(), std::string("av1"));
      QVERIFY(std::abs(std::stod(probe["format"]["duration"].get<std::string>()) - frames / 30.0) < 0.05);
    }
    QVERIFY(!QFileInfo::exists(root + "/videos/observation.images.front/chunk-001/file-001.mp4"));
    QVERIFY(!QFileInfo::exists(root + "/data/chunk-002/file-001.parquet"));
  }
};

QTEST_GUILESS_MAIN(LeRobotWriterTest)
#include "LeRobotWriterTest.moc"
