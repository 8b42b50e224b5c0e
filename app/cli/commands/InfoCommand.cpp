// tacit-cli info PATH [--json]: what a recording folder (or a plain video) holds, stream by stream (kind, sample count,
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
#include "core/recording/RecordingContext.h"
#include "core/recording/TimestampStats.h"

namespace {

using nlohmann::ordered_json;
using namespace tacit;

struct StreamReport {
  ordered_json info = ordered_json::object(); // kind-specific fields (width, codec, layout, ...)
  std::span<const Timestamp> times;           // sample times (a view into the opened recording)
  Timestamp timesOffset = 0;                  // added to `times` for the report (the manifest offset)
  TimeRange range;                            // the source's own [begin, end)
  std::vector<std::string> warnings;
  std::string error; // non-empty: the stream could not be read
};

StreamReport inspectMedia(const RecordingContext &ctx, const StreamDescriptor &s) {
  StreamReport r;
  const MediaStream *m = ctx.mediaStream(s.id);
  if (!m) {
    auto it = ctx.mediaErrors().find(s.id);
    r.error = it != ctx.mediaErrors().end() ? it->second : s.path.generic_string() + ": not opened";
    return r;
  }
  r.times = *m->frameTimes; // the manifest offset is in already
  r.range = m->range;
  r.info["width"] = m->width;
  r.info["height"] = m->height;
  r.info["codec"] = m->codec;
  if (m->fileRotationDeg != 0)
    r.info["file_rotation_deg"] = m->fileRotationDeg;
  r.warnings = m->warnings;
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
void takeSeries(StreamReport &r, const Loaded &loaded, const RecordingSeries::Stream &st, Timestamp offset) {
  const auto &series = loaded.series();
  r.times = series.times();
  r.timesOffset = offset;
  r.range = series.timeRange();
  if (!r.range.empty())
    r.range = {r.range.begin + offset, r.range.end + offset};
  r.warnings = st.warnings;
  if (st.stats.reordered)
    r.warnings.push_back("timestamps are not in increasing order in the file (sorted on load)");
  if (st.stats.skippedRows > 0)
    r.info["skipped_rows"] = st.stats.skippedRows;
  r.info["channels"] = series.channelCount();
}

// Series times are in the file's clock: info reports them with the manifest offset, as ever.
StreamReport inspectSeries(const RecordingContext &ctx, const StreamDescriptor &s) {
  StreamReport r;
  const RecordingSeries::Stream *st = nullptr;
  for (const auto &x : ctx.series().streams)
    if (x.id == s.id)
      st = &x;
  if (!st) {
    r.error = s.path.generic_string() + ": not read";
    return r;
  }
  if (!st->error.empty()) {
    r.error = st->error;
    return r;
  }
  if (st->imu)
    takeSeries(r, *st->imu, *st, s.timeOffsetNs);
  if (st->hands) {
    takeSeries(r, *st->hands, *st, s.timeOffsetNs);
    r.info["layout"] = series::handLayoutName(st->hands->layout());
  }
  if (st->trajectory)
    takeSeries(r, *st->trajectory, *st, s.timeOffsetNs);
  if (st->gaze) {
    takeSeries(r, *st->gaze, *st, s.timeOffsetNs);
    r.info["layout"] = series::gazeLayoutName(st->gaze->layout());
  }
  return r;
}

StreamReport inspect(const RecordingContext &ctx, const StreamDescriptor &s) {
  switch (s.kind) {
  case StreamKind::Video:
  case StreamKind::Depth: return inspectMedia(ctx, s);
  case StreamKind::Audio: return inspectAudio(ctx.manifest().absolutePath(s), s);
  default: return inspectSeries(ctx, s);
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
    const TimestampStats stats = analyzeTimestamps(r.times, r.timesOffset);
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
  if (j.contains("file")) {
    line("file " + j["file"].get<std::string>() + " (a plain media file, not a recording folder)");
  } else {
    line("recording " + j["folder"].get<std::string>());
    line("  id " + j["id"].get<std::string>());
  }
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

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("Describe a recording folder or a plain video: streams, sample counts, rates, time "
                              "ranges, resolution/codec, and timestamp problems (gaps, duplicates, non-monotonic).");
  p.addPositionalArgument("PATH", "Recording folder (or its recording.json), or a video / depth file.");
  p.addOption({"json", "Print JSON on stdout."});
  if (int rc = tacit::cli::parseArguments(p, args, "info"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return tacit::cli::usageError("info", "expected one PATH");

  RecordingContext::Options options;
  options.allowEmpty = true; // every stream is reported, readable or not
  options.handSpeed = false; // not reported
  auto opened = RecordingContext::open(pos.front().toStdString(), options);
  if (!opened)
    return tacit::cli::dataError(opened.error());
  const RecordingContext &ctx = **opened;
  const RecordingManifest &m = ctx.manifest();

  ordered_json j;
  if (ctx.isPlainFile()) {
    j["folder"] = m.folder.generic_string();
    j["file"] = ctx.sourcePath().generic_string();
  } else {
    j["folder"] = m.folder.generic_string();
    j["format_version"] = m.version;
    j["id"] = m.id;
  }
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
    StreamReport r = inspect(ctx, s);
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
  j["warnings"] = ctx.manifestWarnings();

  if (p.isSet("json"))
    tacit::cli::printLine(j.dump(2));
  else
    printText(j);
  if (!firstError.empty())
    return tacit::cli::dataError(firstError);
  return tacit::cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({"info", "Describe a recording or video: streams, rates, time ranges, problems",
                                         &run});
