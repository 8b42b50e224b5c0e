#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/recording/RecordingReader.h"
#include "core/util/AtomicFile.h"

using namespace tacit;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json validRecording() {
  return json::parse(R"({
    "format": "tacit-recording", "version": 1, "id": "4f7c1e2a-9b1d-4c1e-8f00-1234567890ab",
    "worker": {"id": "w-017", "name": "Ana"}, "task": "fold towels", "site": "laundry-2",
    "started_at": "2026-11-25T09:00:00Z", "device": "aria-gen1",
    "streams": [
      {"id": "rgb", "kind": "video", "path": "rgb.mp4", "time_offset_ns": 0, "camera": "rgb", "rotation_deg": 90},
      {"id": "depth", "kind": "depth", "path": "depth.mkv", "time_offset_ns": -2500000, "camera": "depth"},
      {"id": "imu", "kind": "imu", "path": "imu.csv"},
      {"id": "hands", "kind": "hand_pose", "path": "mps/hands.csv"},
      {"id": "gaze", "kind": "gaze", "path": "gaze.csv", "time_offset_ns": 1000}
    ],
    "calibration": "calibration.json"})");
}

json validCalibration() {
  return json::parse(R"({
    "cameras": {
      "rgb": {"model": "fisheye624", "width": 1408, "height": 1408,
              "params": [606.9, 703.0, 702.5, 0.40, -0.49, 0.23, 0.99, -1.57, 0.60, -0.0003, -0.0007, -0.0005, -0.0002, 0.0001, -0.0002],
              "T_device_camera": {"rotation_xyzw": [0.3278414140126585, 0.03839318577298367, 0.03371771677908019, 0.9433499277148367],
                                  "translation": [-0.0045, -0.0116, -0.0049]}},
      "depth": {"model": "pinhole", "width": 320, "height": 240, "params": [250, 250, 159.5, 119.5],
                "T_device_camera": {"rotation_xyzw": [0, 0, 0, 1], "translation": [0.01, 0, 0]}}
    },
    "imu": {"T_device_imu": {"rotation_xyzw": [0, 0, 0.7071067811865476, 0.7071067811865476], "translation": [0, 0.1, 0]}}})");
}

void writeText(const fs::path &p, const std::string &text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A folder with every referenced file present (empty files are enough for the reader).
struct Folder {
  QTemporaryDir tmp;
  fs::path root;
  Folder() : root(fs::path(tmp.path().toStdString()) / "rec") {
    for (const char *f : {"rgb.mp4", "depth.mkv", "imu.csv", "mps/hands.csv", "gaze.csv"})
      writeText(root / f, "x");
  }
  void write(const json &recording, const json &calibration) {
    writeText(root / "recording.json", recording.dump(2));
    writeText(root / "calibration.json", calibration.dump(2));
  }
  std::string label(const char *file = "recording.json") const { return (root / file).generic_string(); }
};

} // namespace

