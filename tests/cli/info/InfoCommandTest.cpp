// tacit-cli info on a generated sample recording, healthy and with injected defects.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Run {
  int exitCode = -1;
  QByteArray out, err;
};

Run runCli(const QStringList &args, const QString &cacheDir) {
  QProcess p;
  auto env = QProcessEnvironment::systemEnvironment();
  env.insert("XDG_CACHE_HOME", cacheDir); // frame-index cache stays inside the test folder
  env.insert("XDG_STATE_HOME", cacheDir);
  p.setProcessEnvironment(env);
  p.start(TACIT_CLI_PATH, args);
  if (!p.waitForFinished(60000))
    qFatal("tacit-cli did not finish");
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

std::vector<std::string> readLines(const fs::path &p) {
  std::ifstream in(p);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

void writeLines(const fs::path &p, const std::vector<std::string> &lines) {
  std::ofstream out(p, std::ios::trunc);
  for (const auto &l : lines)
    out << l << '\n';
}

const json &stream(const json &info, const std::string &id) {
  for (const auto &s : info["streams"])
    if (s["id"] == id)
      return s;
  qFatal("no stream %s", id.c_str());
}

} // namespace

class InfoCommandTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_tmp;
  fs::path m_sample;
  json m_truth;

  QString cache() const { return m_tmp.filePath("cache"); }
  fs::path copySample(const char *name) {
    const fs::path dst = fs::path(m_tmp.path().toStdString()) / name;
    fs::copy(m_sample, dst, fs::copy_options::recursive);
    return dst;
  }
  json infoJson(const fs::path &folder, int expectedExit = 0) {
    const Run r = runCli({"info", QString::fromStdString(folder.string()), "--json"}, cache());
    if (r.exitCode != expectedExit)
      qFatal("tacit-cli info exited %d (expected %d): %s", r.exitCode, expectedExit, r.err.constData());
    return json::parse(r.out.toStdString());
  }

private slots:
  void initTestCase() {
    QVERIFY(m_tmp.isValid());
    m_sample = fs::path(m_tmp.path().toStdString()) / "sample";
    const Run r =
        runCli({"sample", QString::fromStdString(m_sample.string()), "--duration", "2", "--size", "320x320"}, cache());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    std::ifstream truth(m_sample / "truth.json");
    m_truth = json::parse(truth);
  }

  void healthySample() {
    const json info = infoJson(m_sample);
    QCOMPARE(info["folder"].get<std::string>(), fs::canonical(m_sample).generic_string());
    QCOMPARE(info["format_version"].get<int>(), 1);
    QVERIFY(info["warnings"].empty());
    std::vector<std::pair<std::string, std::string>> ids;
    for (const auto &s : info["streams"]) {
      ids.emplace_back(s["id"], s["kind"]);
      QVERIFY2(s["warnings"].empty(), s.dump().c_str());
      QVERIFY(!s.contains("error"));
      QCOMPARE(s["gaps"].get<int>(), 0);
      QCOMPARE(s["duplicate_timestamps"].get<int>(), 0);
      QVERIFY(s["time_range_ns"][0].get<std::int64_t>() < s["time_range_ns"][1].get<std::int64_t>());
    }
    const std::vector<std::pair<std::string, std::string>> expectedIds = {
        {"rgb", "video"},       {"depth", "depth"},           {"imu", "imu"},
        {"hands", "hand_pose"}, {"trajectory", "trajectory"}, {"gaze", "gaze"}};
    QVERIFY(ids == expectedIds);

    const json &rgb = stream(info, "rgb");
    QCOMPARE(rgb["samples"].get<int>(), 60); // 2 s at the default 30 fps
    QCOMPARE(rgb["width"].get<int>(), 320);
    QCOMPARE(rgb["height"].get<int>(), 320);
    QCOMPARE(rgb["codec"].get<std::string>(), std::string("h264"));
    QVERIFY(std::abs(rgb["rate_hz"].get<double>() - 30.0) < 1e-3);
    QCOMPARE(rgb["median_interval_ns"].get<std::int64_t>(), std::int64_t(33333333));
    // Stream offset applied: the first frame is at the script start the generator recorded.
    QCOMPARE(rgb["first_sample_ns"].get<std::int64_t>(), m_truth["start_ns"].get<std::int64_t>());
    QCOMPARE(rgb["time_range_ns"][1].get<std::int64_t>(), rgb["first_sample_ns"].get<std::int64_t>() + 2'000'000'000);
    QCOMPARE(rgb["duration_s"].get<double>(), 2.0);
    QCOMPARE(rgb["camera"].get<std::string>(), std::string("rgb"));

    const json &depth = stream(info, "depth");
    QCOMPARE(depth["codec"].get<std::string>(), std::string("ffv1"));
    QVERIFY(depth["samples"].get<int>() > 0);

    const json &imu = stream(info, "imu");
    QCOMPARE(imu["samples"].get<int>(), 2001); // 0..2 s inclusive at 1 kHz
    QVERIFY(std::abs(imu["rate_hz"].get<double>() - 1000.0) < 1e-6);
    QCOMPARE(imu["median_interval_ns"].get<std::int64_t>(), std::int64_t(1'000'000));
    QCOMPARE(imu["channels"].get<int>(), 6);
    QCOMPARE(stream(info, "hands")["samples"].get<int>(), 60);
    QVERIFY(stream(info, "hands").contains("layout"));

    const auto &cams = info["calibration"]["cameras"];
    QCOMPARE(cams["rgb"]["model"].get<std::string>(), std::string("fisheye624"));
    QCOMPARE(cams["rgb"]["width"].get<int>(), 320);
    QCOMPARE(info["time_range_ns"][0].get<std::int64_t>(), m_truth["start_ns"].get<std::int64_t>());
  }

  void textOutput() {
    const Run r = runCli({"info", QString::fromStdString(m_sample.string())}, cache());
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains("  stream rgb [video] rgb.mp4\n    60 samples, 30.000 Hz, 10.000 s .. 12.000 s (2.000 s)\n"
                          "    320x320 h264\n"),
             qPrintable(out));
    QVERIFY(out.contains("  stream imu [imu] imu.csv\n    2001 samples, 1000.000 Hz"));
    QVERIFY(out.contains("  camera rgb: fisheye624 320x320"));
    QVERIFY(!out.contains("warning"));
  }

  void reportsTimestampDefects() {
    const fs::path folder = copySample("defects");
    // imu: drop 100 rows in the middle -> one 101 ms gap.
    auto imu = readLines(folder / "imu.csv");
    imu.erase(imu.begin() + 1001, imu.begin() + 1101);
    writeLines(folder / "imu.csv", imu);
    // gaze: swap two rows -> not monotonic in the file.
    auto gaze = readLines(folder / "gaze.csv");
    std::swap(gaze[10], gaze[11]);
    writeLines(folder / "gaze.csv", gaze);
    // hands: a repeated row -> duplicate timestamp.
    auto hands = readLines(folder / "hands.csv");
    hands.insert(hands.begin() + 20, hands[20]);
    writeLines(folder / "hands.csv", hands);
    // trajectory missing -> manifest warning, stream skipped.
    fs::remove(folder / "trajectory.csv");

    const json info = infoJson(folder);
    const json &imuInfo = stream(info, "imu");
    QCOMPARE(imuInfo["samples"].get<int>(), 1901);
    QCOMPARE(imuInfo["gaps"].get<int>(), 1);
    QCOMPARE(imuInfo["warnings"].size(), std::size_t(1));
    QCOMPARE(imuInfo["warnings"][0].get<std::string>(),
             std::string("1 gap(s) longer than 2x the median interval 1.000 ms; longest 101.000 ms after 10.999 s"));
    const json &gazeInfo = stream(info, "gaze");
    QVERIFY2(gazeInfo["warnings"].dump().find("timestamps are not in increasing order in the file (sorted on load)") !=
                 std::string::npos,
             gazeInfo.dump().c_str());
    const json &handInfo = stream(info, "hands");
    QCOMPARE(handInfo["duplicate_timestamps"].get<int>(), 1);
    QVERIFY(handInfo["warnings"].dump().find("1 duplicate timestamp(s)") != std::string::npos);
    QCOMPARE(info["streams"].size(), std::size_t(5));
    QCOMPARE(info["warnings"].size(), std::size_t(1));
    QCOMPARE(info["warnings"][0].get<std::string>(),
             (folder / "recording.json").generic_string() +
                 ": $.streams[4].path: file not found: \"trajectory.csv\"; stream \"trajectory\" skipped");
  }

  void audioStream() {
    const fs::path folder = copySample("audio");
    QProcess ff;
    ff.start("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2",
                        "-ac", "2", QString::fromStdString((folder / "audio.wav").string())});
    QVERIFY(ff.waitForFinished(30000));
    QCOMPARE(ff.exitCode(), 0);
    std::ifstream in(folder / "recording.json");
    json manifest = json::parse(in);
    in.close();
    manifest["streams"].push_back(
        {{"id", "mic"}, {"kind", "audio"}, {"path", "audio.wav"}, {"time_offset_ns", 10'000'000'000LL}});
    std::ofstream(folder / "recording.json", std::ios::trunc) << manifest.dump(2);
    const json info = infoJson(folder);
    const json &mic = stream(info, "mic");
    QCOMPARE(mic["kind"].get<std::string>(), std::string("audio"));
    QCOMPARE(mic["samples"].get<int>(), 96000);
    QCOMPARE(mic["rate_hz"].get<int>(), 48000);
    QCOMPARE(mic["channels"].get<int>(), 2);
    QCOMPARE(mic["codec"].get<std::string>(), std::string("pcm_s16le"));
    QCOMPARE(mic["time_range_ns"][0].get<std::int64_t>(), std::int64_t(10'000'000'000));
    QCOMPARE(mic["time_range_ns"][1].get<std::int64_t>(), std::int64_t(12'000'000'000));
    QVERIFY(mic["warnings"].empty());
  }

  void unreadableStreamExitsOne() {
    const fs::path folder = copySample("corrupt");
    std::ofstream(folder / "rgb.mp4", std::ios::trunc) << "this is not a video";
    const Run r = runCli({"info", QString::fromStdString(folder.string()), "--json"}, cache());
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.startsWith("tacit-cli: ") && err.contains("rgb.mp4") && !err.contains('\n'), qPrintable(err));
    // The rest is still reported.
    const json info = json::parse(r.out.toStdString());
    QVERIFY(stream(info, "rgb").contains("error"));
    QCOMPARE(stream(info, "imu")["samples"].get<int>(), 2001);
  }

  void invalidManifestExitsOne() {
    const fs::path folder = copySample("badkind");
    std::ifstream in(folder / "recording.json");
    json manifest = json::parse(in);
    in.close();
    manifest["streams"][2]["kind"] = "lidar";
    std::ofstream(folder / "recording.json", std::ios::trunc) << manifest.dump(2);
    const Run r = runCli({"info", QString::fromStdString(folder.string()), "--json"}, cache());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QString::fromUtf8(r.err),
             QString::fromStdString("tacit-cli: " + (folder / "recording.json").generic_string() +
                                    ": $.streams[2].kind: expected one of video, depth, imu, hand_pose, trajectory, "
                                    "gaze, audio, got \"lidar\"\n"));
  }

  void usageErrors() {
    QCOMPARE(runCli({"info"}, cache()).exitCode, 2);
    QCOMPARE(runCli({"info", "a", "b"}, cache()).exitCode, 2);
    const Run missing = runCli({"info", m_tmp.filePath("nowhere")}, cache());
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(QString::fromUtf8(missing.err), "tacit-cli: " + m_tmp.filePath("nowhere") + ": no such file or folder\n");
  }

  void plainVideo() {
    // Any plain video path works (the README says a plain video opens): one stream, no calibration.
    const QString file = m_tmp.filePath("plain.avi");
    QProcess ff;
    ff.start("ffmpeg", {"-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t",
                        "2", "-c:v", "mpeg4", file});
    QVERIFY(ff.waitForFinished(60000) && ff.exitCode() == 0);
    const json info = infoJson(file.toStdString());
    QCOMPARE(info["file"].get<std::string>(), fs::path(file.toStdString()).generic_string());
    QVERIFY(!info.contains("id"));
    QCOMPARE(info["streams"].size(), std::size_t(1));
    const json &v = info["streams"][0];
    QCOMPARE(v["id"].get<std::string>(), std::string("video"));
    QCOMPARE(v["kind"].get<std::string>(), std::string("video"));
    QCOMPARE(v["samples"].get<int>(), 50);
    QCOMPARE(v["width"].get<int>(), 320);
    QCOMPARE(v["codec"].get<std::string>(), std::string("mpeg4"));
    const Run text = runCli({"info", file}, cache());
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("plain media file"), text.out.constData());
  }

  void folderWithoutManifestSaysSo() {
    const QString folder = m_tmp.filePath("just-a-folder");
    QVERIFY(QDir().mkpath(folder));
    std::ofstream((folder + "/notes.txt").toStdString()) << "hello";
    const Run r = runCli({"info", folder}, cache());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QString::fromUtf8(r.err),
             "tacit-cli: " + folder +
                 "/recording.json: not found; the folder is not a recording (and holds no depth PNG images)\n");
  }
};

QTEST_GUILESS_MAIN(InfoCommandTest)
#include "InfoCommandTest.moc"
