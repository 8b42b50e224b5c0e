#include "core/sample/SampleGenerator.h"

extern "C" {
#include <libavutil/log.h>
}

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <optional>
#include <thread>

#include "core/media/VideoEncoder.h"
#include "core/recording/RecordingWriter.h"
#include "core/sample/DepthRenderer.h"
#include "core/sample/FrameCode.h"
#include "core/sample/RgbRenderer.h"
#include "core/sample/SampleCalibration.h"
#include "core/sample/SampleStreams.h"
#include "core/sample/SceneScript.h"
#include "core/sample/TruthDegradation.h"
#include "core/util/AtomicFile.h"
#include "core/util/Logging.h"
#include "core/util/StagingFolder.h"

namespace tacit::sample {

namespace fs = std::filesystem;
using media::EncoderInput;
using media::pickEncoder;
using media::VideoEncoder;
using media::VideoEncoderSettings;
using nlohmann::ordered_json;

namespace {

constexpr int kDepthFps = 15;
constexpr Timestamp kDepthOffsetNs = 5 * kNsPerMs; // depth frames are not aligned with RGB frames
constexpr int kGazeHz = 30;
constexpr Timestamp kGazeOffsetNs = 3 * kNsPerMs;

struct FaceBox {
  int frame;
  Timestamp t;
  cv::Rect2d box;
};

std::vector<std::pair<std::string, std::string>> encoderOptions(const std::string &encoder, const SampleOptions &o) {
  if (encoder == "libx264")
    return {{"preset", "superfast"}, {"crf", "23"}, {"x264-params", "scenecut=0"}};
  if (encoder == "libx265")
    return {{"preset", "ultrafast"},
            {"crf", "26"},
            {"x265-params", "scenecut=0:log-level=error:pools=2:frame-threads=1:min-keyint=" + std::to_string(o.gop)}};
  if (encoder == "libsvtav1")
    return {{"preset", "12"}, {"crf", "35"}};
  if (encoder == "libaom-av1")
    return {{"cpu-used", "8"}, {"usage", "realtime"}, {"crf", "35"}};
  return {};
}

// Renames `from` to `to`, replacing it.
Status moveInto(const fs::path &from, const fs::path &to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec)
    return Status::failure(to.generic_string() + ": cannot move into place: " + ec.message());
  return okStatus();
}

// Renders frames on two worker threads (frame i on worker i % 2) into a small ring of slots while
// this thread converts and encodes them in order: rendering is the longest part of the job.
Status writeVideo(const SampleOptions &o, const SceneScript &script, const SampleCalibration &cal,
                  const VideoPlan &plan, const fs::path &folder, const std::string &encoder,
                  std::vector<FaceBox> &faces, const SampleProgress &progress, std::atomic<bool> &cancel) {
  const std::vector<Timestamp> &frameTimes = plan.times;
  const RgbRenderer renderer(cal.rgb, cal.T_device_rgb);
  VideoEncoderSettings s;
  s.path = folder / "rgb.partial.mp4";
  s.encoder = encoder;
  s.width = o.width;
  s.height = o.height;
  s.timeBaseDen = plan.timeBaseDen;
  s.frameRate = o.fps;
  s.gop = o.gop;
  s.bframes = o.bframes;
  s.threads = 2; // fixed, so the bitstream does not depend on the machine
  s.options = encoderOptions(encoder, o);
  VideoEncoder enc;
  if (Status st = enc.open(s); !st)
    return st;

  constexpr int kWorkers = 2, kSlots = 4;
  struct Slot {
    cv::Mat frame;
    std::optional<cv::Rect2d> face;
    bool ready = false;
  };
  std::array<Slot, kSlots> slots;
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t consumed = 0; // frames handed to the encoder
  const std::size_t n = frameTimes.size();
  auto work = [&](std::size_t first) {
    cv::Mat frame;
    for (std::size_t i = first; i < n; i += kWorkers) {
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return cancel || i < consumed + kSlots; });
        if (cancel)
          return;
      }
      const SceneState state = script.stateAt(script.secondsOf(frameTimes[i]));
      renderer.render(state, static_cast<std::uint32_t>(i), frame);
      const auto face = renderer.faceBox(state);
      std::lock_guard lock(mutex);
      Slot &slot = slots[i % kSlots];
      std::swap(slot.frame, frame);
      slot.face = face;
      slot.ready = true;
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w)
    workers.emplace_back(work, static_cast<std::size_t>(w));
  auto stopWorkers = [&] {
    {
      std::lock_guard lock(mutex);
      if (consumed < n)
        cancel = true;
      changed.notify_all();
    }
    for (auto &t : workers)
      t.join();
    workers.clear();
  };

  Status status = okStatus();
  cv::Mat frame;
  for (std::size_t i = 0; i < n && status; ++i) {
    std::optional<cv::Rect2d> face;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return cancel || slots[i % kSlots].ready; });
      if (cancel) {
        status = Status::failure(folder.generic_string() + ": cancelled");
        break;
      }
      Slot &slot = slots[i % kSlots];
      std::swap(slot.frame, frame);
      face = slot.face;
      slot.ready = false;
      consumed = i + 1;
      changed.notify_all();
    }
    if (face)
      faces.push_back({static_cast<int>(i), frameTimes[i], *face});
    status = enc.write(frame.data, static_cast<int>(frame.step), plan.pts[i]);
    if (status && progress && !progress(0.95 * (i + 1) / n))
      status = Status::failure(folder.generic_string() + ": cancelled");
  }
  stopWorkers();
  if (!status) {
    cancel = true;
    return status;
  }
  if (Status st = enc.finish(); !st)
    return st;
  return moveInto(s.path, folder / "rgb.mp4");
}