class RecordingReaderTest : public QObject {
  Q_OBJECT
private slots:
  void readsValidFolder() {
    Folder f;
    f.write(validRecording(), validCalibration());
    auto r = RecordingReader::read(f.root);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(r.warnings().empty());
    const auto &m = *r;
    QCOMPARE(m.folder, fs::canonical(f.root));
    QCOMPARE(QString::fromStdString(m.id), QStringLiteral("4f7c1e2a-9b1d-4c1e-8f00-1234567890ab"));
    QCOMPARE(QString::fromStdString(m.workerName), QStringLiteral("Ana"));
    QCOMPARE(QString::fromStdString(m.workerId), QStringLiteral("w-017"));
    QCOMPARE(QString::fromStdString(m.task), QStringLiteral("fold towels"));
    QCOMPARE(QString::fromStdString(m.startedAt), QStringLiteral("2026-11-25T09:00:00Z"));
    QCOMPARE(m.streams.size(), std::size_t(5));
    QCOMPARE(m.streams[0].rotationDeg, 90);
    QCOMPARE(m.streams[1].timeOffsetNs, Timestamp(-2500000));
    QCOMPARE(m.streams[3].kind, StreamKind::HandPose);
    QCOMPARE(m.streams[3].path, fs::path("mps/hands.csv"));
    QCOMPARE(m.absolutePath(m.streams[3]), fs::canonical(f.root) / "mps/hands.csv");
    QCOMPARE(m.stream("gaze")->timeOffsetNs, Timestamp(1000));
    QCOMPARE(m.firstOfKind(StreamKind::Depth)->id, std::string("depth"));
    QVERIFY(!m.firstOfKind(StreamKind::Audio));
    QCOMPARE(m.calibrationPath, fs::path("calibration.json"));
    const auto *rgb = m.calibration.camera("rgb");
    QVERIFY(rgb && rgb->model);
    QCOMPARE(rgb->model->kind(), geometry::CameraModelKind::Fisheye624);
    QCOMPARE(rgb->model->width(), 1408);
    QCOMPARE(rgb->model->params().size(), std::size_t(15));
    QVERIFY(std::abs(rgb->T_device_camera.rotation.w() - 0.9433499277148367) < 1e-12);
    QCOMPARE(m.calibration.camera("depth")->model->kind(), geometry::CameraModelKind::Pinhole);
    // imu: 90 degrees about z, then +0.1 y.
    const Eigen::Vector3d p = m.calibration.T_device_imu.apply({1, 0, 0});
    QVERIFY((p - Eigen::Vector3d(0, 1.1, 0)).norm() < 1e-12);
    // The manifest file itself is accepted as the path too.
    auto again = RecordingReader::read(f.root / "recording.json");
    QVERIFY(again.ok());
    QCOMPARE(again->folder, m.folder);
  }

