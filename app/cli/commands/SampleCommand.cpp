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
    std::fprintf(stderr, "wrote %s: %d video frames (%s), %d depth frames in %.1f s\n",
                 report->folder.generic_string().c_str(), report->videoFrames, report->videoEncoder.c_str(),
                 report->depthFrames, seconds);
  }
  return tacit::cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({"sample", "Write the synthetic demo/test recording", &run, false});