Status writeDepth(const SceneScript &script, const SampleCalibration &cal, const fs::path &folder, int &frameCount,
                  std::atomic<bool> &cancel) {
  DepthRenderer renderer(cal.depth, cal.T_device_depth);
  VideoEncoderSettings s;
  s.path = folder / "depth.partial.mkv";
  s.encoder = "ffv1";
  s.input = EncoderInput::Gray16;
  s.width = cal.depth->width();
  s.height = cal.depth->height();
  s.timeBaseDen = 1000; // Matroska stores milliseconds
  s.frameRate = kDepthFps;
  s.gop = 1;
  s.threads = 1;
  VideoEncoder enc;
  if (Status st = enc.open(s); !st)
    return st;
  cv::Mat depth;
  frameCount = 0;
  for (std::int64_t j = 0;; ++j) {
    const std::int64_t ptsMs = (j * 1000 + kDepthFps / 2) / kDepthFps;
    const Timestamp t = script.startNs() + kDepthOffsetNs + ptsMs * kNsPerMs;
    if (t >= script.endNs())
      break;
    if (cancel)
      return Status::failure(folder.generic_string() + ": cancelled");
    renderer.render(script.stateAt(script.secondsOf(t)), depth);
    if (Status st = enc.write(depth.data, static_cast<int>(depth.step), ptsMs); !st)
      return st;
    ++frameCount;
  }
  if (Status st = enc.finish(); !st)
    return st;
  return moveInto(s.path, folder / "depth.mkv");
}

ordered_json rangeJson(const TimeRange &r) {
  return {{"start_ns", r.begin}, {"end_ns", r.end}};
}

