// tacit-cli info PATH [--json]: what a recording folder holds, stream by stream (kind, sample count,
// rate, time range, duration, resolution/codec for media) and what looks wrong (gaps, duplicate or
// backward timestamps, missing files, unreadable streams). Exit 1 when the manifest or any stream
// cannot be read; everything readable is still reported.
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include "app/cli/CommandRegistry.h"
#include "core/media/FfmpegUtil.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"
#include "core/recording/TimestampStats.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"

namespace {

using nlohmann::ordered_json;
using namespace tacit;

struct StreamReport {
  ordered_json info = ordered_json::object(); // kind-specific fields (width, codec, layout, ...)
  std::vector<Timestamp> times;               // sample times including the stream offset
  TimeRange range;                            // the source's own [begin, end)
  std::vector<std::string> warnings;
  std::string error; // non-empty: the stream could not be read
};

void addOffset(std::vector<Timestamp> &times, Timestamp offset) {
  for (auto &t : times)
    t += offset;
}

StreamReport inspectVideo(const std::filesystem::path &file, const StreamDescriptor &s) {
  StreamReport r;
  media::VideoSource::Options options;
  options.timeOffsetNs = s.timeOffsetNs;
  auto source = media::VideoSource::open(file, options);
  if (!source) {
    r.error = source.error();
    return r;
  }
  const auto &v = **source;
  r.times.reserve(static_cast<std::size_t>(v.frameCount()));
  for (std::int64_t i = 0; i < v.frameCount(); ++i)
    r.times.push_back(v.ptsNs(i));
  r.range = v.timeRange();
  r.info["width"] = v.width();
  r.info["height"] = v.height();
  r.info["codec"] = v.codecName();
  if (v.rotationDeg() != 0)
    r.info["file_rotation_deg"] = v.rotationDeg();
  r.warnings = source.warnings();
  r.warnings.insert(r.warnings.end(), v.warnings().begin(), v.warnings().end());
  return r;
}

// Audio has no frame index of its own: stream parameters and duration from libavformat.
StreamReport inspectAudio(const std::filesystem::path &file, const StreamDescriptor &s) {
  StreamReport r;
  media::initFfmpegLogging();
  AVFormatContext *raw = nullptr;
  const std::string name = file.generic_string();
  if (int rc = avformat_open_input(&raw, name.c_str(), nullptr, nullptr); rc < 0) {
    r.error = name + ": " + media::avErrorText(rc);
    return r;
  }
  media::FormatContextPtr fmt(raw);
  if (int rc = avformat_find_stream_info(fmt.get(), nullptr); rc < 0) {
    r.error = name + ": " + media::avErrorText(rc);
    return r;
  }
  const int index = av_find_best_stream(fmt.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (index < 0) {
    r.error = name + ": no audio stream";
    return r;
  }
  const AVStream *st = fmt->streams[index];
  const AVCodecParameters *par = st->codecpar;
  r.info["sample_rate"] = par->sample_rate;
  r.info["channels"] = par->ch_layout.nb_channels;
  r.info["codec"] = avcodec_get_name(par->codec_id);
  const Timestamp start =
      st->start_time == AV_NOPTS_VALUE ? 0 : av_rescale_q(st->start_time, st->time_base, {1, 1000000000});
  Timestamp duration = 0;
  if (st->duration != AV_NOPTS_VALUE)
    duration = av_rescale_q(st->duration, st->time_base, {1, 1000000000});
  else if (fmt->duration != AV_NOPTS_VALUE)
    duration = av_rescale_q(fmt->duration, {1, AV_TIME_BASE}, {1, 1000000000});
  r.range = {start + s.timeOffsetNs, start + s.timeOffsetNs + duration};
  r.info["samples"] = par->sample_rate > 0 ? av_rescale(duration, par->sample_rate, 1000000000) : 0;
  return r;
}

template <typename Loaded>
void takeSeries(StreamReport &r, Result<Loaded> &loaded, const series::CsvLoadStats &stats, Timestamp offset) {
  const auto &series = loaded->series();
  r.times = series.times();
  addOffset(r.times, offset);
  r.range = series.timeRange();
  if (!r.range.empty())
    r.range = {r.range.begin + offset, r.range.end + offset};
  r.warnings = loaded.warnings();
  if (stats.reordered)
    r.warnings.push_back("timestamps are not in increasing order in the file (sorted on load)");
  if (stats.skippedRows > 0)
    r.info["skipped_rows"] = stats.skippedRows;
  r.info["channels"] = series.channelCount();
}

StreamReport inspectSeries(const std::filesystem::path &file, const StreamDescriptor &s) {
  StreamReport r;
  series::CsvLoadStats stats;
  const std::string path = file.string();
  auto fail = [&](const std::string &error) {
    r.error = error;
    return r;
  };
  switch (s.kind) {
  case StreamKind::Imu: {
    auto loaded = series::ImuSeries::load(path, &stats);
    if (!loaded)
      return fail(loaded.error());
    takeSeries(r, loaded, stats, s.timeOffsetNs);
    break;
  }
  case StreamKind::HandPose: {
    auto loaded = series::HandSeries::load(path, &stats);
    if (!loaded)
      return fail(loaded.error());
    takeSeries(r, loaded, stats, s.timeOffsetNs);
    r.info["layout"] = series::handLayoutName(loaded->layout());
    break;
  }
  case StreamKind::Trajectory: {
    auto loaded = series::TrajectorySeries::load(path, &stats);
    if (!loaded)
      return fail(loaded.error());
    takeSeries(r, loaded, stats, s.timeOffsetNs);
    break;
  }
  case StreamKind::Gaze: {
    auto loaded = series::GazeSeries::load(path, &stats);
    if (!loaded)
      return fail(loaded.error());
    takeSeries(r, loaded, stats, s.timeOffsetNs);
    r.info["layout"] = series::gazeLayoutName(loaded->layout());
    break;
  }
  default: break;
  }
  return r;
}

StreamReport inspect(const RecordingManifest &m, const StreamDescriptor &s) {
  const auto file = m.absolutePath(s);
  switch (s.kind) {
  case StreamKind::Video:
  case StreamKind::Depth: return inspectVideo(file, s);
  case StreamKind::Audio: return inspectAudio(file, s);
  default: return inspectSeries(file, s);
  }
}

ordered_json describeStream(const StreamDescriptor &s, StreamReport &r) {
  ordered_json j;
  j["id"] = s.id;
  j["kind"] = streamKindName(s.kind);
  j["path"] = s.path.generic_string();
  j["time_offset_ns"] = s.timeOffsetNs;
  if (!r.error.empty()) {
    j["error"] = r.error;
    return j;
  }
  if (s.kind == StreamKind::Audio) {
    j["samples"] = r.info["samples"];
    j["rate_hz"] = r.info["sample_rate"];
  } else {
    const TimestampStats stats = analyzeTimestamps(r.times);
    j["samples"] = stats.count;
    j["rate_hz"] = stats.meanRateHz;
    j["first_sample_ns"] = stats.count ? ordered_json(stats.first) : ordered_json();
    j["last_sample_ns"] = stats.count ? ordered_json(stats.last) : ordered_json();
    j["median_interval_ns"] = stats.medianInterval;
    j["gaps"] = stats.gapCount;
    j["duplicate_timestamps"] = stats.duplicateCount;
    for (auto &w : timestampWarnings(stats))
      r.warnings.push_back(std::move(w));
    if (stats.count == 0)
      r.warnings.push_back("no samples");
  }
  j["time_range_ns"] = {r.range.begin, r.range.end};
  j["duration_s"] = toSeconds(r.range.duration());
  if (!s.camera.empty())
    j["camera"] = s.camera;
  if (s.rotationDeg != 0)
    j["rotation_deg"] = s.rotationDeg;
  for (auto &[key, value] : r.info.items())
    if (key != "samples" && key != "sample_rate")
      j[key] = value;
  j["warnings"] = r.warnings;
  return j;
}

std::string seconds(Timestamp t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f s", toSeconds(t));
  return buf;
}

void printText(const ordered_json &j) {
  std::string out;
  auto line = [&](const std::string &s) { out += s + "\n"; };
  line("recording " + j["folder"].get<std::string>());
  line("  id " + j["id"].get<std::string>());
  for (const char *key : {"task", "site", "started_at", "device"})
    if (j.contains(key))
      line(std::string("  ") + key + " " + j[key].get<std::string>());
  if (j.contains("worker"))
    line("  worker " + j["worker"]["name"].get<std::string>() + " (" + j["worker"]["id"].get<std::string>() + ")");
  if (j.contains("time_range_ns"))
    line("  time " + seconds(j["time_range_ns"][0].get<Timestamp>()) + " .. " +
         seconds(j["time_range_ns"][1].get<Timestamp>()) + ", duration " +
         seconds(fromSeconds(j["duration_s"].get<double>())));
  for (const auto &s : j["streams"]) {
    std::string head = "  stream " + s["id"].get<std::string>() + " [" + s["kind"].get<std::string>() + "] " +
                       s["path"].get<std::string>();
    line(head);
    if (s.contains("error")) {
      line("    ERROR " + s["error"].get<std::string>());
      continue;
    }
    char buf[256];
    std::snprintf(buf, sizeof buf, "    %lld samples, %.3f Hz, %s .. %s (%.3f s)",
                  static_cast<long long>(s["samples"].get<std::int64_t>()), s["rate_hz"].get<double>(),
                  seconds(s["time_range_ns"][0].get<Timestamp>()).c_str(),
                  seconds(s["time_range_ns"][1].get<Timestamp>()).c_str(), s["duration_s"].get<double>());
    line(buf);
    if (s.contains("width"))
      line("    " + std::to_string(s["width"].get<int>()) + "x" + std::to_string(s["height"].get<int>()) + " " +
           s["codec"].get<std::string>());
    else if (s.contains("codec"))
      line("    " + s["codec"].get<std::string>() + ", " + std::to_string(s["channels"].get<int>()) + " channel(s)");
    if (s.contains("layout"))
      line("    layout " + s["layout"].get<std::string>());
    for (const auto &w : s["warnings"])
      line("    warning: " + w.get<std::string>());
  }
  if (j.contains("calibration"))
    for (const auto &[name, cam] : j["calibration"]["cameras"].items())
      line("  camera " + name + ": " + cam["model"].get<std::string>() + " " + std::to_string(cam["width"].get<int>()) +
           "x" + std::to_string(cam["height"].get<int>()));
  for (const auto &w : j["warnings"])
    line("  warning: " + w.get<std::string>());
  out.pop_back();
  tacit::cli::printLine(out);
}

// A recording folder, or a plain video file described as a recording with one video stream (as the
// review window opens it).
Result<RecordingManifest> readRecordingOrVideo(const std::filesystem::path &path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || path.filename() == kRecordingFileName)
    return RecordingReader::read(path);
  RecordingManifest m;
  m.folder = std::filesystem::absolute(path, ec).parent_path();
  StreamDescriptor s;
  s.id = "video";
  s.kind = StreamKind::Video;
  s.path = path.filename();
  m.streams.push_back(s);
  return m;
}

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("Describe a recording folder or a video file: streams, sample counts, rates, time "
                              "ranges, resolution/codec, and timestamp problems (gaps, duplicates, non-monotonic).");
  p.addPositionalArgument("PATH", "Recording folder (or its recording.json), or a video file.");
  p.addOption({"json", "Print JSON on stdout."});
  if (int rc = tacit::cli::parseArguments(p, args, "info"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return tacit::cli::usageError("info", "expected one PATH");

  auto manifest = readRecordingOrVideo(pos.front().toStdString());
  if (!manifest)
    return tacit::cli::dataError(manifest.error());
  const RecordingManifest &m = *manifest;

  ordered_json j;
  j["folder"] = m.folder.generic_string();
  j["format_version"] = m.version;
  j["id"] = m.id;
  if (!m.workerId.empty() || !m.workerName.empty())
    j["worker"] = {{"id", m.workerId}, {"name", m.workerName}};
  const std::pair<const char *, const std::string *> optional[] = {
      {"task", &m.task}, {"site", &m.site}, {"started_at", &m.startedAt}, {"device", &m.device}};
  for (const auto &[key, value] : optional)
    if (!value->empty())
      j[key] = *value;

  ordered_json streams = ordered_json::array();
  TimeRange all;
  std::string firstError;
  for (const auto &s : m.streams) {
    StreamReport r = inspect(m, s);
    if (!r.error.empty() && firstError.empty())
      firstError = r.error;
    if (r.error.empty())
      all = all.united(r.range);
    streams.push_back(describeStream(s, r));
  }
  if (!all.empty()) {
    j["time_range_ns"] = {all.begin, all.end};
    j["duration_s"] = toSeconds(all.duration());
  }
  j["streams"] = std::move(streams);
  if (!m.calibration.cameras.empty()) {
    ordered_json cameras = ordered_json::object();
    for (const auto &[name, cam] : m.calibration.cameras)
      cameras[name] = {{"model", geometry::cameraModelName(cam.model->kind())},
                       {"width", cam.model->width()},
                       {"height", cam.model->height()}};
    j["calibration"] = {{"path", m.calibrationPath.generic_string()}, {"cameras", cameras}};
  }
  j["warnings"] = manifest.warnings();

  if (p.isSet("json"))
    tacit::cli::printLine(j.dump(2));
  else
    printText(j);
  if (!firstError.empty())
    return tacit::cli::dataError(firstError);
  return tacit::cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({"info", "Describe a recording folder: streams, rates, time ranges, problems",
                                         &run});
