#include "core/export/ExportRunner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/export/EpisodeAligner.h"
#include "core/export/ExportStaging.h"
#include "core/export/FrameUndistorter.h"
#include "core/export/GateExplain.h"
#include "core/export/LeRobotWriter.h"
#include "core/export/ProjectGate.h"
#include "core/export/RobomimicWriter.h"
#include "core/export/StreamCheck.h"
#include "core/media/VideoSource.h"
#include "core/time/RecordingTime.h"
#include "core/util/AtomicFile.h"

namespace tacit::exporting {
namespace fs = std::filesystem;
using nlohmann::json;

const char *exportFormatName(ExportFormat f) {
  switch (f) {
  case ExportFormat::RobomimicHdf5: return "robomimic-hdf5";
  case ExportFormat::LeRobotV21: return "lerobot-v2.1";
  case ExportFormat::LeRobotV30: return "lerobot-v3";
  }
  return "";
}

std::optional<ExportFormat> exportFormatFromName(const std::string &name) {
  for (auto f : {ExportFormat::RobomimicHdf5, ExportFormat::LeRobotV21, ExportFormat::LeRobotV30})
    if (name == exportFormatName(f))
      return f;
  if (name == "lerobot-v3.0")
    return ExportFormat::LeRobotV30;
  return std::nullopt;
}

std::vector<std::string> exportedStreams(ExportFormat f) {
  if (f == ExportFormat::RobomimicHdf5)
    return {"video", "hands", "trajectory", "imu", "gaze"};
  return {"video", "hands", "trajectory"};
}

namespace {

json rangeJson(const TimeRange &r) {
  return json::array({r.begin, r.end});
}

// Per-recording state shared by the episodes of one recording.
struct OpenRecording {
  std::unique_ptr<RecordingContext> context;
  std::unique_ptr<media::VideoSource> video; // exact frame access on the export thread
  std::unique_ptr<FrameUndistorter> undistorter;
  std::vector<project::Redaction> spatial; // blur boxes (plain or tracked) burned into the pixels
};

// Writes one format; hides the writer differences from the episode loop.
class DatasetSink {
public:
  virtual ~DatasetSink() = default;
  virtual Status write(const EpisodeData &ep, const FrameProvider &frames, const ProgressCallback &p) = 0;
  virtual Status finish() = 0;
  virtual std::string episodeName(int index) const = 0;
  virtual json info() const { return json::object(); }
};

class RobomimicSink : public DatasetSink {
public:
  std::unique_ptr<RobomimicWriter> w;
  Status write(const EpisodeData &ep, const FrameProvider &f, const ProgressCallback &p) override {
    return w->writeDemo(ep, f, p);
  }
  Status finish() override { return w->finish(); }
  std::string episodeName(int i) const override { return "demo_" + std::to_string(i); }
  json info() const override { return {{"file", "data.hdf5"}, {"stats", w->statsJson()}}; }
};

class LeRobotSink : public DatasetSink {
public:
  std::unique_ptr<LeRobotWriter> w;
  Status write(const EpisodeData &ep, const FrameProvider &f, const ProgressCallback &p) override {
    return w->writeEpisode(ep, f, p);
  }
  Status finish() override { return w->finish(); }
  std::string episodeName(int i) const override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "episode_%06d", i);
    return buf;
  }
  json info() const override { return {{"video_codec", w->videoCodec()}}; }
};

std::shared_ptr<const geometry::CameraModel> cameraModel(const RecordingContext &rec) {
  const CameraCalibration *cam = rec.video() ? rec.camera(*rec.video()) : nullptr;
  return cam ? cam->model : nullptr;
}

