#include "core/recording/RecordingContext.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/media/DepthSource.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"
#include "core/series/SeriesCache.h"
#include "core/util/Logging.h"

namespace tacit {

namespace fs = std::filesystem;

namespace {

bool holdsPngs(const fs::path &folder) {
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(folder, ec)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".png")
      return true;
  }
  return false;
}

struct ReaderOptions {
  fs::path file;
  bool depth = false;
  Timestamp offset = 0;
  bool useCaches = true;
  fs::path indexCacheDir;
};

Result<std::unique_ptr<media::FrameSource>> openReader(const ReaderOptions &o, int decoderThreads,
                                                       int convertThreads = 2) {
  using R = Result<std::unique_ptr<media::FrameSource>>;
  if (o.depth) {
    media::DepthSource::Options d;
    d.timeOffsetNs = o.offset;
    d.useIndexCache = o.useCaches;
    d.indexCacheDir = o.indexCacheDir;
    auto src = media::DepthSource::open(o.file, d);
    if (!src)
      return R::failure(src.error());
    return R(std::unique_ptr<media::FrameSource>(src.takeValue()));
  }
  media::VideoSource::Options v;
  v.timeOffsetNs = o.offset;
  v.decoderThreads = decoderThreads;
  v.convertThreads = convertThreads;
  v.useIndexCache = o.useCaches;
  v.indexCacheDir = o.indexCacheDir;
  auto src = media::VideoSource::open(o.file, v);
  if (!src)
    return R::failure(src.error());
  return R(std::unique_ptr<media::FrameSource>(src.takeValue()));
}

// The calibration camera of a media stream (the rule in the header).
std::string cameraName(const Calibration &cal, const StreamDescriptor &s, bool depth) {
  if (!s.camera.empty())
    return s.camera;
  if (cal.camera(s.id))
    return s.id;
  const std::string fallback = depth ? "depth" : "rgb";
  return cal.camera(fallback) ? fallback : std::string();
}

} // namespace

Result<std::unique_ptr<media::FrameSource>> MediaStream::open(int decoderThreads, int convertThreads) const {
  return openReader({file, depth(), manifestOffsetNs, useIndexCache, indexCacheDir}, decoderThreads, convertThreads);
}

Result<std::unique_ptr<media::VideoSource>> MediaStream::openVideo(int decoderThreads) const {
  using R = Result<std::unique_ptr<media::VideoSource>>;
  if (depth())
    return R::failure(file.string() + ": stream \"" + id + "\" is depth, not colour video");
  media::VideoSource::Options v;
  v.timeOffsetNs = manifestOffsetNs;
  v.decoderThreads = decoderThreads;
  v.useIndexCache = useIndexCache;
  v.indexCacheDir = indexCacheDir;
  return media::VideoSource::open(file, v);
}

RecordingContext::~RecordingContext() = default;

Result<std::unique_ptr<RecordingContext>> RecordingContext::open(const fs::path &path, const Options &options) {
  using R = Result<std::unique_ptr<RecordingContext>>;
  std::unique_ptr<RecordingContext> ctx(new RecordingContext());
  ctx->m_options = options; // progress is dropped before open() returns
  ctx->m_userOffsets = options.offsets;
  ctx->m_redactions = options.redactions;
  std::error_code ec;
  ctx->m_sourcePath = fs::absolute(path, ec).lexically_normal();
  if (!fs::exists(path, ec))
    return R::failure(path.string() + ": no such file or folder");
  auto report = [&](double f, const std::string &stage) { return !options.progress || options.progress(f, stage); };

  const bool folder = fs::is_directory(path, ec);
  const bool recording = (folder && fs::exists(path / kRecordingFileName, ec)) || path.filename() == kRecordingFileName;
  if (!recording && folder && !holdsPngs(path))
    return R::failure((path / kRecordingFileName).string() +
                      ": not found; the folder is not a recording (and holds no depth PNG images)");
  if (!report(0.02, recording ? "Reading recording.json" : "Indexing video"))
    return R::failure(path.string() + ": cancelled");
  Status st = recording ? ctx->openRecording(path) : ctx->openPlainFile(path);
  if (!st)
    return R::failure(st.error());
  if (options.requireMedia && ctx->m_media.empty())
    return R::failure(ctx->m_warnings.empty() ? path.string() + ": no video or depth stream" : ctx->m_warnings.front());
  if (const MediaStream *v = ctx->video())
    ctx->m_referenceId = v->id;
  ctx->m_seriesLoaded = ctx->m_plainFile; // a plain file has no series to wait for
  if (options.series && !ctx->m_plainFile) {
    auto s = ctx->readSeries([&](double f, const std::string &stage) { return report(0.5 + 0.5 * f, stage); });
    if (!s)
      return R::failure(s.error());
    ctx->setSeries(s.takeValue());
  }
  if (ctx->timeRange().empty() && !options.allowEmpty)
    return R::failure(path.string() + ": no readable stream (" +
                      (ctx->m_warnings.empty() ? std::string("nothing to show") : ctx->m_warnings.front()) + ")");
  report(1.0, "Done");
  ctx->m_options.progress = {};
  return R(std::move(ctx));
}

