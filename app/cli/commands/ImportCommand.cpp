// tacit-cli import aria-mps|egodex|video ...: convert external recordings into a native recording
// folder (written atomically; sources never modified). See docs/importers.md.
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/import/AriaImporter.h"
#include "core/import/EgoDexImporter.h"
#include "core/import/VideoImporter.h"

namespace {

using namespace tacit;

int finish(const Result<import::ImportSummary> &r, bool json) {
  if (!r)
    return cli::dataError(r.error());
  for (const auto &w : r.warnings())
    std::fprintf(stderr, "warning: %s\n", w.c_str());
  const auto &s = *r;
  if (json) {
    nlohmann::json j;
    j["folder"] = s.folder.string();
    j["id"] = s.manifest.id;
    j["files"] = s.files;
    j["video_frames"] = s.videoFrames;
    j["imu_samples"] = s.imuSamples;
    nlohmann::json streams = nlohmann::json::array();
    for (const auto &st : s.manifest.streams)
      streams.push_back({{"id", st.id},
                         {"kind", streamKindName(st.kind)},
                         {"path", st.path.generic_string()},
                         {"time_offset_ns", st.timeOffsetNs}});
    j["streams"] = streams;
    j["warnings"] = r.warnings();
    cli::printLine(j.dump(2));
  } else {
    cli::printLine("imported " + s.folder.string() + ": " + std::to_string(s.manifest.streams.size()) + " streams, " +
                   std::to_string(s.videoFrames) + " video frames" +
                   (s.imuSamples ? ", " + std::to_string(s.imuSamples) + " IMU samples" : std::string()));
  }
  return cli::kExitOk;
}

void addCommon(QCommandLineParser &p) {
  p.addOption({"out", "Recording folder to create (must not exist)", "REC_DIR"});
  p.addOption({"task", "Task description for recording.json", "TEXT"});
  p.addOption({"worker-id", "Worker id for recording.json", "ID"});
  p.addOption({"worker-name", "Worker name for recording.json", "NAME"});
  p.addOption({"site", "Site for recording.json", "TEXT"});
  p.addOption({"json", "Print a JSON summary on stdout"});
}

bool progressPrinter(double, const std::string &) {
  return true;
}

int runAria(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("import aria-mps [MPS_DIR] --vrs FILE.vrs|--video RGB.mp4 [--calibration calib.json] "
                              "--out REC_DIR");
  p.addPositionalArgument("mps_dir", "Aria MPS output folder (slam/, eye_gaze/, hand_tracking/)", "[MPS_DIR]");
  p.addOption({"vrs", "Aria VRS recording: RGB stream -> video, IMU -> imu.csv, calib_json", "FILE.vrs"});
  p.addOption({"video", "Already exported RGB video", "RGB.mp4"});
  p.addOption({"calibration", "Factory calibration JSON (default: from the VRS or online calibration)", "JSON"});
  p.addOption({"video-start-ns", "--video: device time (ns) of the first frame", "NS"});
  addCommon(p);
  if (int rc = cli::parseArguments(p, args, "import aria-mps"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() > 1)
    return cli::usageError("import aria-mps", "expected at most one MPS_DIR");
  if (!p.isSet("out"))
    return cli::usageError("import aria-mps", "--out REC_DIR is required");
  if (p.isSet("vrs") == p.isSet("video"))
    return cli::usageError("import aria-mps", "give exactly one of --vrs or --video");
  import::AriaImportOptions o;
  if (!pos.isEmpty())
    o.mpsDir = pos[0].toStdString();
  o.vrs = p.value("vrs").toStdString();
  o.video = p.value("video").toStdString();
  o.calibration = p.value("calibration").toStdString();
  o.out = p.value("out").toStdString();
  if (p.isSet("video-start-ns")) {
    bool ok = false;
    o.videoStartNs = p.value("video-start-ns").toLongLong(&ok);
    if (!ok)
      return cli::usageError("import aria-mps", "--video-start-ns expects an integer");
  }
  o.task = p.value("task").toStdString();
  o.workerId = p.value("worker-id").toStdString();
  o.workerName = p.value("worker-name").toStdString();
  o.site = p.value("site").toStdString();
  o.progress = &progressPrinter;
  return finish(import::importAria(o), p.isSet("json"));
}

int runEgoDex(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("import egodex EPISODE.hdf5 --video EPISODE.mp4 --out REC_DIR");
  p.addPositionalArgument("hdf5", "EgoDex episode HDF5", "EPISODE.hdf5");
  p.addOption({"video", "The episode's video (default: EPISODE.mp4 next to the HDF5)", "EPISODE.mp4"});
  addCommon(p);
  if (int rc = cli::parseArguments(p, args, "import egodex"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return cli::usageError("import egodex", "expected one EPISODE.hdf5");
  if (!p.isSet("out"))
    return cli::usageError("import egodex", "--out REC_DIR is required");
  import::EgoDexImportOptions o;
  o.hdf5 = pos[0].toStdString();
  o.video = p.isSet("video") ? std::filesystem::path(p.value("video").toStdString())
                             : std::filesystem::path(o.hdf5).replace_extension(".mp4");
  o.out = p.value("out").toStdString();
  o.task = p.value("task").toStdString();
  o.workerId = p.value("worker-id").toStdString();
  o.workerName = p.value("worker-name").toStdString();
  o.site = p.value("site").toStdString();
  return finish(import::importEgoDex(o), p.isSet("json"));
}

int runVideo(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("import video FILE.mp4 [--imu imu.csv] [--hands hands.csv] [--fps-hint N] "
                              "[--camera pinhole:fx,fy,cx,cy] [--map-column ours=theirs ...] --out REC_DIR");
  p.addPositionalArgument("video", "Any video FFmpeg reads", "FILE");
  p.addOption({"imu", "IMU CSV sidecar", "CSV"});
  p.addOption({"hands", "Hand pose CSV sidecar (Aria MPS hand columns)", "CSV"});
  p.addOption({"fps-hint", "Frame rate to assume when the container has no usable timestamps", "N"});
  p.addOption(
      {"camera", "Camera intrinsics: pinhole:fx,fy,cx,cy | kb4:fx,fy,cx,cy,k0..k3 | fisheye624:...", "MODEL:PARAMS"});
  p.addOption({"map-column", "Rename a sidecar CSV column: ours=theirs (repeatable)", "OURS=THEIRS"});
  p.addOption({"time-unit", "Unit of the sidecars' timestamp column when it differs from ours: ns|us|ms|s", "UNIT"});
  addCommon(p);
  if (int rc = cli::parseArguments(p, args, "import video"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return cli::usageError("import video", "expected one video FILE");
  if (!p.isSet("out"))
    return cli::usageError("import video", "--out REC_DIR is required");
  import::VideoImportOptions o;
  o.video = pos[0].toStdString();
  o.imu = p.value("imu").toStdString();
  o.hands = p.value("hands").toStdString();
  o.out = p.value("out").toStdString();
  if (p.isSet("fps-hint")) {
    bool ok = false;
    o.fpsHint = p.value("fps-hint").toDouble(&ok);
    if (!ok || o.fpsHint <= 0)
      return cli::usageError("import video", "--fps-hint expects a positive number");
  }
  o.camera = p.value("camera").toStdString();
  o.timeUnit = p.value("time-unit").toStdString();
  if (!o.timeUnit.empty() && o.timeUnit != "ns" && o.timeUnit != "us" && o.timeUnit != "ms" && o.timeUnit != "s")
    return cli::usageError("import video", "--time-unit expects ns, us, ms or s");
  for (const QString &m : p.values("map-column")) {
    const int eq = m.indexOf('=');
    if (eq <= 0 || eq == m.size() - 1)
      return cli::usageError("import video", "--map-column expects ours=theirs, got '" + m + "'");
    o.columnMap[m.left(eq).trimmed().toStdString()] = m.mid(eq + 1).trimmed().toStdString();
  }
  o.task = p.value("task").toStdString();
  o.workerId = p.value("worker-id").toStdString();
  o.workerName = p.value("worker-name").toStdString();
  o.site = p.value("site").toStdString();
  return finish(import::importVideo(o), p.isSet("json"));
}

int run(const QStringList &args) {
  const QString verb = args.size() > 1 ? args[1] : QString();
  QStringList rest = args.mid(1);
  if (!rest.isEmpty())
    rest[0] = "import " + verb;
  if (verb == "aria-mps" || verb == "aria")
    return runAria(rest);
  if (verb == "egodex")
    return runEgoDex(rest);
  if (verb == "video")
    return runVideo(rest);
  if (verb == "--help" || verb == "-h" || verb.isEmpty()) {
    cli::printLine("Usage: tacit-cli import aria-mps|egodex|video ... (each has --help)");
    return verb.isEmpty() ? cli::kExitUsage : cli::kExitOk;
  }
  return cli::usageError("import", "unknown source '" + verb + "' (expected aria-mps, egodex or video)");
}

} // namespace

static tacit::cli::CommandRegistrar reg({"import", "Import Aria (VRS/MPS), EgoDex or any video into a recording",
                                         &run});
