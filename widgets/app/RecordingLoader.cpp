#include "widgets/app/RecordingLoader.h"

#include <cmath>
#include <filesystem>

#include "core/recording/RecordingReader.h"
#include "core/util/Logging.h"

namespace tacit {

namespace fs = std::filesystem;

const LoadedMedia *LoadedRecording::video() const {
  for (const auto &m : media)
    if (!m.depth)
      return &m;
  return nullptr;
}

const LoadedMedia *LoadedRecording::depth() const {
  for (const auto &m : media)
    if (m.depth)
      return &m;
  return nullptr;
}

namespace {

Result<LoadedMedia> openMedia(const fs::path &file, const StreamDescriptor &s, bool depth) {
  media::VideoSource::Options opt;
  opt.output = depth ? media::PixelFormat::Gray16 : media::PixelFormat::Rgb24;
  opt.timeOffsetNs = s.timeOffsetNs;
  auto src = media::VideoSource::open(file, opt);
  if (!src)
    return Result<LoadedMedia>::failure(src.error());
  LoadedMedia m;
  m.streamId = s.id;
  m.depth = depth;
  m.camera = s.camera.empty() ? (depth ? "depth" : "rgb") : s.camera;
  m.rotationDeg = s.rotationDeg;
  m.source = src.takeValue();
  m.size = QSize(m.source->width(), m.source->height());
  m.times.reserve(static_cast<std::size_t>(m.source->frameCount()));
  for (std::int64_t i = 0; i < m.source->frameCount(); ++i)
    m.times.push_back(m.source->ptsNs(i));
  return m;
}

// Series readers give times in the file's clock; apply the manifest offset by rebuilding the
// series only when the offset is non-zero (rare), so the common case stays zero-copy.
template <typename S> std::shared_ptr<const S> loadSeries(const fs::path &file, std::vector<std::string> &warnings) {
  auto r = S::load(file.string());
  if (!r) {
    warnings.push_back(r.error());
    return nullptr;
  }
  for (const auto &w : r.warnings())
    warnings.push_back(w);
  return std::make_shared<const S>(r.takeValue());
}

} // namespace

series::Series handSpeedSeries(const series::HandSeries &hands) {
  series::Series out({"left", "right"});
  out.reserve(hands.size());
  Eigen::Vector3f prev[2];
  Timestamp prevT[2] = {kInvalidTime, kInvalidTime};
  for (std::size_t i = 0; i < hands.size(); ++i) {
    float v[2];
    for (int side = 0; side < 2; ++side) {
      const series::HandPose h = hands.sampleAt(i, static_cast<series::HandSide>(side));
      v[side] = std::numeric_limits<float>::quiet_NaN();
      if (!h.valid()) {
        prevT[side] = kInvalidTime;
        continue;
      }
      if (prevT[side] != kInvalidTime && h.time > prevT[side])
        v[side] = (h.wristPosition - prev[side]).norm() / static_cast<float>(toSeconds(h.time - prevT[side]));
      prev[side] = h.wristPosition;
      prevT[side] = h.time;
    }
    out.append(hands.series().timeAt(i), v);
  }
  out.finish();
  return out;
}

Result<std::unique_ptr<LoadedRecording>> loadRecording(const std::string &pathText, const LoadProgress &progress) {
  using R = Result<std::unique_ptr<LoadedRecording>>;
  auto report = [&](double f, const std::string &stage) { return !progress || progress(f, stage); };
  auto rec = std::make_unique<LoadedRecording>();
  rec->sourcePath = QString::fromStdString(pathText);
  const fs::path path(pathText);
  std::error_code ec;
  if (!fs::exists(path, ec))
    return R::failure(pathText + ": no such file or folder");

  if (fs::is_regular_file(path) && path.filename() != "recording.json") {
    // A plain video: one colour stream, no calibration.
    rec->plainVideo = true;
    rec->manifest.folder = fs::absolute(path).parent_path();
    StreamDescriptor s;
    s.id = "video";
    s.kind = StreamKind::Video;
    s.path = path.filename();
    rec->manifest.streams.push_back(s);
    if (!report(0.1, "Indexing video"))
      return R::failure(pathText + ": cancelled");
    auto m = openMedia(fs::absolute(path), s, false);
    if (!m)
      return R::failure(m.error());
    rec->media.push_back(m.takeValue());
  } else {
    if (!report(0.02, "Reading recording.json"))
      return R::failure(pathText + ": cancelled");
    auto manifest = RecordingReader::read(path);
    if (!manifest)
      return R::failure(manifest.error());
    for (const auto &w : manifest.warnings())
      rec->warnings.push_back(w);
    rec->manifest = manifest.takeValue();
    const auto &streams = rec->manifest.streams;
    const double n = std::max<std::size_t>(1, streams.size());
    for (std::size_t i = 0; i < streams.size(); ++i) {
      const StreamDescriptor &s = streams[i];
      const fs::path file = rec->manifest.absolutePath(s);
      if (!report(0.05 + 0.9 * i / n, std::string("Opening ") + s.id))
        return R::failure(pathText + ": cancelled");
      switch (s.kind) {
      case StreamKind::Video:
      case StreamKind::Depth: {
        const bool depth = s.kind == StreamKind::Depth;
        if ((depth && rec->depth()) || (!depth && rec->video()))
          break; // one of each is shown
        auto m = openMedia(file, s, depth);
        if (!m)
          rec->warnings.push_back(m.error());
        else
          rec->media.push_back(m.takeValue());
        break;
      }
      case StreamKind::Imu:
        if (!rec->imu && (rec->imu = loadSeries<series::ImuSeries>(file, rec->warnings)))
          rec->imuId = s.id;
        break;
      case StreamKind::HandPose:
        if (!rec->hands && (rec->hands = loadSeries<series::HandSeries>(file, rec->warnings)))
          rec->handsId = s.id;
        break;
      case StreamKind::Trajectory:
        if (!rec->trajectory && (rec->trajectory = loadSeries<series::TrajectorySeries>(file, rec->warnings)))
          rec->trajectoryId = s.id;
        break;
      case StreamKind::Gaze:
        if (!rec->gaze && (rec->gaze = loadSeries<series::GazeSeries>(file, rec->warnings)))
          rec->gazeId = s.id;
        break;
      case StreamKind::Audio: break;
      }
    }
    // Series times are in the file's clock; the manifest offsets of series streams are applied by the
    // session through TimeControl's offsets (same mechanism as user nudges).
    if (rec->hands)
      rec->handSpeed = std::make_shared<const series::Series>(handSpeedSeries(*rec->hands));
    std::stable_partition(rec->media.begin(), rec->media.end(), [](const LoadedMedia &m) { return !m.depth; });
  }

  TimeRange range;
  for (const auto &m : rec->media)
    range = range.united(m.source->timeRange());
  auto offsetOf = [&](const std::string &id) {
    const StreamDescriptor *s = rec->manifest.stream(id);
    return s ? s->timeOffsetNs : 0;
  };
  auto unite = [&](TimeRange r, const std::string &id) {
    if (!r.empty())
      range = range.united({r.begin + offsetOf(id), r.end + offsetOf(id)});
  };
  if (rec->imu)
    unite(rec->imu->timeRange(), rec->imuId);
  if (rec->hands)
    unite(rec->hands->timeRange(), rec->handsId);
  if (rec->trajectory)
    unite(rec->trajectory->timeRange(), rec->trajectoryId);
  if (rec->gaze)
    unite(rec->gaze->timeRange(), rec->gazeId);
  if (range.empty())
    return R::failure(pathText + ": no readable stream (" +
                      (rec->warnings.empty() ? std::string("nothing to show") : rec->warnings.front()) + ")");
  rec->range = range;
  report(1.0, "Done");
  return R(std::move(rec));
}

} // namespace tacit