  void invalidRecordingJson() {
    struct Case {
      const char *name;
      std::function<void(json &)> mutate;
      std::string expected;
    };
    const std::vector<Case> cases = {
        {"root not object", [](json &j) { j = json::array({1}); }, "$: expected an object, got array"},
        {"missing format", [](json &j) { j.erase("format"); }, "$: missing required key \"format\""},
        {"wrong format", [](json &j) { j["format"] = "tacit-project"; },
         "$.format: expected \"tacit-recording\", got \"tacit-project\""},
        {"future version", [](json &j) { j["version"] = 2; },
         "$.version: unsupported version 2; this build reads version 1"},
        {"version as string", [](json &j) { j["version"] = "1"; }, "$.version: expected an integer, got string \"1\""},
        {"empty id", [](json &j) { j["id"] = ""; }, "$.id: expected a non-empty string"},
        {"worker not object", [](json &j) { j["worker"] = "Ana"; }, "$.worker: expected an object, got string \"Ana\""},
        {"worker name number", [](json &j) { j["worker"]["name"] = 7; },
         "$.worker.name: expected a string, got number 7"},
        {"streams not array", [](json &j) { j["streams"] = json::object(); },
         "$.streams: expected an array, got object"},
        {"no streams", [](json &j) { j["streams"] = json::array(); }, "$.streams: expected at least one stream"},
        {"stream not object", [](json &j) { j["streams"][1] = "depth.mkv"; },
         "$.streams[1]: expected an object, got string \"depth.mkv\""},
        {"unknown kind", [](json &j) { j["streams"][2]["kind"] = "lidar"; },
         "$.streams[2].kind: expected one of video, depth, imu, hand_pose, trajectory, gaze, audio, got \"lidar\""},
        {"kind not string", [](json &j) { j["streams"][2]["kind"] = 3; },
         "$.streams[2].kind: expected a string, got number 3"},
        {"missing path", [](json &j) { j["streams"][1].erase("path"); }, "$.streams[1]: missing required key \"path\""},
        {"duplicate id", [](json &j) { j["streams"][3]["id"] = "rgb"; },
         "$.streams[3].id: duplicate stream id \"rgb\" (first used at $.streams[0])"},
        {"absolute path", [](json &j) { j["streams"][1]["path"] = "/etc/passwd"; },
         "$.streams[1].path: must be relative to the recording folder, got \"/etc/passwd\""},
        {"parent path", [](json &j) { j["streams"][0]["path"] = "../rgb.mp4"; },
         "$.streams[0].path: escapes the recording folder: \"../rgb.mp4\""},
        {"hidden parent path", [](json &j) { j["streams"][0]["path"] = "mps/../../x/rgb.mp4"; },
         "$.streams[0].path: escapes the recording folder: \"mps/../../x/rgb.mp4\""},
        {"folder itself", [](json &j) { j["streams"][0]["path"] = "mps/.."; },
         "$.streams[0].path: escapes the recording folder: \"mps/..\""},
        {"windows path", [](json &j) { j["streams"][0]["path"] = "C:\\video\\rgb.mp4"; },
         "$.streams[0].path: must be relative to the recording folder, got \"C:\\\\video\\\\rgb.mp4\""},
        {"fractional offset", [](json &j) { j["streams"][4]["time_offset_ns"] = 1.5; },
         "$.streams[4].time_offset_ns: expected an integer, got number 1.5"},
        {"huge offset", [](json &j) { j["streams"][4]["time_offset_ns"] = 18446744073709551615ull; },
         "$.streams[4].time_offset_ns: integer out of range: 18446744073709551615"},
        {"bad rotation", [](json &j) { j["streams"][0]["rotation_deg"] = 45; },
         "$.streams[0].rotation_deg: expected 0, 90, 180 or 270, got 45"},
        {"calibration escapes", [](json &j) { j["calibration"] = "../calibration.json"; },
         "$.calibration: escapes the recording folder: \"../calibration.json\""},
    };
    for (const auto &c : cases) {
      Folder f;
      json j = validRecording();
      c.mutate(j);
      f.write(j, validCalibration());
      auto r = RecordingReader::read(f.root);
      QVERIFY2(!r.ok(), c.name);
      const std::string expected = f.label() + ": " + c.expected;
      QVERIFY2(r.error() == expected,
               qPrintable(QString("%1\n   got: %2\n  want: %3")
                              .arg(c.name, QString::fromStdString(r.error()), QString::fromStdString(expected))));
    }
  }

  void invalidCalibrationJson() {
    struct Case {
      const char *name;
      std::function<void(json &)> mutate;
      std::string expected;
    };
    const std::vector<Case> cases = {
        {"missing cameras", [](json &j) { j.erase("cameras"); }, "$: missing required key \"cameras\""},
        {"unknown model", [](json &j) { j["cameras"]["rgb"]["model"] = "equidistant"; },
         "$.cameras.rgb.model: expected one of pinhole, kb4, fisheye624, got \"equidistant\""},
        {"param count", [](json &j) { j["cameras"]["rgb"]["params"] = {1, 2, 3, 4, 5, 6, 7, 8}; },
         "$.cameras.rgb.params: expected 15 params for fisheye624, got 8"},
        {"param type", [](json &j) { j["cameras"]["depth"]["params"][3] = "x"; },
         "$.cameras.depth.params[3]: expected a number, got string \"x\""},
        {"negative focal", [](json &j) { j["cameras"]["depth"]["params"][0] = -250; },
         "$.cameras.depth.params: params[0] (focal length) must be > 0"},
        {"zero width", [](json &j) { j["cameras"]["rgb"]["width"] = 0; },
         "$.cameras.rgb.width: expected an integer in 1..65536, got 0"},
        {"missing height", [](json &j) { j["cameras"]["depth"].erase("height"); },
         "$.cameras.depth: missing required key \"height\""},
        {"odd camera name",
         [](json &j) {
           j["cameras"]["left cam"] = {{"model", "kb"}};
         },
         "$.cameras[\"left cam\"].model: expected one of pinhole, kb4, fisheye624, got \"kb\""},
        {"non-unit quaternion",
         [](json &j) {
           j["cameras"]["depth"]["T_device_camera"]["rotation_xyzw"] = {0, 0, 0, 2};
         },
         "$.cameras.depth.T_device_camera.rotation_xyzw: expected a unit quaternion [x, y, z, w], got norm 2.0"},
        {"quaternion length",
         [](json &j) {
           j["cameras"]["depth"]["T_device_camera"]["rotation_xyzw"] = {0, 0, 1};
         },
         "$.cameras.depth.T_device_camera.rotation_xyzw: expected 4 numbers, got 3"},
        {"translation length",
         [](json &j) {
           j["imu"]["T_device_imu"]["translation"] = {0, 1};
         },
         "$.imu.T_device_imu.translation: expected 3 numbers, got 2"},
        {"version", [](json &j) { j["version"] = 3; }, "$.version: unsupported version 3; this build reads version 1"},
    };
    for (const auto &c : cases) {
      Folder f;
      json cal = validCalibration();
      c.mutate(cal);
      f.write(validRecording(), cal);
      auto r = RecordingReader::read(f.root);
      QVERIFY2(!r.ok(), c.name);
      const std::string expected = f.label("calibration.json") + ": " + c.expected;
      QVERIFY2(r.error() == expected,
               qPrintable(QString("%1\n   got: %2\n  want: %3")
                              .arg(c.name, QString::fromStdString(r.error()), QString::fromStdString(expected))));
    }
  }