// The recording as the export reads it: the one loader with the project's offsets, plus an exact
// reader of its main video. Warnings: a missing camera, a rotated video, broken optional series.
Result<OpenRecording> openExportRecording(const ProjectSnapshot &project, GateId id) {
  using R = Result<OpenRecording>;
  RecordingContext::Options o;
  if (auto it = project.offsets.find(id); it != project.offsets.end())
    o.offsets = it->second;
  auto ctx = RecordingContext::open(project.folders.at(id), o);
  if (!ctx)
    return R::failure(ctx.error());
  const RecordingManifest &m = (*ctx)->manifest();
  const MediaStream *video = (*ctx)->video();
  if (!video)
    return R::failure((m.folder / "recording.json").string() + ": recording has no video stream to export");
  if (video->frameCount() == 0)
    return R::failure(video->file.string() + ": video has no frames");
  auto reader = video->openVideo();
  if (!reader)
    return R::failure(reader.error());
  R out{OpenRecording{}};
  for (const auto &w : (*ctx)->manifestWarnings()) // e.g. a stream file that is missing: never silent
    out.addWarning(w);
  for (const auto &w : (*ctx)->series().warnings)
    out.addWarning(w);
  if (!(*ctx)->camera(*video))
    out.addWarning((m.folder / "calibration.json").string() + ": no camera for stream \"" + video->id +
                   "\": frames are resized, not undistorted, and poses stay in the device frame");
  if ((*reader)->rotationDeg() != 0)
    out.addWarning(video->file.string() +
                   ": video carries a rotation; the calibration is applied to the upright frames");
  out->context = ctx.takeValue();
  out->video = reader.takeValue();
  return out;
}

// Messages name the dataset folder the user asked for, not the hidden staging folder it is built in.
std::string inDestination(std::string message, const fs::path &staging, const fs::path &destination) {
  const std::string from = staging.string(), to = destination.string();
  for (std::size_t at = message.find(from); at != std::string::npos; at = message.find(from, at + to.size()))
    message.replace(at, from.size(), to);
  return message;
}

json issuesJson(const std::vector<StreamIssue> &issues) {
  json out = json::array();
  for (const auto &i : issues)
    out.push_back({{"stream", i.stream}, {"problem", i.problem}, {"unusable", i.unusable}});
  return out;
}

json streamIssuesJson(const std::vector<EpisodeStreamIssues> &all, const std::map<GateId, std::string> &uuids) {
  json out = json::array();
  for (const auto &e : all)
    out.push_back({{"recording_id", uuids.count(e.recordingId) ? uuids.at(e.recordingId) : std::string()},
                   {"segment_id", e.segmentId},
                   {"time_range_ns", rangeJson(e.range)},
                   {"issues", issuesJson(e.issues)}});
  return out;
}

const std::vector<StreamIssue> *issuesOf(const std::vector<EpisodeStreamIssues> &all, const GateEpisode &e) {
  for (const auto &x : all)
    if (x.recordingId == e.recordingId && x.segmentId == e.segmentId && x.range == e.range)
      return &x.issues;
  return nullptr;
}

} // namespace

json candidatesJson(const GateResult &gate, const std::map<GateId, std::string> &uuids) {
  json out = json::array();
  for (const auto &c : gate.candidates) {
    json episodes = json::array();
    for (const auto &e : c.episodes)
      episodes.push_back(rangeJson(e.range));
    json recordingTime = nullptr; // the range as the user sees it (m:ss.mmm since the recording's first sample)
    if (c.origin != kInvalidTime)
      recordingTime = {formatRecordingTime(c.range.begin - c.origin), formatRecordingTime(c.range.end - c.origin)};
    out.push_back({{"recording_id", uuids.count(c.recordingId) ? uuids.at(c.recordingId) : std::string()},
                   {"project_recording_id", c.recordingId},
                   {"segment_id", c.segmentId},
                   {"label", c.label},
                   {"time_range_ns", rangeJson(c.range)},
                   {"recording_time", recordingTime},
                   {"included", c.included()},
                   {"reasons", c.reasons},
                   {"notes", c.notes},
                   {"episodes", episodes}});
  }
  return out;
}

Result<ProjectSnapshot> snapshotProject(project::ProjectStore &store) {
  using R = Result<ProjectSnapshot>;
  ProjectSnapshot snap;
  snap.projectPath = store.path();
  snap.readOnly = store.isReadOnly();
  snap.readOnlyReason = store.readOnlyReason();
  auto recs = store.recordings();
  if (!recs)
    return R::failure(recs.error());
  snap.recordings = *recs;
  for (const auto &r : snap.recordings) {
    snap.folders[r.id] = store.absoluteFolder(r);
    auto offsets = store.streamOffsets(r.id);
    if (!offsets)
      return R::failure(offsets.error());
    if (!offsets->empty())
      snap.offsets[r.id] = offsets.takeValue();
    auto reds = store.redactions(r.id);
    if (!reds)
      return R::failure(reds.error());
    for (const auto &x : *reds)
      if (x.spatial())
        snap.spatial[r.id].push_back(x);
  }
  auto input = gateInputFromProject(store);
  if (!input)
    return R::failure(input.error());
  snap.input = input.takeValue();
  return R(std::move(snap));
}