Status RecordingContext::openPlainFile(const fs::path &path) {
  m_plainFile = true;
  m_manifest.folder = fs::is_directory(path) ? m_sourcePath : m_sourcePath.parent_path();
  StreamDescriptor s;
  s.kind = fs::is_directory(path) ? StreamKind::Depth : StreamKind::Video;
  s.id = s.kind == StreamKind::Depth ? "depth" : "video";
  s.path = m_sourcePath.lexically_relative(m_manifest.folder);
  if (s.path.empty() || s.path == ".")
    s.path = ".";
  auto m = openMedia(s, s.kind == StreamKind::Depth);
  if (!m)
    return Status::failure(m.error());
  const auto *decoded = dynamic_cast<const media::VideoSource *>(m_readers[m->id].get());
  if (!m->depth() && decoded && decoded->isGray16()) {
    // A plain 16-bit grey video is depth: reopen it as depth so its values stay exact.
    m_readers.clear();
    m_warnings.clear();
    s.kind = StreamKind::Depth;
    s.id = "depth";
    m = openMedia(s, true);
    if (!m)
      return Status::failure(m.error());
  }
  m_manifest.streams.push_back(s);
  m_media.push_back(m.takeValue());
  return okStatus();
}

Status RecordingContext::openRecording(const fs::path &path) {
  auto manifest = RecordingReader::read(path);
  if (!manifest)
    return Status::failure(manifest.error());
  m_warnings = m_manifestWarnings = manifest.warnings();
  m_manifest = manifest.takeValue();
  const auto &streams = m_manifest.streams;
  const double n = static_cast<double>(std::max<std::size_t>(1, streams.size()));
  for (std::size_t i = 0; i < streams.size(); ++i) {
    const StreamDescriptor &s = streams[i];
    if (s.kind != StreamKind::Video && s.kind != StreamKind::Depth)
      continue;
    const bool depth = s.kind == StreamKind::Depth;
    if ((!m_options.onlyMedia.empty() && s.id != m_options.onlyMedia) ||
        (m_options.mainVideoOnly && (depth || video() || !m_mediaErrors.empty())))
      continue;
    if (m_options.progress && !m_options.progress(0.05 + 0.45 * static_cast<double>(i) / n, "Opening " + s.id))
      return Status::failure(path.string() + ": cancelled");
    auto m = openMedia(s, depth);
    if (!m) {
      m_warnings.push_back(m.error());
      m_mediaErrors[s.id] = m.error();
      continue;
    }
    m_media.push_back(m.takeValue());
  }
  std::stable_partition(m_media.begin(), m_media.end(), [](const MediaStream &m) { return !m.depth(); });
  return okStatus();
}

Result<MediaStream> RecordingContext::openMedia(const StreamDescriptor &s, bool depth) {
  MediaStream m;
  m.id = s.id;
  m.kind = depth ? StreamKind::Depth : StreamKind::Video;
  m.file = m_plainFile ? m_sourcePath : m_manifest.absolutePath(s);
  m.manifestOffsetNs = s.timeOffsetNs;
  m.rotationDeg = s.rotationDeg;
  m.camera = cameraName(m_manifest.calibration, s, depth);
  m.useIndexCache = m_options.useCaches;
  m.indexCacheDir = m_options.indexCacheDir;
  auto reader = openReader({m.file, depth, s.timeOffsetNs, m_options.useCaches, m_options.indexCacheDir}, 2);
  if (!reader)
    return Result<MediaStream>::failure(reader.error());
  media::FrameSource &src = **reader;
  m.width = src.width();
  m.height = src.height();
  const media::VideoSource *v = dynamic_cast<const media::VideoSource *>(&src);
  if (const auto *d = dynamic_cast<const media::DepthSource *>(&src))
    v = d->video();
  m.codec = v ? v->codecName() : std::string("png");
  m.indexFromCache = v && v->indexFromCache();
  m.fileRotationDeg = v ? v->rotationDeg() : 0;
  auto times = std::make_shared<std::vector<Timestamp>>();
  times->reserve(static_cast<std::size_t>(src.frameCount()));
  for (std::int64_t i = 0; i < src.frameCount(); ++i)
    times->push_back(src.ptsNs(i));
  m.frameTimes = std::move(times);
  m.range = src.timeRange();
  m.warnings = reader.warnings();
  m.warnings.insert(m.warnings.end(), src.warnings().begin(), src.warnings().end());
  for (const auto &w : m.warnings)
    m_warnings.push_back(w);
  m_readers[m.id] = reader.takeValue();
  return m;
}

