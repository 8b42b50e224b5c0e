// tacit-cli export PROJECT --format robomimic-hdf5|lerobot-v2.1|lerobot-v3 --out DIR: training-ready
// episodes through the export gate (docs/export.md).
#include <QCommandLineParser>
#include <QRegularExpression>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <map>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/export/ExportRunner.h"
#include "core/media/RecordingTimeBaseReader.h"
#include "core/project/ProjectStore.h"
#include "core/time/RecordingTime.h"

namespace {

std::atomic<bool> g_interrupted{false};
void onSignal(int) {
  g_interrupted = true;
}

// Candidates are listed in recording time with frame numbers, as the window shows them; device
// time stays in --json.
class RecordingTimes {
public:
  explicit RecordingTimes(tacit::project::ProjectStore &store) : m_store(store) {}
  std::string span(const std::string &uuid, const tacit::TimeRange &r) {
    auto it = m_bases.find(uuid);
    if (it == m_bases.end()) {
      tacit::RecordingTimeBase base;
      if (auto rec = m_store.recordingByUuid(uuid); rec && *rec)
        if (auto read = tacit::media::readRecordingTimeBase(m_store.absoluteFolder(**rec)); read)
          base = read.takeValue();
      it = m_bases.emplace(uuid, std::move(base)).first;
    }
    return it->second.span(r);
  }

private:
  tacit::project::ProjectStore &m_store;
  std::map<std::string, tacit::RecordingTimeBase> m_bases;
};

int run(const QStringList &args) {
  using namespace tacit::exporting;
  QCommandLineParser p;
  p.setApplicationDescription("Export approved, consented, unredacted, unflagged episodes as a training dataset.");
  p.addPositionalArgument("PROJECT", "The .tacit project file.");
  p.addOption({"format", "robomimic-hdf5, lerobot-v2.1 or lerobot-v3.", "FORMAT"});
  p.addOption({"out", "Dataset folder to create (must be empty or absent unless --force).", "DIR"});
  p.addOption({"labels", "Segments to export: track names, label names or label paths (default: task).", "L,..."});
  p.addOption({"whole-recordings", "Export each recording as one episode instead of segments."});
  p.addOption({"max-severity",
               "Exclude episodes overlapping a flag of this severity or higher (1-4, default 3; 5 "
               "ignores flags).",
               "N", "3"});
  p.addOption({"purpose", "Use the consent scope must allow (default model_training).", "USE", "model_training"});
  p.addOption({"redactions", "What a redacted span does to an episode: split (default) or drop.", "MODE", "split"});
  p.addOption({"size", "Exported image size HxW (default 480x640).", "HxW", "480x640"});
  p.addOption({"fps", "Exported frame rate (default: the source video's).", "N", "0"});
  p.addOption({"focal", "Pinhole focal length in pixels (default 266.5 * width / 640).", "PX", "0"});
  p.addOption({"seed", "Seed of the train/valid split (default 0).", "N", "0"});
  p.addOption({"codec", "LeRobot video codec: auto, libsvtav1 or libx264 (default auto).", "CODEC", "auto"});
  p.addOption({"data-files-size-mb", "LeRobot v3: start a new data file past this size (default 100).", "MB", "100"});
  p.addOption({"video-files-size-mb", "LeRobot v3: start a new video file past this size (default 200, as lerobot).",
               "MB", "200"});
  p.addOption({"chunks-size", "LeRobot: files (v3) or episodes (v2.1) per chunk folder (default 1000).", "N", "1000"});
  p.addOption({"dry-run", "List every candidate episode and why it is excluded; write nothing."});
  p.addOption({"json", "Print the result as JSON on stdout."});
  p.addOption({"force", "Replace the folder of an earlier export (never any other folder)."});
  p.addOption({"require-streams",
               "Fail instead of warning when one of these streams is missing, empty or all NaN/inf in an episode: "
               "imu, hands, trajectory, gaze.",
               "S,..."});
  if (int rc = tacit::cli::parseArguments(p, args, "export"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return tacit::cli::usageError("export", "expected one PROJECT file");

  ExportOptions o;
  auto format = exportFormatFromName(p.value("format").toStdString());
  if (!format)
    return tacit::cli::usageError("export", "--format must be robomimic-hdf5, lerobot-v2.1 or lerobot-v3, got '" +
                                                p.value("format") + "'");
  o.format = *format;
  if (!p.isSet("out") && !p.isSet("dry-run"))
    return tacit::cli::usageError("export", "--out DIR is required");
  o.out = p.value("out").toStdString();
  if (o.out.empty())
    o.out = "export";
  if (p.isSet("labels")) {
    o.gate.labels.clear();
    for (const QString &l : p.value("labels").split(',', Qt::SkipEmptyParts))
      o.gate.labels.push_back(l.trimmed().toStdString());
    if (o.gate.labels.empty())
      return tacit::cli::usageError("export", "--labels is empty");
  }
  o.gate.wholeRecordings = p.isSet("whole-recordings");
  bool good = false;
  o.gate.maxSeverity = p.value("max-severity").toInt(&good);
  if (!good || o.gate.maxSeverity < 1 || o.gate.maxSeverity > 5)
    return tacit::cli::usageError("export", "--max-severity must be 1..5, got '" + p.value("max-severity") + "'");
  o.gate.purpose = p.value("purpose").toStdString();
  if (p.value("redactions") == "split")
    o.gate.redactionPolicy = RedactionPolicy::Split;
  else if (p.value("redactions") == "drop")
    o.gate.redactionPolicy = RedactionPolicy::Drop;
  else
    return tacit::cli::usageError("export", "--redactions must be split or drop, got '" + p.value("redactions") + "'");
  const auto m = QRegularExpression("^(\\d+)x(\\d+)$").match(p.value("size"));
  if (!m.hasMatch() || m.captured(1).toInt() <= 0 || m.captured(2).toInt() <= 0 || m.captured(1).toInt() % 2 ||
      m.captured(2).toInt() % 2)
    return tacit::cli::usageError("export",
                                  "--size must be HxW with even numbers, e.g. 480x640, got '" + p.value("size") + "'");
  o.height = m.captured(1).toInt();
  o.width = m.captured(2).toInt();
  o.fps = p.value("fps").toInt(&good);
  if (!good || o.fps < 0 || o.fps > 1000)
    return tacit::cli::usageError("export", "--fps must be 1..1000, got '" + p.value("fps") + "'");
  o.focalPx = p.value("focal").toDouble(&good);
  if (!good || o.focalPx < 0)
    return tacit::cli::usageError("export", "--focal must be a positive number, got '" + p.value("focal") + "'");
  o.seed = p.value("seed").toULongLong(&good);
  if (!good)
    return tacit::cli::usageError("export", "--seed must be a non-negative integer, got '" + p.value("seed") + "'");
  o.codec = p.value("codec").toStdString();
  if (o.codec != "auto" && o.codec != "libsvtav1" && o.codec != "libx264")
    return tacit::cli::usageError("export",
                                  "--codec must be auto, libsvtav1 or libx264, got '" + p.value("codec") + "'");
  o.dataFilesSizeMb = p.value("data-files-size-mb").toDouble(&good);
  if (!good || o.dataFilesSizeMb <= 0)
    return tacit::cli::usageError("export", "--data-files-size-mb must be a positive number, got '" +
                                                p.value("data-files-size-mb") + "'");
  o.videoFilesSizeMb = p.value("video-files-size-mb").toDouble(&good);
  if (!good || o.videoFilesSizeMb <= 0)
    return tacit::cli::usageError("export", "--video-files-size-mb must be a positive number, got '" +
                                                p.value("video-files-size-mb") + "'");
  o.chunksSize = p.value("chunks-size").toInt(&good);
  if (!good || o.chunksSize < 1)
    return tacit::cli::usageError("export",
                                  "--chunks-size must be a positive integer, got '" + p.value("chunks-size") + "'");
  if (p.isSet("require-streams"))
    for (const QString &s : p.value("require-streams").split(',', Qt::SkipEmptyParts)) {
      const std::string name = s.trimmed().toStdString();
      const auto &known = checkedStreamNames();
      if (std::find(known.begin(), known.end(), name) == known.end())
        return tacit::cli::usageError("export", "--require-streams: unknown stream '" + s.trimmed() +
                                                    "' (imu, hands, trajectory, gaze)");
      o.requireStreams.push_back(name);
    }
  o.dryRun = p.isSet("dry-run");
  o.force = p.isSet("force");
  o.command = ("tacit-cli " + args.join(' ')).toStdString();
  const bool asJson = p.isSet("json");

  // Read-only while exporting, so concurrent exports and edits never wait for each other;
  // recordExport then waits for the project lock to record the export (ExportRunner.h).
  tacit::project::ProjectOpenOptions po;
  po.readOnly = true;
  auto store = tacit::project::ProjectStore::open(pos[0].toStdString(), po);
  if (!store && !o.dryRun && store.error().find("needs an upgrade") != std::string::npos)
    store = tacit::project::ProjectStore::open(pos[0].toStdString()); // old schema: migrate once
  if (!store)
    return tacit::cli::dataError(store.error());

  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
  auto report = runExport(**store, o, [](double) { return !g_interrupted.load(); });
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (!report)
    return tacit::cli::dataError(report.error());

  if (asJson) {
    nlohmann::json out = {{"dry_run", o.dryRun},
                          {"format", exportFormatName(o.format)},
                          {"candidates", report->manifest["candidates"]},
                          {"episodes", report->manifest["episodes"]},
                          {"warnings", report->warnings},
                          {"explanation", report->explanation},
                          {"stream_issues", report->manifest["stream_issues"]},
                          {"seconds", report->seconds}};
    if (!o.dryRun)
      out["out"] = std::filesystem::absolute(o.out).lexically_normal().string();
    tacit::cli::printLine(out.dump(2));
    return tacit::cli::kExitOk;
  }
  RecordingTimes times(**store);
  for (const auto &c : report->gate.candidates) {
    std::string line = std::string(c.included() ? "include " : "exclude ") + c.recordingUuid + " " +
                       (c.segmentId ? "segment " + std::to_string(c.segmentId) : std::string("recording")) + " '" +
                       c.label + "' " + times.span(c.recordingUuid, c.range);
    if (c.included() && c.episodes.size() > 1)
      line += " -> " + std::to_string(c.episodes.size()) + " episodes";
    for (const auto &r : c.reasons)
      line += "\n    " + r;
    for (const auto &n : c.notes)
      line += "\n    note: " + n;
    for (const auto &e : report->streamIssues)
      if (e.recordingId == c.recordingId && e.segmentId == c.segmentId)
        for (const auto &i : e.issues)
          line += "\n    " + std::string(i.unusable ? "missing " : "partial ") + i.stream + " in " +
                  times.span(c.recordingUuid, e.range) + ": " + i.problem;
    tacit::cli::printLine(line);
  }
  if (o.dryRun) {
    for (const auto &w : report->warnings)
      std::fprintf(stderr, "tacit-cli: warning: %s\n", w.c_str());
    tacit::cli::printLine(std::to_string(report->gate.episodes().size()) + " episode(s) would be exported");
    for (const auto &line : report->explanation)
      tacit::cli::printLine(line);
    return tacit::cli::kExitOk;
  }
  std::int64_t frames = 0;
  for (const auto &e : report->episodes)
    frames += e.frames;
  for (const auto &w : report->warnings)
    std::fprintf(stderr, "tacit-cli: warning: %s\n", w.c_str());
  char summary[512];
  std::snprintf(summary, sizeof summary, "exported %zu episode(s), %lld frames to %s in %.1f s",
                report->episodes.size(), static_cast<long long>(frames), o.out.c_str(), report->seconds);
  tacit::cli::printLine(summary);
  return tacit::cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({"export", "Export training-ready episodes (robomimic HDF5, LeRobot)", &run});