std::string truthJson(const SampleOptions &o, const SceneScript &script, const SampleCalibration &cal,
                      const std::vector<Timestamp> &frameTimes, int depthFrames, const std::string &encoder,
                      const std::vector<FaceBox> &faces, const DegradationTruth &degradation) {
  ordered_json j;
  j["generator"] = "tacit-cli sample";
  j["generator_version"] = kSampleGeneratorVersion;
  j["options"] = {
      {"duration_s", o.durationSec}, {"fps", o.fps},     {"width", o.width}, {"height", o.height},  {"seed", o.seed},
      {"imu_hz", o.imuHz},           {"codec", o.codec}, {"gop", o.gop},     {"bframes", o.bframes}};
  j["start_ns"] = script.startNs();
  j["end_ns"] = script.endNs();
  j["video"] = {{"stream", "rgb"},
                {"encoder", encoder},
                {"frames", frameTimes.size()},
                {"first_frame_ns", frameTimes.empty() ? 0 : frameTimes.front()},
                {"frame_time_rule", "start_ns + round(i * 1e9 / fps)"}};
  j["depth"] = {{"stream", "depth"},
                {"frames", depthFrames},
                {"fps", kDepthFps},
                {"first_frame_ns", script.startNs() + kDepthOffsetNs},
                {"units", "millimetres, z along the optical axis, 0 = no return"}};
  const FrameCodeLayout layout = frameCodeLayout(o.width);
  j["frame_code"] = {{"bits", kFrameCodeBits}, {"cell_px", layout.cell}, {"x0", layout.x0},
                     {"y0", layout.y0},        {"order", "msb_first"},   {"guard_cells", 1}};
  ordered_json tasks = ordered_json::array();
  for (const TaskSpan &t : script.tasks())
    tasks.push_back({{"label", t.label},
                     {"hand", t.hand},
                     {"object", t.object},
                     {"start_ns", t.range.begin},
                     {"end_ns", t.range.end}});
  j["tasks"] = std::move(tasks);
  const DefectSpans &d = script.defects();
  ordered_json defects;
  defects["tracking_dropout"] = rangeJson(d.trackingDropout);
  defects["tracking_dropout"]["hand"] = "left";
  defects["motion_blur"] = rangeJson(d.motionBlur);
  ordered_json face = rangeJson(d.bystanderFace);
  ordered_json boxes = ordered_json::array();
  auto r1 = [](double v) { return std::round(v * 10.0) / 10.0; };
  for (const FaceBox &f : faces)
    boxes.push_back({{"frame", f.frame},
                     {"t_ns", f.t},
                     {"x", r1(f.box.x)},
                     {"y", r1(f.box.y)},
                     {"w", r1(f.box.width)},
                     {"h", r1(f.box.height)}});
  face["box_units"] = "rgb pixels; x,y = top-left edge (pixel centres are integers)";
  face["boxes"] = std::move(boxes);
  defects["bystander_face"] = std::move(face);
  j["defects"] = std::move(defects);
  if (o.degradation.any())
    j["degradation"] = degradationJson(o, script, degradation);
  const Rigid cpf = toRigid(cal.T_device_cpf);
  j["T_device_cpf"] = {{"translation", {cpf.translation.x(), cpf.translation.y(), cpf.translation.z()}},
                       {"quaternion_xyzw", {cpf.rotation.x(), cpf.rotation.y(), cpf.rotation.z(), cpf.rotation.w()}}};
  return j.dump(2) + "\n";
}

} // namespace

OutputFolderRules sampleOutputRules() {
  OutputFolderRules rules;
  rules.kind = "sample";
  rules.marker = "truth.json";
  rules.force = true; // re-running the generator on its own folder refreshes it
  rules.isReplaceable = [](const fs::path &dir) {
    return hasMarkerFile(dir, "truth.json", "\"generator\": \"tacit-cli sample\"");
  };
  return rules;
}