const MediaStream *RecordingContext::video() const {
  for (const auto &m : m_media)
    if (!m.depth())
      return &m;
  return nullptr;
}

const MediaStream *RecordingContext::depth() const {
  for (const auto &m : m_media)
    if (m.depth())
      return &m;
  return nullptr;
}

const MediaStream *RecordingContext::mediaStream(const std::string &id) const {
  for (const auto &m : m_media)
    if (m.id == id)
      return &m;
  return nullptr;
}

std::unique_ptr<media::FrameSource> RecordingContext::takeReader(const std::string &streamId) {
  auto it = m_readers.find(streamId);
  if (it == m_readers.end())
    return nullptr;
  auto out = std::move(it->second);
  m_readers.erase(it);
  return out;
}

const CameraCalibration *RecordingContext::camera(const MediaStream &stream) const {
  return stream.camera.empty() ? nullptr : m_manifest.calibration.camera(stream.camera);
}

Result<RecordingSeries> RecordingContext::readSeries(const Progress &progress) const {
  using R = Result<RecordingSeries>;
  RecordingSeries out;
  const series::SeriesCache cache = !m_options.useCaches               ? series::SeriesCache::disabled()
                                    : m_options.seriesCacheDir.empty() ? series::SeriesCache()
                                                                       : series::SeriesCache(m_options.seriesCacheDir);
  std::vector<const StreamDescriptor *> todo;
  for (const auto &s : m_manifest.streams)
    if (s.kind == StreamKind::Imu || s.kind == StreamKind::HandPose || s.kind == StreamKind::Trajectory ||
        s.kind == StreamKind::Gaze)
      todo.push_back(&s);
  for (std::size_t i = 0; i < todo.size(); ++i) {
    const StreamDescriptor &s = *todo[i];
    if (progress && !progress(static_cast<double>(i) / static_cast<double>(todo.size()), "Loading " + s.id))
      return R::failure(m_sourcePath.string() + ": cancelled");
    const fs::path file = m_manifest.absolutePath(s);
    RecordingSeries::Stream &st = out.streams.emplace_back();
    st.id = s.id;
    st.kind = s.kind;
    auto take = [&](auto result, auto &slot) {
      if (!result) {
        st.error = result.error();
        out.warnings.push_back(result.error() + " (stream \"" + s.id + "\" skipped)");
        return;
      }
      st.warnings = result.warnings();
      for (const auto &w : result.warnings())
        out.warnings.push_back(w);
      using S = std::decay_t<decltype(*result)>;
      slot = std::make_shared<const S>(result.takeValue());
      ++(st.fromCache ? out.fromCache : out.parsed);
    };
    switch (s.kind) {
    case StreamKind::Imu: take(cache.imu(file, &st.stats, &st.fromCache), st.imu); break;
    case StreamKind::HandPose: take(cache.hands(file, &st.stats, &st.fromCache), st.hands); break;
    case StreamKind::Trajectory: take(cache.trajectory(file, &st.stats, &st.fromCache), st.trajectory); break;
    case StreamKind::Gaze: take(cache.gaze(file, &st.stats, &st.fromCache), st.gaze); break;
    default: break;
    }
    // The first readable stream of each kind is the one shown and exported.
    if (st.imu && !out.imu)
      out.imu = st.imu, out.imuId = st.id;
    if (st.hands && !out.hands)
      out.hands = st.hands, out.handsId = st.id;
    if (st.trajectory && !out.trajectory)
      out.trajectory = st.trajectory, out.trajectoryId = st.id;
    if (st.gaze && !out.gaze)
      out.gaze = st.gaze, out.gazeId = st.id;
  }
  if (out.hands && m_options.handSpeed)
    out.handSpeed = std::make_shared<const series::Series>(handSpeedSeries(*out.hands));
  if (progress)
    progress(1.0, "Series loaded");
  return R(std::move(out));
}