  void syntaxErrorNamesLineAndColumn() {
    Folder f;
    writeText(f.root / "recording.json", "{\n  \"format\": \"tacit-recording\",\n  \"version\": ,\n}\n");
    auto r = RecordingReader::read(f.root);
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()),
             QString::fromStdString(f.label()) +
                 ": invalid JSON: line 3, column 14: syntax error while parsing value - unexpected ','; expected "
                 "'[', '{', or a literal");
  }

  void missingManifestNamesTheFile() {
    QTemporaryDir tmp;
    auto r = RecordingReader::read(tmp.path().toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()), tmp.path() + "/recording.json: file not found");
  }

  void symlinkEscapeIsRefused() {
    Folder f;
    const fs::path outside = fs::path(f.tmp.path().toStdString()) / "outside.mp4";
    writeText(outside, "secret");
    fs::remove(f.root / "rgb.mp4");
    fs::create_symlink(outside, f.root / "rgb.mp4");
    f.write(validRecording(), validCalibration());
    auto r = RecordingReader::read(f.root);
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()),
             QString::fromStdString(f.label() +
                                    ": $.streams[0].path: \"rgb.mp4\" resolves outside the recording folder "
                                    "(to \"" +
                                    fs::canonical(outside).string() + "\")"));
    // A symlink that stays inside the folder is fine.
    fs::remove(f.root / "rgb.mp4");
    fs::create_symlink("mps/hands.csv", f.root / "rgb.mp4");
    QVERIFY(RecordingReader::read(f.root).ok());
  }

  void symlinkedCalibrationEscapeIsRefused() {
    Folder f;
    f.write(validRecording(), validCalibration());
    const fs::path outside = fs::path(f.tmp.path().toStdString()) / "cal.json";
    fs::rename(f.root / "calibration.json", outside);
    fs::create_symlink(outside, f.root / "calibration.json");
    auto r = RecordingReader::read(f.root);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().rfind(f.label() + ": $.calibration: \"calibration.json\" resolves outside", 0) == 0,
             r.error().c_str());
  }

  void folderAsStreamIsRefused() {
    Folder f;
    json j = validRecording();
    j["streams"][2]["path"] = "mps";
    f.write(j, validCalibration());
    auto r = RecordingReader::read(f.root);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), f.label() + ": $.streams[2].path: \"mps\" is a folder, expected a file");
  }

  void missingStreamFileIsAWarning() {
    Folder f;
    fs::remove(f.root / "gaze.csv");
    fs::remove(f.root / "depth.mkv");
    f.write(validRecording(), validCalibration());
    auto r = RecordingReader::read(f.root);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->streams.size(), std::size_t(3));
    QVERIFY(!r->stream("gaze"));
    QVERIFY(!r->stream("depth"));
    QCOMPARE(r.warnings().size(), std::size_t(2));
    QCOMPARE(r.warnings()[0],
             f.label() + ": $.streams[1].path: file not found: \"depth.mkv\"; stream \"depth\" skipped");
    QCOMPARE(r.warnings()[1], f.label() + ": $.streams[4].path: file not found: \"gaze.csv\"; stream \"gaze\" skipped");
  }

  void missingCalibrationAndUnknownCameraAreWarnings() {
    Folder f;
    json j = validRecording();
    j["streams"][0]["camera"] = "rgb-left";
    f.write(j, validCalibration());
    auto r = RecordingReader::read(f.root);
    QVERIFY(r.ok());
    QCOMPARE(r.warnings().size(), std::size_t(1));
    QCOMPARE(r.warnings()[0], f.label() + ": stream \"rgb\": camera \"rgb-left\" is not in the calibration; overlays "
                                          "that need it are unavailable");
    fs::remove(f.root / "calibration.json");
    r = RecordingReader::read(f.root);
    QVERIFY(r.ok());
    QVERIFY(r->calibration.cameras.empty());
    QCOMPARE(r.warnings()[0],
             f.label() + ": $.calibration: file not found: \"calibration.json\"; recording has no calibration");
  }

  void parseManifestFromText() {
    auto r = RecordingReader::parseManifest(validRecording().dump(), "mem.json");
    QVERIFY(r.ok());
    QCOMPARE(r->streams.size(), std::size_t(5)); // no file checks
    auto bad = RecordingReader::parseManifest("[]", "mem.json");
    QCOMPARE(QString::fromStdString(bad.error()), QStringLiteral("mem.json: $: expected an object, got array"));
    auto empty = RecordingReader::parseManifest("", "mem.json");
    QVERIFY(!empty.ok());
    QVERIFY(empty.error().rfind("mem.json: invalid JSON: line 1, column 1: ", 0) == 0);
  }

  void documentedExampleIsValid() {
    // docs/recording-format.md's complete example must stay readable by this reader.
    auto doc = readSmallFile(fs::path(TACIT_SOURCE_DIR) / "docs/recording-format.md");
    QVERIFY(doc.ok());
    const std::string marker = "## Complete example";
    std::size_t at = doc->find(marker);
    QVERIFY(at != std::string::npos);
    std::vector<std::string> blocks;
    while ((at = doc->find("```json\n", at)) != std::string::npos) {
      const std::size_t begin = at + 8, end = doc->find("```", begin);
      blocks.push_back(doc->substr(begin, end - begin));
      at = end + 3;
    }
    QCOMPARE(blocks.size(), std::size_t(2));
    Folder f;
    writeText(f.root / "recording.json", blocks[0]);
    writeText(f.root / "calibration.json", blocks[1]);
    for (const char *file : {"depth.mkv", "hands.csv", "trajectory.csv"})
      writeText(f.root / file, "x");
    auto r = RecordingReader::read(f.root);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(r.warnings().empty());
    QCOMPARE(r->streams.size(), std::size_t(6));
    const auto *rgb = r->calibration.camera("rgb");
    QVERIFY(rgb);
    QCOMPARE(rgb->model->params()[1], 0.5 * (1469.535869576514 - 32 + 0.5) - 0.5);
  }

  void unknownKeysAreIgnored() {
    Folder f;
    json j = validRecording();
    j["future_field"] = {1, 2};
    j["streams"][0]["codec_hint"] = "h264";
    f.write(j, validCalibration());
    QVERIFY(RecordingReader::read(f.root).ok());
  }
};

QTEST_GUILESS_MAIN(RecordingReaderTest)
#include "RecordingReaderTest.moc"