std::vector<ProtectedFolder> exportProtectedFolders(const ProjectSnapshot &project) {
  std::vector<ProtectedFolder> out;
  out.push_back({project.projectPath.parent_path(), "the project's folder", false});
  for (const auto &r : project.recordings)
    if (auto f = project.folders.find(r.id); f != project.folders.end())
      out.push_back({f->second, "recording " + r.uuid, true});
  return out;
}

Result<ExportReport> runExport(project::ProjectStore &store, const ExportOptions &opt,
                               const ProgressCallback &progress) {
  auto snap = snapshotProject(store);
  if (!snap)
    return Result<ExportReport>::failure(snap.error());
  auto report = runExport(*snap, opt, progress);
  if (report && !opt.dryRun)
    recordExport(store, opt, *report);
  return report;
}

void recordExport(project::ProjectStore &store, const ExportOptions &opt, ExportReport &report) {
  // The consent review lists where a worker's data went, so every export must land in the project:
  // when this store is read-only because another process holds the project, wait for it.
  project::ProjectStore *target = &store;
  std::unique_ptr<project::ProjectStore> writable;
  if (store.isReadOnly()) {
    project::ProjectOpenOptions o;
    o.author = store.author();
    o.lockWaitMs = kRecordExportLockWaitMs;
    auto opened = project::ProjectStore::open(store.path(), o);
    if (!opened || (*opened)->isReadOnly()) {
      report.warnings.push_back(store.path().string() + ": the export is not recorded in the project (" +
                                (!opened ? opened.error() : (*opened)->readOnlyReason()) + ")");
      return;
    }
    writable = opened.takeValue();
    target = writable.get();
  }
  project::ExportRecord rec;
  rec.format = exportFormatName(opt.format);
  rec.destination = fs::absolute(opt.out).lexically_normal().string();
  rec.manifestHash = report.manifestSha256;
  for (const auto &e : report.episodes)
    rec.items.push_back({e.gate.recordingId, e.gate.segmentId, e.gate.range.begin, e.gate.range.end});
  if (auto added = target->addExport(rec); !added)
    report.warnings.push_back(added.error());
}