void RecordingContext::setSeries(RecordingSeries series) {
  for (const auto &w : series.warnings)
    m_warnings.push_back(w);
  m_series = std::move(series);
  m_seriesLoaded = true;
}

Timestamp RecordingContext::userOffset(const std::string &streamId) const {
  auto it = m_userOffsets.find(streamId);
  return it == m_userOffsets.end() ? 0 : it->second;
}

void RecordingContext::setUserOffset(const std::string &streamId, Timestamp offsetNs) {
  if (offsetNs == 0)
    m_userOffsets.erase(streamId);
  else
    m_userOffsets[streamId] = offsetNs;
}

Timestamp RecordingContext::streamOffset(const std::string &streamId) const {
  const Timestamp relative = userOffset(streamId) - (m_referenceId.empty() ? 0 : userOffset(m_referenceId));
  if (mediaStream(streamId))
    return relative; // frame times already hold the manifest offset
  const StreamDescriptor *s = m_manifest.stream(streamId);
  return relative + (s ? s->timeOffsetNs : 0);
}

std::map<std::string, Timestamp> RecordingContext::streamOffsets() const {
  std::map<std::string, Timestamp> out;
  for (const auto &s : m_manifest.streams)
    out[s.id] = streamOffset(s.id);
  return out;
}

std::vector<Timestamp> RecordingContext::timelineFrameTimes(const MediaStream &stream) const {
  std::vector<Timestamp> out = stream.frameTimes ? *stream.frameTimes : std::vector<Timestamp>();
  if (const Timestamp off = streamOffset(stream.id); off != 0)
    for (auto &t : out)
      t += off;
  return out;
}

TimeRange RecordingContext::timeRange() const {
  TimeRange range;
  auto unite = [&](TimeRange r, const std::string &id) {
    if (!r.empty())
      range = range.united({r.begin + streamOffset(id), r.end + streamOffset(id)});
  };
  for (const auto &m : m_media)
    unite(m.range, m.id);
  if (m_series.imu)
    unite(m_series.imu->timeRange(), m_series.imuId);
  if (m_series.hands)
    unite(m_series.hands->timeRange(), m_series.handsId);
  if (m_series.trajectory)
    unite(m_series.trajectory->timeRange(), m_series.trajectoryId);
  if (m_series.gaze)
    unite(m_series.gaze->timeRange(), m_series.gazeId);
  return range;
}

series::Series handSpeedSeries(const series::HandSeries &hands) {
  series::Series out({"left", "right"});
  out.reserve(hands.size());
  Eigen::Vector3f prev[2];
  Timestamp prevT[2] = {kInvalidTime, kInvalidTime};
  const auto &s = hands.series();
  for (std::size_t i = 0; i < hands.size(); ++i) {
    float v[2];
    const Timestamp t = s.timeAt(i);
    for (int side = 0; side < 2; ++side) {
      const auto wrist = hands.wristAt(i, static_cast<series::HandSide>(side));
      v[side] = std::numeric_limits<float>::quiet_NaN();
      if (!wrist) {
        prevT[side] = kInvalidTime;
        continue;
      }
      if (prevT[side] != kInvalidTime && t > prevT[side])
        v[side] = (*wrist - prev[side]).norm() / static_cast<float>(toSeconds(t - prevT[side]));
      prev[side] = *wrist;
      prevT[side] = t;
    }
    out.append(t, v);
  }
  out.finish();
  s.releasePages(); // a full scan: give the mapped pages back (they stay in the page cache)
  return out;
}

int nominalFps(const std::vector<Timestamp> &times) {
  if (times.size() < 2)
    return 30;
  std::vector<Timestamp> d;
  for (std::size_t i = 1; i < std::min<std::size_t>(times.size(), 301); ++i)
    d.push_back(times[i] - times[i - 1]);
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
  const Timestamp mid = d[d.size() / 2];
  return mid > 0 ? std::max(1, static_cast<int>(std::lround(1e9 / static_cast<double>(mid)))) : 30;
}

} // namespace tacit
