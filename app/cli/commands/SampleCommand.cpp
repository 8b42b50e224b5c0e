// tacit-cli sample OUT_DIR: writes the synthetic recording every test and demo uses.
#include <QCommandLineParser>
#include <QRegularExpression>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/sample/AriaMpsExport.h"
#include "core/sample/SampleGenerator.h"

namespace {

// Demo-quality and integrity knobs (docs/curation.md); all off by default.
void addDegradationOptions(QCommandLineParser &p) {
  p.addOption({"degrade",
               "Demo-quality level 0..10: tremor, jitter, pauses, dropouts, blur and a failed grasp "
               "that grow with the level (single knobs below override it).",
               "L"});
  p.addOption({"pauses", "Hesitation pauses mid-motion (0..6).", "N"});
  p.addOption({"tremor", "Hand tremor amplitude in mm (8-11 Hz).", "MM"});
  p.addOption({"jitter", "Hand-tracking noise in mm (1 sigma).", "MM"});
  p.addOption({"failed-grasp", "The first grasp fails and is retried."});
  p.addOption({"dropouts", "Extra hand-tracking dropouts.", "N"});
  p.addOption({"blurs", "Extra head shakes with motion blur.", "N"});
  p.addOption({"frame-drops", "Video frames left out of rgb.mp4 (1-3 in a row each).", "N"});
  p.addOption({"duplicate-frames", "Video frames delivered twice.", "N"});
  p.addOption({"imu-gaps", "Spans of missing IMU rows.", "N"});
  p.addOption({"clock-offset", "A stream whose clock runs ahead, e.g. imu:40 (ms; imu or trajectory).", "STREAM:MS"});
}

QString readDegradationOptions(const QCommandLineParser &p, tacit::sample::DegradationOptions &d) {
  bool good = true;
  if (p.isSet("degrade")) {
    const int level = p.value("degrade").toInt(&good);
    if (!good || level < 0 || level > 10)
      return "--degrade must be an integer 0..10, got '" + p.value("degrade") + "'";
    d = tacit::sample::degradationForLevel(level);
  }
  for (auto [name, field] : {std::pair{"pauses", &d.pauses}, std::pair{"dropouts", &d.dropouts},
                             std::pair{"blurs", &d.blurs}, std::pair{"frame-drops", &d.frameDrops},
                             std::pair{"duplicate-frames", &d.duplicateFrames}, std::pair{"imu-gaps", &d.imuGaps}})
    if (p.isSet(name)) {
      *field = p.value(name).toInt(&good);
      if (!good)
        return QString("--%1 must be an integer, got '%2'").arg(name, p.value(name));
    }
  for (auto [name, field] : {std::pair{"tremor", &d.tremorMm}, std::pair{"jitter", &d.jitterMm}})
    if (p.isSet(name)) {
      *field = p.value(name).toDouble(&good);
      if (!good)
        return QString("--%1 must be a number of mm, got '%2'").arg(name, p.value(name));
    }
  if (p.isSet("failed-grasp"))
    d.failedGrasp = true;
  if (p.isSet("clock-offset")) {
    const QStringList parts = p.value("clock-offset").split(':');
    if (parts.size() == 2)
      d.offsetMs = parts[1].toDouble(&good);
    if (parts.size() != 2 || !good)
      return "--clock-offset must look like imu:40, got '" + p.value("clock-offset") + "'";
    d.offsetStream = parts[0].toStdString();
  }
  return {};
}

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("Write a synthetic recording folder (video, depth, IMU, hands, gaze, trajectory, "
                              "calibration, truth.json).");
  p.addPositionalArgument("OUT_DIR", "Folder to write (created if needed).");
  p.addOption({"duration", "Length in seconds (default 20).", "SEC", "20"});
  p.addOption({"fps", "Video frame rate (default 30).", "N", "30"});
  p.addOption({"size", "Video size WxH (default 1408x1408).", "WxH", "1408x1408"});
  p.addOption({"seed", "Random seed (default 1).", "N", "1"});
  p.addOption({"imu-hz", "IMU and trajectory rate (default 1000).", "N", "1000"});
  p.addOption({"codec", "h264, hevc or av1 (default h264).", "CODEC", "h264"});
  p.addOption({"gop", "Keyframe interval in frames (default 30).", "N", "30"});
  p.addOption({"bframes", "Consecutive B-frames (default 2).", "N", "2"});
  p.addOption({"aria-export",
               "Also write the sample in Aria formats: DIR/mps (MPS folder) and DIR/calib.json "
               "(factory calibration; needs --size 1408x1408).",
               "DIR"});
  addDegradationOptions(p);
  p.addOption({"json", "Print a JSON summary on stdout."});
  if (int rc = tacit::cli::parseArguments(p, args, "sample"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return tacit::cli::usageError("sample", "expected one OUT_DIR");

  tacit::sample::SampleOptions o;
  auto toInt = [&](const char *name, int &out) {
    bool good = false;
    const int v = p.value(name).toInt(&good);
    if (good)
      out = v;
    return good;
  };
  bool good = false;
  o.durationSec = p.value("duration").toDouble(&good);
  if (!good)
    return tacit::cli::usageError("sample", "--duration must be a number, got '" + p.value("duration") + "'");
  for (auto [name, field] : {std::pair{"fps", &o.fps}, std::pair{"imu-hz", &o.imuHz}, std::pair{"gop", &o.gop},
                             std::pair{"bframes", &o.bframes}})
    if (!toInt(name, *field))
      return tacit::cli::usageError("sample", QString("--%1 must be an integer, got '%2'").arg(name, p.value(name)));
  const qulonglong seed = p.value("seed").toULongLong(&good);
  if (!good)
    return tacit::cli::usageError("sample", "--seed must be a non-negative integer, got '" + p.value("seed") + "'");
  o.seed = seed;
  const auto m = QRegularExpression("^(\\d+)x(\\d+)$").match(p.value("size"));
  if (!m.hasMatch())
    return tacit::cli::usageError("sample", "--size must look like 1408x1408, got '" + p.value("size") + "'");
  o.width = m.captured(1).toInt();
  o.height = m.captured(2).toInt();
  o.codec = p.value("codec").toStdString();
  if (QString problem = readDegradationOptions(p, o.degradation); !problem.isEmpty())
    return tacit::cli::usageError("sample", problem);
  if (const std::string problem = tacit::sample::sampleOptionsProblem(o); !problem.empty())
    return tacit::cli::usageError("sample", QString::fromStdString(problem));
  if (p.isSet("aria-export") && (o.width != 1408 || o.height != 1408))
    return tacit::cli::usageError("sample", "--aria-export needs --size 1408x1408 (Aria's RGB stream size)");

  const auto started = std::chrono::steady_clock::now();
  auto report = tacit::sample::generateSample(o, pos.front().toStdString());
  if (!report)
    return tacit::cli::dataError(report.error());
  if (p.isSet("aria-export")) {
    const std::filesystem::path dir = p.value("aria-export").toStdString();
    if (auto s = tacit::sample::writeAriaMpsExport(o, report->folder, dir / "mps", dir / "calib.json"); !s)
      return tacit::cli::dataError(s.error());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (p.isSet("json")) {
    nlohmann::json j = {{"folder", report->folder.generic_string()},
                        {"video_frames", report->videoFrames},
                        {"depth_frames", report->depthFrames},
                        {"encoder", report->videoEncoder},
                        {"seconds", seconds}};
    tacit::cli::printLine(j.dump());
  } else {
    // The summary is the command's result, so stdout: stderr stays empty on success (quiet contract).
    char line[512];
    std::snprintf(line, sizeof line, "wrote %s: %d video frames (%s), %d depth frames in %.1f s",
                  report->folder.generic_string().c_str(), report->videoFrames, report->videoEncoder.c_str(),
                  report->depthFrames, seconds);
    tacit::cli::printLine(line);
  }
  return tacit::cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({"sample", "Write the synthetic demo/test recording", &run, false});