Result<SampleReport> generateSample(const SampleOptions &o, const fs::path &outFolder, const SampleProgress &progress) {
  using R = Result<SampleReport>;
  if (std::string problem = sampleOptionsProblem(o); !problem.empty())
    return R::failure(problem);
  const std::string encoder = pickEncoder(o.codec);
  if (encoder.empty())
    return R::failure("rgb.mp4: this FFmpeg build has no " + o.codec + " encoder");
  auto calResult = SampleCalibration::make(o);
  if (!calResult)
    return R::failure(calResult.error());
  const SampleCalibration cal = calResult.takeValue();

  // Written into a hidden sibling and renamed into place when complete: a full disk or a crash
  // leaves nothing, and only an earlier sample (its truth.json) is ever replaced.
  auto staging = StagingFolder::create(outFolder, sampleOutputRules());
  if (!staging)
    return R::failure(staging.error());
  const fs::path folder = staging->path();
  auto fail = [&](const std::string &message) { return R::failure(staging->inDestination(message)); };

  auto log = logging::get("tacit.sample");
  if (av_log_get_level() >= AV_LOG_INFO)
    av_log_set_level(AV_LOG_WARNING); // x264 prints its statistics at info level
  ::setenv("SVT_LOG", "2", 0);        // SVT-AV1 prints its configuration unless told otherwise
  const SceneScript script(o);
  const std::vector<Timestamp> nominalFrameTimes = videoFrameTimes(script, o.fps);
  const VideoPlan videoPlan = planVideo(nominalFrameTimes, o.fps, o.degradation, o.seed);
  const std::vector<Timestamp> &frameTimes = videoPlan.times;
  const std::size_t imuRows = fixedRateTimes(script, o.imuHz, 0).size();
  const RowTiming imuTiming = planImuTiming(imuRows, o.imuHz, o.degradation, o.seed);
  const RowTiming trajectoryTiming = planTrajectoryTiming(o.degradation);
  const std::string recordingId = uuidFromSeed(o.seed, 1);

  // Depth and the text streams on a second thread; the video (the long part) here.
  std::atomic<bool> cancel{false};
  Status sideStatus = okStatus();
  int depthFrames = 0;
  std::thread side([&] {
    auto run = [&]() -> Status {
      if (Status st = writeDepth(script, cal, folder, depthFrames, cancel); !st)
        return st;
      const std::pair<const char *, std::string> files[] = {
          {"imu.csv", imuCsv(script, cal, o.imuHz, o.seed, imuTiming)},
          {"trajectory.csv", trajectoryCsv(script, o.imuHz, uuidFromSeed(o.seed, 2), trajectoryTiming)},
          {"hands.csv", handsCsv(script, nominalFrameTimes, o.seed, o.degradation.jitterMm)},
          {"gaze.csv",
           gazeCsv(script, cal, fixedRateTimes(script, kGazeHz, kGazeOffsetNs), uuidFromSeed(o.seed, 3), o.seed)},
      };
      for (const auto &[name, text] : files)
        if (Status st = writeFileAtomically(folder / name, text); !st)
          return st;
      return okStatus();
    };
    sideStatus = run();
    if (!sideStatus)
      cancel = true;
  });
  std::vector<FaceBox> faces;
  Status videoStatus = writeVideo(o, script, cal, videoPlan, folder, encoder, faces, progress, cancel);
  if (!videoStatus)
    cancel = true;
  side.join();
  // The thread that failed first cancelled the other: report its error, not the other's "cancelled".
  auto cancelled = [](const Status &s) { return s.error().size() >= 9 && s.error().ends_with(": cancelled"); };
  if (!videoStatus && !(cancelled(videoStatus) && !sideStatus))
    return fail(videoStatus.error());
  if (!sideStatus)
    return fail(sideStatus.error());

  if (Status st =
          writeFileAtomically(folder / "truth.json",
                              truthJson(o, script, cal, frameTimes, depthFrames, encoder, faces,
                                        DegradationTruth{videoPlan, imuTiming, trajectoryTiming, nominalFrameTimes}));
      !st)
    return fail(st.error());

  RecordingManifest m;
  m.id = recordingId;
  m.workerId = "worker-" + recordingId.substr(0, 8);
  m.workerName = "Sample Worker";
  m.task = "Tidy the table: cube to the mat, mug into the drawer (synthetic)";
  m.site = "Synthetic lab";
  m.startedAt = "2026-01-15T09:00:00Z";
  m.device = "Synthetic Aria-like glasses (tacit-cli sample)";
  m.streams = {
      {"rgb", StreamKind::Video, "rgb.mp4", script.startNs(), "rgb", 0},
      {"depth", StreamKind::Depth, "depth.mkv", script.startNs() + kDepthOffsetNs, "depth", 0},
      {"imu", StreamKind::Imu, "imu.csv", 0, "", 0},
      {"hands", StreamKind::HandPose, "hands.csv", 0, "", 0},
      {"trajectory", StreamKind::Trajectory, "trajectory.csv", 0, "", 0},
      {"gaze", StreamKind::Gaze, "gaze.csv", 0, "", 0},
  };
  m.calibrationPath = "calibration.json";
  m.calibration = cal.toCalibration();
  if (Status st = RecordingWriter::write(m, folder); !st)
    return fail(st.error());
  if (Status st = staging->commit(); !st)
    return fail(st.error());
  if (progress)
    progress(1.0);
  log->info("sample written to {} ({} frames, {})", outFolder.generic_string(), frameTimes.size(), encoder);
  SampleReport report;
  report.folder = outFolder;
  report.videoFrames = static_cast<int>(frameTimes.size());
  report.depthFrames = depthFrames;
  report.videoEncoder = encoder;
  return report;
}

} // namespace tacit::sample