Result<ExportReport> runExport(const ProjectSnapshot &project, const ExportOptions &opt,
                               const ProgressCallback &progress) {
  using R = Result<ExportReport>;
  const auto started = std::chrono::steady_clock::now();
  ExportReport report;
  report.out = opt.out;
  if (opt.width <= 0 || opt.height <= 0 || opt.width % 2 || opt.height % 2)
    return R::failure("--size must be positive even numbers, got " + std::to_string(opt.height) + "x" +
                      std::to_string(opt.width));

  std::map<GateId, OpenRecording> open;
  std::map<GateId, project::RecordingRecord> records;
  std::map<GateId, std::string> uuids;
  for (const auto &r : project.recordings) {
    records[r.id] = r;
    uuids[r.id] = r.uuid;
  }
  auto openRecording = [&](GateId id) -> Result<OpenRecording *> {
    auto it = open.find(id);
    if (it != open.end())
      return &it->second;
    auto opened = openExportRecording(project, id);
    if (!opened)
      return Result<OpenRecording *>::failure(opened.error());
    OpenRecording o = opened.takeValue();
    for (const auto &w : opened.warnings())
      report.warnings.push_back(w);
    if (auto sp = project.spatial.find(id); sp != project.spatial.end())
      o.spatial = sp->second;
    return &open.emplace(id, std::move(o)).first->second;
  };

  GateInput input = project.input;
  GateOptions gateOptions = opt.gate;
  gateOptions.exportedStreams = exportedStreams(opt.format);
  if (opt.gate.wholeRecordings)
    for (auto &r : input.recordings) {
      auto o = openRecording(r.id);
      if (!o)
        return R::failure(o.error());
      {
        const TimeRange v = (*o)->video->timeRange(); // the main video is the timeline's reference
        const Timestamp off = (*o)->context->streamOffset((*o)->context->video()->id);
        r.span = {v.begin + off, v.end + off};
      }
    }
  report.gate = evaluateGate(input, gateOptions);
  // Reasons and notes name times in recording time: the origin of every recording with a candidate (a
  // recording that cannot be opened keeps device ns here and fails the export below with its error).
  bool origins = false;
  for (auto &r : input.recordings)
    if (r.origin == kInvalidTime && std::any_of(report.gate.candidates.begin(), report.gate.candidates.end(),
                                                [&](const GateCandidate &c) { return c.recordingId == r.id; }))
      if (auto o = openRecording(r.id)) {
        r.origin =
            (*o)->context->timelineFrameTimes(*(*o)->context->video()).front(); // first video frame, as the window
        origins = true;
      }
  if (origins)
    report.gate = evaluateGate(input, gateOptions);
  report.explanation = explainNoEpisodes(input, gateOptions, report.gate);
  std::vector<GateEpisode> episodes = report.gate.episodes();

  // Missing or unusable streams, per episode: warnings, or errors for --require-streams.
  std::vector<std::string> requiredFailures;
  std::set<std::string> warned;
  for (const auto &e : episodes) {
    auto o = openRecording(e.recordingId);
    if (!o) {
      if (opt.dryRun) { // a dry run still lists the candidates of a recording it cannot open
        report.warnings.push_back(o.error());
        continue;
      }
      return R::failure(o.error());
    }
    auto issues = checkEpisodeStreams(*(*o)->context, e.range);
    if (issues.empty())
      continue;
    const std::string where = "recording " + records.at(e.recordingId).uuid + " " +
                              (e.segmentId ? "segment " + std::to_string(e.segmentId) : std::string("episode")) + " [" +
                              std::to_string(e.range.begin) + ", " + std::to_string(e.range.end) + ") ns";
    for (const auto &i : issues) {
      const bool required = i.unusable && std::find(opt.requireStreams.begin(), opt.requireStreams.end(), i.stream) !=
                                              opt.requireStreams.end();
      if (required)
        requiredFailures.push_back(where + ": " + i.stream + ": " + i.problem);
      // A stream absent from the recording is said once per recording, not once per episode.
      const bool perRecording = i.problem.rfind("no stream", 0) == 0;
      const std::string key = perRecording ? records.at(e.recordingId).uuid + i.stream : where + i.stream;
      if (!required && warned.insert(key).second)
        report.warnings.push_back((perRecording ? "recording " + records.at(e.recordingId).uuid : where) + ": " +
                                  i.stream + ": " + i.problem +
                                  (i.unusable ? "; the episode is exported without it (--require-streams " + i.stream +
                                                    " makes this an error)"
                                              : std::string()));
    }
    report.streamIssues.push_back({e.recordingId, e.segmentId, e.range, std::move(issues)});
  }
  if (!requiredFailures.empty()) {
    std::string msg;
    for (std::size_t i = 0; i < requiredFailures.size(); ++i)
      msg += (i ? "\n" : "") + requiredFailures[i];
    return R::failure(msg + "\n" + std::to_string(requiredFailures.size()) +
                      " required stream problem(s) (--require-streams); nothing was exported");
  }

  json &m = report.manifest;
  m = {{"tool", "tacit"},
       {"tool_version", TACIT_EXPORT_TOOL_VERSION},
       {"format", exportFormatName(opt.format)},
       {"created_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
       {"command", opt.command},
       {"project", project.projectPath.string()},
       {"options",
        {{"labels", opt.gate.labels},
         {"whole_recordings", opt.gate.wholeRecordings},
         {"max_severity", opt.gate.maxSeverity},
         {"purpose", opt.gate.purpose},
         {"redaction_policy", opt.gate.redactionPolicy == RedactionPolicy::Split ? "split" : "drop"},
         {"min_duration_ns", opt.gate.minDurationNs},
         {"size", {opt.height, opt.width}},
         {"fps", opt.fps},
         {"focal_px", opt.focalPx > 0 ? opt.focalPx : 266.5 * opt.width / 640.0},
         {"split_seed", opt.seed},
         {"codec", opt.codec},
         {"exported_streams", gateOptions.exportedStreams},
         {"data_files_size_in_mb", opt.dataFilesSizeMb},
         {"video_files_size_in_mb", opt.videoFilesSizeMb},
         {"chunks_size", opt.chunksSize}}},
       // The NaN-free rule (docs/export.md "Removals over some streams").
       {"stream_redactions",
        {{"rule", "a removal over any exported stream cuts the episode like a video removal (--redactions "
                  "split or drop); removals over streams this format does not export change nothing"},
         {"exported_streams", gateOptions.exportedStreams},
         {"non_finite_values", "none: no exported array holds NaN or inf"}}},
       {"candidates", candidatesJson(report.gate, uuids)},
       {"episodes", json::array()}};
  m["options"]["require_streams"] = opt.requireStreams;
  m["stream_issues"] = streamIssuesJson(report.streamIssues, uuids);

  if (opt.dryRun) {
    if (Status s = ExportStaging::check(opt.out, opt.force, exportProtectedFolders(project)); !s)
      return R::failure(s.error());
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return R(std::move(report));
  }
  if (episodes.empty()) {
    std::string why; // "<summary> <reason> (n candidates); <reason> (n candidates)"
    for (std::size_t i = 0; i < report.explanation.size(); ++i)
      why += (i == 0 ? ": " : i == 1 ? " " : "; ") + report.explanation[i];
    return R::failure(project.projectPath.string() + ": no episode passes the export gate" + why);
  }

  auto staging = ExportStaging::begin(opt.out, opt.force, exportProtectedFolders(project));
  if (!staging)
    return R::failure(staging.error());
  const fs::path dir = staging->dir();
  auto fail = [&](const std::string &message) {
    return R::failure(inDestination(message, dir, staging->destination()));
  };

  // Align every episode first: frame counts give an honest progress bar and errors surface early.
  struct Planned {
    GateEpisode gate;
    OpenRecording *rec;
    AlignedEpisode aligned;
    int fps;
  };
  std::vector<Planned> plan;
  std::int64_t totalFrames = 0;
  int fps = opt.fps;
  for (const auto &e : episodes) {
    auto o = openRecording(e.recordingId);
    if (!o)
      return fail(o.error());
    const int epFps = opt.fps > 0 ? opt.fps : nominalFps(*(*o)->context->video()->frameTimes);
    if (fps <= 0)
      fps = epFps; // LeRobot datasets have one fps: the first recording's unless --fps is given
    auto aligned = alignEpisode(*(*o)->context, e.range, opt.format == ExportFormat::RobomimicHdf5 ? epFps : fps);
    if (!aligned) { // this episode alone is left out; the others are still exported
      report.warnings.push_back("recording " + records.at(e.recordingId).uuid +
                                (e.segmentId ? " segment " + std::to_string(e.segmentId) : std::string()) +
                                ": episode skipped: " + aligned.error());
      continue;
    }
    aligned->data.task = e.task;
    aligned->data.recordingId = records.at(e.recordingId).uuid;
    for (const auto &w : aligned->warnings)
      report.warnings.push_back(w);
    totalFrames += static_cast<std::int64_t>(aligned->data.size());
    plan.push_back({e, *o, aligned.takeValue(), epFps});
  }

  if (plan.empty())
    return fail(project.projectPath.string() + ": no episode could be exported: " +
                (report.warnings.empty() ? std::string("no video frames") : report.warnings.back()));

  std::unique_ptr<DatasetSink> sink;
  if (opt.format == ExportFormat::RobomimicHdf5) {
    RobomimicOptions ro;
    ro.width = opt.width;
    ro.height = opt.height;
    ro.splitSeed = opt.seed;
    ro.imageDeflateLevel = opt.imageDeflateLevel;
    auto w = RobomimicWriter::create(dir / "data.hdf5", ro);
    if (!w)
      return fail(w.error());
    auto s = std::make_unique<RobomimicSink>();
    s->w = w.takeValue();
    sink = std::move(s);
  } else {
    LeRobotOptions lo;
    lo.version = opt.format == ExportFormat::LeRobotV21 ? LeRobotVersion::V21 : LeRobotVersion::V30;
    lo.width = opt.width;
    lo.height = opt.height;
    lo.fps = fps;
    lo.codec = opt.codec;
    lo.dataFilesSizeMb = opt.dataFilesSizeMb;
    lo.videoFilesSizeMb = opt.videoFilesSizeMb;
    lo.chunksSize = opt.chunksSize;
    auto w = LeRobotWriter::create(dir, lo);
    if (!w)
      return fail(w.error());
    auto s = std::make_unique<LeRobotSink>();
    s->w = w.takeValue();
    sink = std::move(s);
  }

  std::int64_t done = 0;
  for (std::size_t k = 0; k < plan.size(); ++k) {
    Planned &p = plan[k];
    media::VideoSource &video = *p.rec->video;
    if (!p.rec->undistorter)
      p.rec->undistorter = std::make_unique<FrameUndistorter>(cameraModel(*p.rec->context), video.width(),
                                                              video.height(), opt.width, opt.height, opt.focalPx);
    FrameUndistorter &und = *p.rec->undistorter;
    const auto &frames = p.aligned.sourceFrames;
    const auto &spatial = p.rec->spatial;
    FrameProvider provider = [&](std::size_t i, std::vector<std::uint8_t> &rgb) -> Status {
      auto f = video.frame(frames[i]);
      if (!f)
        return Status::failure(f.error());
      std::vector<BlurBox> blur;
      for (const auto &s : spatial)
        for (const auto &b : s.boxesAt(f->ptsNs))
          blur.push_back(BlurBox{double(b.x), double(b.y), double(b.w), double(b.h)});
      und.apply(f->data(), f->stride, blur, rgb);
      return okStatus();
    };
    const std::int64_t n = static_cast<std::int64_t>(p.aligned.data.size());
    ProgressCallback epProgress = [&](double fraction) {
      return !progress || progress((static_cast<double>(done) + fraction * static_cast<double>(n)) /
                                   static_cast<double>(std::max<std::int64_t>(1, totalFrames)));
    };
    if (Status s = sink->write(p.aligned.data, provider, epProgress); !s)
      return fail(s.error() == "cancelled" ? std::string("export cancelled: nothing was written") : s.error());
    done += n;

    ExportedEpisode ex;
    ex.gate = p.gate;
    ex.name = sink->episodeName(static_cast<int>(k));
    ex.recordingUuid = records.at(p.gate.recordingId).uuid;
    ex.contentHash = records.at(p.gate.recordingId).manifestHash;
    ex.frames = n;
    ex.exportedRange = p.aligned.data.range;
    ex.firstSourceFrame = frames.front();
    ex.lastSourceFrame = frames.back();
    m["episodes"].push_back({{"name", ex.name},
                             {"index", k},
                             {"recording_id", ex.recordingUuid},
                             {"project_recording_id", p.gate.recordingId},
                             {"recording_content_hash", ex.contentHash},
                             {"segment_id", p.gate.segmentId},
                             {"task", p.gate.task},
                             {"time_range_ns", rangeJson(p.gate.range)},
                             {"exported_range_ns", rangeJson(ex.exportedRange)},
                             {"frames", n},
                             {"fps", opt.format == ExportFormat::RobomimicHdf5 ? p.fps : fps},
                             {"source_frames", json::array({ex.firstSourceFrame, ex.lastSourceFrame})},
                             {"label_revision", p.gate.labelRevision},
                             {"consent_event_id", p.gate.consentEventId},
                             {"redaction_ids", p.gate.redactionIds}});
    const auto *issues = issuesOf(report.streamIssues, p.gate);
    m["episodes"].back()["stream_issues"] = issues ? issuesJson(*issues) : json::array();
    report.episodes.push_back(std::move(ex));
  }
  if (Status s = sink->finish(); !s)
    return fail(s.error());
  m["dataset"] = sink->info();
  m["warnings"] = report.warnings;
  const std::string manifestText = m.dump(2) + "\n";
  if (Status s = writeFileAtomically(dir / "tacit_export.json", manifestText); !s)
    return fail(s.error());
  report.manifestSha256 = QCryptographicHash::hash(QByteArray::fromStdString(manifestText), QCryptographicHash::Sha256)
                              .toHex()
                              .toStdString();
  if (Status s = staging->commit(); !s)
    return fail(s.error());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return R(std::move(report));
}

} // namespace tacit::exporting
