#pragma once
// Minimal recording folders for project tests: recording.json (id, worker, task, streams) plus a
// small stream file. Real media is not needed for the project file.
#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace tacit::project::testutil {

inline std::filesystem::path writeRecording(const std::filesystem::path &folder, const std::string &uuid,
                                            const std::string &worker = "w1", const std::string &task = "assemble") {
  std::filesystem::create_directories(folder);
  nlohmann::json j{{"format", "tacit-recording"},
                   {"version", 1},
                   {"id", uuid},
                   {"worker", {{"id", worker}, {"name", "Worker " + worker}}},
                   {"task", task},
                   {"site", "lab"},
                   {"started_at", "2026-01-01T00:00:00Z"},
                   {"device", "aria"},
                   {"streams", {{{"id", "imu"}, {"kind", "imu"}, {"path", "imu.csv"}, {"time_offset_ns", 0}}}}};
  QFile json(QString::fromStdString((folder / "recording.json").string()));
  json.open(QIODevice::WriteOnly);
  json.write(QByteArray::fromStdString(j.dump(2)));
  QFile imu(QString::fromStdString((folder / "imu.csv").string()));
  imu.open(QIODevice::WriteOnly);
  imu.write("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n0,0,0,9.8,0,0,0\n");
  return folder;
}

inline std::filesystem::path path(const QTemporaryDir &dir, const char *name) {
  return std::filesystem::path(dir.path().toStdString()) / name;
}

} // namespace tacit::project::testutil
