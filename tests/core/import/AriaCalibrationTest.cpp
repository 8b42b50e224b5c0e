// Aria factory calibration (real sample_calib.json and the calib_json tag of the real Gen1 VRS)
// and MPS online_calibration.jsonl (real sample), including the RGB 2880 -> 1408 rescale rule.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/import/AriaCalibration.h"
#include "core/import/VrsReader.h"
#include "core/util/AtomicFile.h"

using namespace tacit;
namespace fs = std::filesystem;

static fs::path shared(const char *rel) {
  return fs::path(TACIT_TEST_DATA_DIR) / rel;
}

class AriaCalibrationTest : public QObject {
  Q_OBJECT
private slots:
  void factorySample() {
    auto text = readSmallFile(shared("aria/sample_calib.json"));
    QVERIFY(text.ok());
    auto dc = aria::parseDeviceCalibration(*text, "sample_calib.json");
    QVERIFY2(dc.ok(), dc.error().c_str());
    QCOMPARE(dc->source, std::string("Factory"));
    QCOMPARE(dc->cameras.size(), std::size_t(5));
    QCOMPARE(dc->imus.size(), std::size_t(2));
    const auto *rgb = dc->camera("camera-rgb");
    QVERIFY(rgb);
    QCOMPARE(rgb->projection, std::string("FisheyeRadTanThinPrism"));
    QCOMPARE(rgb->params.size(), std::size_t(15));
    QCOMPARE(rgb->params[0], 1214.025993758243);
    // UnitQuaternion is [w,[x,y,z]].
    QCOMPARE(rgb->T_device_sensor.rotation.w(), 0.9433499277148367);
    QCOMPARE(rgb->T_device_sensor.rotation.x(), 0.3278414140126585);
    QCOMPARE(rgb->T_device_sensor.translation.x(), -0.004554731980229378);
    QVERIFY(dc->camera("camera-slam-left")->T_device_sensor.rotation.isApprox(Eigen::Quaterniond::Identity()));
    QCOMPARE(dc->camera("camera-et-left")->projection, std::string("KannalaBrandtK3"));
    QVERIFY(dc->imu("imu-right"));

    // Full resolution: parameters as stored.
    auto full = aria::toCameraCalibration(*rgb, "rgb", 2880, 2880, "sample_calib.json");
    QVERIFY2(full.ok(), full.error().c_str());
    QCOMPARE(full->model->kind(), geometry::CameraModelKind::Fisheye624);
    QCOMPARE(full->model->width(), 2880);
    QCOMPARE(full->model->params()[1], 1469.535869576514);

    // 1408 stream: crop 32 then halve: f' = f/2, c' = 0.5 (c - 32 + 0.5) - 0.5; distortion unchanged.
    auto half = aria::toCameraCalibration(*rgb, "rgb", 1408, 1408, "sample_calib.json");
    QVERIFY2(half.ok(), half.error().c_str());
    const auto &p = half->model->params();
    QCOMPARE(half->model->width(), 1408);
    QVERIFY(std::abs(p[0] - 1214.025993758243 / 2) < 1e-9);
    QVERIFY(std::abs(p[1] - (0.5 * (1469.535869576514 - 32 + 0.5) - 0.5)) < 1e-9);
    QVERIFY(std::abs(p[2] - (0.5 * (1438.595858396595 - 32 + 0.5) - 0.5)) < 1e-9);
    QCOMPARE(p[3], rgb->params[3]);
    // A ray projects consistently: pixel at 1408 = rescaled pixel at 2880.
    Eigen::Vector3d ray(0.2, -0.1, 1.0);
    auto a = full->model->project(ray), b = half->model->project(ray);
    QVERIFY(a && b);
    QVERIFY(((*a - Eigen::Vector2d(32, 32) + Eigen::Vector2d(0.5, 0.5)) * 0.5 - Eigen::Vector2d(0.5, 0.5) - *b).norm() <
            1e-6);

    // ET at half resolution: scale 0.5 without crop; unsupported sizes are refused.
    auto et = aria::toCameraCalibration(*dc->camera("camera-et-left"), "et", 320, 240, "sample_calib.json");
    QVERIFY2(et.ok(), et.error().c_str());
    QCOMPARE(et->model->kind(), geometry::CameraModelKind::KannalaBrandt4);
    QVERIFY(std::abs(et->model->params()[0] - 556.9648709428538 / 2) < 1e-9);
    auto bad = aria::toCameraCalibration(*rgb, "rgb", 1000, 1000, "sample_calib.json");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().find("sample_calib.json") != std::string::npos, bad.error().c_str());
    QVERIFY(bad.error().find("1000x1000") != std::string::npos);
  }

  void calibrationInsideGen1Vrs() {
    auto r = vrs::Reader::open(shared("aria/aea/recording.vrs"));
    QVERIFY(r.ok());
    auto dc = aria::parseDeviceCalibration(r->fileTag("calib_json"), "recording.vrs: calib_json");
    QVERIFY2(dc.ok(), dc.error().c_str());
    QVERIFY(dc->camera("camera-rgb"));
    QCOMPARE(dc->camera("camera-rgb")->params.size(), std::size_t(15));
    QVERIFY(dc->imu("imu-right"));
  }

  void onlineCalibrationSample() {
    auto entries = aria::readOnlineCalibration(shared("aria/mps_sample/trajectory/online_calibration.jsonl"));
    QVERIFY2(entries.ok(), entries.error().c_str());
    QVERIFY(entries->size() > 10);
    const auto &e0 = entries->front();
    QCOMPARE(e0.trackingTimeNs, Timestamp(148502610) * 1000);
    QCOMPARE(e0.utcTimestampNs, std::int64_t(1686767221302923694));
    QCOMPARE(e0.calibration.cameras.size(), std::size_t(3));
    QVERIFY(e0.calibration.camera("camera-rgb"));
    QCOMPARE(e0.calibration.imus.size(), std::size_t(2));
    for (std::size_t i = 1; i < entries->size(); ++i)
      QVERIFY((*entries)[i].trackingTimeNs > (*entries)[i - 1].trackingTimeNs);
    auto rgb = aria::toCameraCalibration(*e0.calibration.camera("camera-rgb"), "rgb", 1408, 1408, "online");
    QVERIFY2(rgb.ok(), rgb.error().c_str());
  }

  void damagedInputs() {
    auto notJson = aria::parseDeviceCalibration("{ not json", "calib.json");
    QVERIFY(!notJson.ok());
    QVERIFY2(notJson.error().rfind("calib.json: invalid JSON: line 1", 0) == 0, notJson.error().c_str());
    auto noPose = aria::parseDeviceCalibration(
        R"({"CameraCalibrations":[{"Label":"camera-rgb","Projection":{"Name":"FisheyeRadTanThinPrism","Params":[1]}}]})",
        "calib.json");
    QVERIFY(!noPose.ok());
    QVERIFY2(noPose.error().find("camera-rgb: T_Device_Camera") != std::string::npos, noPose.error().c_str());
    auto shortParams = aria::parseDeviceCalibration(
        R"({"CameraCalibrations":[{"Label":"camera-rgb","Projection":{"Name":"FisheyeRadTanThinPrism","Params":[1,2,3]},
            "T_Device_Camera":{"Translation":[0,0,0],"UnitQuaternion":[1,[0,0,0]]}}]})",
        "calib.json");
    QVERIFY(shortParams.ok());
    auto cam = aria::toCameraCalibration(shortParams->cameras[0], "rgb", 1408, 1408, "calib.json");
    QVERIFY(!cam.ok());
    QVERIFY2(cam.error().find("3 parameters") != std::string::npos, cam.error().c_str());

    QTemporaryDir dir;
    fs::path p = fs::path(dir.path().toStdString()) / "online_calibration.jsonl";
    std::ifstream in(shared("aria/mps_sample/trajectory/online_calibration.jsonl"));
    std::string first;
    std::getline(in, first);
    std::ofstream(p) << first << "\n{\"tracking_timestamp_us\": 5, \"CameraCalibrations\": [tru\n";
    auto online = aria::readOnlineCalibration(p);
    QVERIFY(!online.ok());
    QVERIFY2(online.error().rfind("online_calibration.jsonl: line 2: invalid JSON", 0) == 0, online.error().c_str());
  }
};

QTEST_GUILESS_MAIN(AriaCalibrationTest)
#include "AriaCalibrationTest.moc"
