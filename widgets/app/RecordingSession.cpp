#include "widgets/app/RecordingSession.h"

#include <cmath>

#include "core/time/TimeControl.h"
#include "widgets/common/HandColors.h"
#include "widgets/depth/DepthView.h"
#include "widgets/plot/PlotsView.h"
#include "widgets/pose3d/Pose3DView.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/video/FramePresenter.h"
#include "widgets/video/VideoView.h"

namespace tacit {

namespace {
constexpr std::size_t kVideoCacheBytes = 320u << 20;
constexpr std::size_t kDepthCacheBytes = 96u << 20;
constexpr Timestamp kHandMaxGap = 100 * kNsPerMs;

// Gaze is in the central pupil frame (X left, Y up, Z forward): the device frame turned 180° about z
// (docs/recording-format.md; the same convention as Aria's CPF relative to its camera frames).
const Rigid &deviceFromCpf() {
  static const Rigid r = [] {
    Rigid t;
    t.rotation = Eigen::Quaterniond(Eigen::AngleAxisd(M_PI, Eigen::Vector3d::UnitZ()));
    return t;
  }();
  return r;
}

Timestamp medianPeriod(const std::vector<Timestamp> &t) {
  if (t.size() < 2)
    return 0;
  std::vector<Timestamp> d;
  for (std::size_t i = 1; i < t.size() && i < 400; ++i)
    d.push_back(t[i] - t[i - 1]);
  std::nth_element(d.begin(), d.begin() + d.size() / 2, d.end());
  return d[d.size() / 2];
}

double horizontalFov(const geometry::CameraModel &m) {
  const auto a = m.unproject(Eigen::Vector2d(0, m.height() / 2.0));
  const auto b = m.unproject(Eigen::Vector2d(m.width() - 1, m.height() / 2.0));
  if (!a || !b)
    return 1.9;
  return std::acos(std::clamp(a->normalized().dot(b->normalized()), -1.0, 1.0));
}
} // namespace

RecordingSession::RecordingSession(std::shared_ptr<RecordingContext> recording, TimeControl &time, SessionViews views,
                                   QObject *parent)
    : QObject(parent), m_rec(std::move(recording)), m_time(time), m_views(views) {
  m_wall.start();
  for (const MediaStream *m : {m_rec->video(), m_rec->depth()}) {
    if (!m)
      continue;
    std::unique_ptr<media::FrameSource> reader = m_rec->takeReader(m->id); // opened while loading
    if (!reader) {
      auto opened = m->open();
      if (!opened) {
        QTimer::singleShot(0, this, [this, e = opened.error()] { emit decodeError(QString::fromStdString(e)); });
        continue;
      }
      reader = opened.takeValue();
    }
    const bool depth = m->depth();
    media::FrameEngine::Options o;
    o.cacheBytes = depth ? kDepthCacheBytes : kVideoCacheBytes;
    const auto kind = depth ? FramePresenter::Kind::Depth : FramePresenter::Kind::Video;
    auto presenter = std::make_unique<FramePresenter>(m_time, std::move(reader), m->id, kind, o);
    connect(presenter.get(), &FramePresenter::presented, this,
            [this, depth](const PresentedFrame &f) { show(depth, f); });
    connect(presenter.get(), &FramePresenter::failed, this, &RecordingSession::decodeError);
    (depth ? m_depthPresenter : m_videoPresenter) = std::move(presenter);
  }
  setupViews();
  connect(&m_time, &TimeControl::timeChanged, this, &RecordingSession::onTimeChanged);
  connect(&m_time, &TimeControl::offsetsChanged, this, &RecordingSession::refresh);
  connect(&m_time, &TimeControl::playingChanged, this, &RecordingSession::onPlayingChanged);
  connect(&m_time, &TimeControl::speedChanged, this, &RecordingSession::adaptTickInterval);
  m_slowViewsTimer.setSingleShot(true);
  connect(&m_slowViewsTimer, &QTimer::timeout, this, [this] { updateSlowViews(m_time.time(), true); });
  adaptTickInterval();
}

void RecordingSession::show(bool depth, const PresentedFrame &f) {
  if (depth) {
    if (m_views.depth)
      m_views.depth->setDepthFrame(f.image, f.index);
    return;
  }
  const MediaStream *v = m_rec->video();
  const Timestamp global = f.ptsNs + m_time.streamOffset(v->id); // reader time -> timeline time
  if (m_views.video) {
    m_views.video->setFastScaling(!f.exact);
    m_views.video->setFrame(f.image, f.index, global - m_time.range().begin, f.fullSize);
  }
  if (m_time.isPlaying())
    updateOverlays(global);
}

qint64 RecordingSession::currentFrame() const {
  return m_videoPresenter ? m_videoPresenter->wantedIndex() : -1;
}

void RecordingSession::adaptTickInterval() {
  // Tick at least twice per source frame so no frame's display slot falls between two ticks (a 16 ms
  // timer against 16.7 ms frames at 2x would skip one frame in 25); cheap ticks return early.
  if (m_framePeriod <= 0)
    return;
  const double frameMs = m_framePeriod / 1e6 / std::max(0.1, std::abs(m_time.speed()));
  m_time.setTickInterval(std::clamp(static_cast<int>(frameMs / 2), 4, 16));
}

void RecordingSession::onPlayingChanged(bool playing) {
  adaptTickInterval();
  if (!playing) {
    m_slowViewsTimer.stop();
    refresh(); // exact frame, overlays at the playhead, slow views up to date
  }
}

RecordingSession::~RecordingSession() = default;

Timestamp RecordingSession::streamTime(const std::string &id) const {
  return m_time.streamTime(id);
}

void RecordingSession::setRedactions(std::vector<project::Redaction> redactions) {
  m_rec->setRedactions(redactions);
  m_redactions.set(std::move(redactions));
  applyPlotRedactions();
  updateTrail();
  if (m_views.timeline)
    m_views.timeline->setLanes(timelineLanes());
  // Re-present the frames at the playhead through the new redactions.
  for (auto *p : {m_videoPresenter.get(), m_depthPresenter.get()})
    if (p)
      p->setRedactions(m_redactions.all());
  refresh();
}

void RecordingSession::applyPlotRedactions() {
  const RecordingSeries &r = m_rec->series();
  for (auto &[stream, src] : m_plotSources) {
    const std::string &id = stream == "imu" ? r.imuId : r.handsId;
    src->setBlanked(m_redactions.blankedSpans(stream), m_rec->streamOffset(id)); // timeline spans
  }
  if (m_views.plots)
    for (auto *plot : m_views.plots->plots())
      plot->update();
}

void RecordingSession::updateTrail() {
  if (!m_views.pose3d)
    return;
  // At most kTrailPoints samples spread over the trajectory: a 2-hour, 1 kHz trajectory would
  // otherwise read every page of its mapped columns (RSS) and hand VTK millions of points.
  constexpr std::size_t kTrailPoints = 2000;
  std::vector<Eigen::Vector3d> trail;
  if (const auto &tr = m_rec->series().trajectory; tr && tr->size() > 0) {
    const Timestamp off = m_rec->streamOffset(m_rec->series().trajectoryId);
    const std::size_t n = tr->size(), step = std::max<std::size_t>(1, n / kTrailPoints);
    trail.reserve(n / step + 1);
    for (std::size_t i = 0; i < n; i += step)
      if (!m_redactions.blanked("trajectory", tr->series().timeAt(i) + off))
        trail.push_back(tr->poseAt(i).translation);
    tr->series().releasePages();
  }
  m_views.pose3d->setTrajectory(trail);
}

void RecordingSession::applyOffsets() {
  // One rule for every view (RecordingContext::streamOffset): reader times + offset = timeline.
  m_time.setStreamOffsets(m_rec->streamOffsets());
}

Timestamp RecordingSession::userOffset(const std::string &id) const {
  return m_rec->userOffset(id);
}

void RecordingSession::setUserOffset(const std::string &id, Timestamp offsetNs) {
  if (m_rec->userOffset(id) == offsetNs)
    return;
  m_rec->setUserOffset(id, offsetNs);
  applyOffsets();
  applyPlotRedactions();
  updateTrail();
  updateRange();
  if (m_views.timeline)
    m_views.timeline->setLanes(timelineLanes());
}

std::vector<std::pair<std::string, QString>> RecordingSession::offsetStreams() const {
  std::vector<std::pair<std::string, QString>> out;
  auto add = [&](const std::string &id, const QString &what) {
    if (!id.empty())
      out.emplace_back(id, QStringLiteral("%1 (%2)").arg(QString::fromStdString(id), what));
  };
  // The sensors are listed before they are loaded: an offset saved in the project is known already.
  auto firstOf = [&](StreamKind kind) {
    const StreamDescriptor *s = m_rec->manifest().firstOfKind(kind);
    return s ? s->id : std::string();
  };
  if (auto *v = m_rec->video())
    add(v->id, tr("video"));
  if (auto *d = m_rec->depth())
    add(d->id, tr("depth"));
  add(firstOf(StreamKind::Imu), tr("IMU"));
  add(firstOf(StreamKind::HandPose), tr("hands"));
  add(firstOf(StreamKind::Trajectory), tr("trajectory"));
  add(firstOf(StreamKind::Gaze), tr("gaze"));
  return out;
}

qint64 RecordingSession::frameCount() const {
  return m_rec->video() ? static_cast<qint64>(m_rec->video()->frameCount()) : 0;
}

std::optional<Timestamp> RecordingSession::timeOfFrame(qint64 frame) const {
  const MediaStream *v = m_rec->video();
  if (!v || frame < 0 || frame >= static_cast<qint64>(v->frameCount()))
    return std::nullopt;
  return (*v->frameTimes)[static_cast<std::size_t>(frame)] + m_time.streamOffset(v->id);
}

bool RecordingSession::framesSettled() const {
  if (m_lastTime != m_time.time())
    return false; // a tick is still pending: the views have not seen the current playhead yet
  const bool videoOk = !m_videoPresenter || m_videoPresenter->settled();
  const bool depthOk = !m_depthPresenter || m_depthPresenter->shown().index == m_depthPresenter->wantedIndex();
  return videoOk && depthOk;
}

std::optional<double> RecordingSession::requestAgeMs(qint64 frameIndex) const {
  return m_videoPresenter ? m_videoPresenter->requestAgeMs(frameIndex) : std::nullopt;
}

std::vector<TimelineLane> RecordingSession::timelineLanes() const {
  std::vector<TimelineLane> lanes;
  auto addLane = [&](const std::string &id, const std::string &key, const QString &name, const QColor &c) {
    auto it = m_coverage.find(key);
    if (id.empty() || it == m_coverage.end())
      return;
    const Timestamp off = m_time.streamOffset(id);
    TimelineLane lane;
    lane.id = QString::fromStdString(id);
    lane.name = name;
    lane.color = c;
    lane.spans = it->second;
    for (auto &span : lane.spans)
      span.range = {span.range.begin + off, span.range.end + off};
    lanes.push_back(std::move(lane));
  };
  const RecordingSeries &r = m_rec->series();
  if (auto *v = m_rec->video())
    addLane(v->id, v->id, tr("Video"), QColor(0x5b, 0x8d, 0xef));
  if (auto *d = m_rec->depth())
    addLane(d->id, d->id, tr("Depth"), QColor(0x8e, 0x6c, 0xef));
  addLane(r.imuId, "imu", tr("IMU"), QColor(0x4c, 0xc9, 0x8a));
  addLane(r.handsId, "hands:left", tr("Left hand"), handColor(0).darker(120));
  addLane(r.handsId, "hands:right", tr("Right hand"), handColor(1).darker(120));
  addLane(r.trajectoryId, "trajectory", tr("Trajectory"), QColor(0xc9, 0xa2, 0x4c));
  addLane(r.gazeId, "gaze", tr("Gaze"), gazeColor().darker(130));
  TimelineLane segments;
  segments.id = QStringLiteral("segments");
  segments.name = tr("Segments");
  segments.kind = TimelineLane::Kind::Segments;
  segments.color = QColor(0x6a, 0xb0, 0x4c);
  lanes.push_back(segments);
  TimelineLane flags;
  flags.id = QStringLiteral("flags");
  flags.name = tr("Flags");
  flags.kind = TimelineLane::Kind::Flags;
  flags.color = QColor(0xe0, 0x5a, 0x47);
  lanes.push_back(flags);
  if (!m_redactions.empty())
    lanes.push_back(m_redactions.lane(0)); // redactions are in timeline time
  return lanes;
}

void RecordingSession::setupViews() {
  const RecordingContext &r = *m_rec;
  applyOffsets();
  for (const MediaStream *m : {r.video(), r.depth()})
    if (m)
      m_coverage[m->id] = coverageFromTimes(*m->frameTimes, 0);
  if (const MediaStream *v = r.video()) {
    m_framePeriod = medianPeriod(*v->frameTimes);
    m_time.setStepStream(v->id); // its frame times are registered by its presenter
    if (m_views.video) {
      m_views.video->setRotation(v->rotationDeg);
      const CameraCalibration *cc = r.camera(*v);
      const QSize size(v->width, v->height);
      m_views.video->setProjector(cc ? CameraProjector(*cc, size) : CameraProjector());
      m_views.video->setPlaceholder(tr("Decoding…"));
    }
    if (m_views.pose3d) {
      if (const CameraCalibration *cc = r.camera(*v); cc && cc->model)
        m_views.pose3d->setCameraFrustum(cc->T_device_camera, horizontalFov(*cc->model),
                                         double(cc->model->width()) / std::max(1, cc->model->height()));
    }
  } else if (m_views.video) {
    m_views.video->setImage({});
    m_views.video->setPlaceholder(tr("This recording has no video stream"));
  }
  if (const MediaStream *d = r.depth(); d && m_views.depth) {
    m_views.depth->setRotation(d->rotationDeg);
    const CameraCalibration *cc = r.camera(*d);
    m_views.depth->setProjector(cc ? CameraProjector(*cc, QSize(d->width, d->height)) : CameraProjector());
  } else if (m_views.depth) {
    m_views.depth->setDepthFrame({}, -1); // nothing left over from the previous recording
  }
  const TimeRange range = r.timeRange();
  if (m_views.timeline) {
    m_views.timeline->setRange(range);
    m_views.timeline->setFramePeriod(m_framePeriod);
  }
  m_time.setRange(range);
  m_time.setTime(range.begin);
  setupSeriesViews();
}

void RecordingSession::setSeries(RecordingSeries series) {
  m_rec->setSeries(std::move(series));
  setupSeriesViews();
  updateRange();
  refresh();
}

void RecordingSession::updateRange() {
  // The series may reach beyond the video (or offsets move them): grow the timeline and the clock
  // without moving the playhead.
  const TimeRange range = m_rec->timeRange();
  if (range == m_time.range())
    return;
  const Timestamp t = m_time.time();
  m_time.setRange(range);
  if (m_views.timeline)
    m_views.timeline->setRange(range);
  if (m_views.plots)
    m_views.plots->setBounds(range);
  m_time.setTime(std::clamp(t, range.begin, range.end - 1));
}

void RecordingSession::setupSeriesViews() {
  const RecordingSeries &r = m_rec->series();
  if (r.imu)
    m_coverage["imu"] = coverageFromTimes(r.imu->series().times(), 0);
  if (r.trajectory)
    m_coverage["trajectory"] = coverageFromTimes(r.trajectory->series().times(), 0);
  if (r.gaze)
    m_coverage["gaze"] = coverageFromTimes(r.gaze->series().times(), 0);
  if (r.hands) {
    // Coverage of each hand = samples where it is present.
    for (int side = 0; side < 2; ++side) {
      std::vector<Timestamp> present;
      const int c = r.hands->confidenceChannel(static_cast<series::HandSide>(side));
      const auto &s = r.hands->series();
      for (std::size_t i = 0; i < s.size(); ++i)
        if (c < 0 || s.value(static_cast<std::size_t>(c), i) >= 0)
          present.push_back(s.timeAt(i));
      m_coverage[side == 0 ? "hands:left" : "hands:right"] = coverageFromTimes(present, 0);
    }
  }
  // The scans above read every timestamp: let the mapped pages go (the plots read the pyramid).
  if (r.imu)
    r.imu->series().releasePages();
  if (r.trajectory)
    r.trajectory->series().releasePages();
  if (r.gaze)
    r.gaze->series().releasePages();
  if (r.hands)
    r.hands->series().releasePages();
  if (m_views.plots) {
    std::vector<std::shared_ptr<PlotSource>> sources;
    auto offsetFn = [this](std::string id) { return [this, id] { return m_time.streamOffset(id); }; };
    m_plotSources.clear();
    if (r.imu) {
      std::shared_ptr<const series::Series> s(r.imu, &r.imu->series());
      for (auto src :
           {std::make_shared<SeriesPlotSource>(tr("Accelerometer"), QStringLiteral("m/s²"), s,
                                               std::vector<int>{0, 1, 2}, QStringList{"x", "y", "z"},
                                               offsetFn(r.imuId)),
            std::make_shared<SeriesPlotSource>(tr("Gyroscope"), QStringLiteral("rad/s"), s, std::vector<int>{3, 4, 5},
                                               QStringList{"x", "y", "z"}, offsetFn(r.imuId))}) {
        sources.push_back(src);
        m_plotSources.emplace_back("imu", src);
      }
    }
    if (r.hands) {
      std::shared_ptr<const series::Series> s(r.hands, &r.hands->series());
      const int cl = r.hands->confidenceChannel(series::HandSide::Left);
      const int cr = r.hands->confidenceChannel(series::HandSide::Right);
      if (cl >= 0 && cr >= 0) {
        auto src = std::make_shared<SeriesPlotSource>(tr("Hand confidence"), QString(), s, std::vector<int>{cl, cr},
                                                      QStringList{tr("left"), tr("right")}, offsetFn(r.handsId));
        src->setColors({handColor(0), handColor(1)});
        sources.push_back(src);
        m_plotSources.emplace_back("hands", src);
      }
    }
    if (r.handSpeed) {
      auto src = std::make_shared<SeriesPlotSource>(tr("Hand speed"), QStringLiteral("m/s"), r.handSpeed,
                                                    std::vector<int>{0, 1}, QStringList{tr("left"), tr("right")},
                                                    offsetFn(r.handsId));
      src->setColors({handColor(0), handColor(1)});
      sources.push_back(src);
      m_plotSources.emplace_back("hands", src);
    }
    if (m_rec->seriesLoaded())
      m_views.plots->setSources(sources, m_rec->timeRange());
    else
      m_views.plots->setLoading(tr("Loading sensor series…"));
    applyPlotRedactions();
  }
  updateTrail();
  if (m_views.timeline)
    m_views.timeline->setLanes(timelineLanes());
}

void RecordingSession::refresh() {
  m_lastTime = kInvalidTime;
  onTimeChanged(m_time.time());
}

void RecordingSession::onTimeChanged(qint64 t) {
  m_lastTime = t;
  const bool playing = m_time.isPlaying();
  if (m_videoPresenter) {
    m_videoPresenter->setDisplaySize(displaySize());
    m_videoPresenter->update(); // (also connected itself; a second call is free)
  }
  if (m_depthPresenter) {
    m_depthPresenter->update();
    if (m_views.depth)
      m_views.depth->setFastScaling(playing || (m_videoPresenter && m_videoPresenter->isScrubbing()));
  }
  if (playing) {
    // Overlays follow the shown video frame (show() updates them); the slow views run at their own rate.
    if (!m_rec->video())
      updateOverlays(t);
    updateSlowViews(t, false);
    return;
  }
  updateOverlays(t);
  updateSlowViews(t, true);
}

QSize RecordingSession::displaySize() const {
  // The on-screen size of the whole picture, rounded up to 64 px so small resizes keep the cache.
  const MediaStream *v = m_rec->video();
  if (!v || !m_views.video || !m_views.video->isVisible())
    return {};
  const double k = m_views.video->scale() * m_views.video->devicePixelRatioF();
  if (k >= 1.0)
    return {};
  auto up = [](double x) { return (static_cast<int>(std::ceil(x)) + 63) / 64 * 64; };
  return {up(v->width * k), up(v->height * k)};
}

void RecordingSession::updateOverlays(Timestamp t) {
  // t is timeline time: redactions are looked up at t, each stream is sampled at its own time.
  auto streamTime = [&](const std::string &id) { return t - m_time.streamOffset(id); };
  const RecordingSeries &rec = m_rec->series();
  series::HandPose hands[2];
  if (rec.hands && !m_redactions.blanked("hands", t)) {
    const Timestamp ht = streamTime(rec.handsId);
    for (int side = 0; side < 2; ++side)
      hands[side] = rec.hands->interpolateAt(ht, static_cast<series::HandSide>(side), kHandMaxGap);
  }
  if (m_views.video)
    m_views.video->setHands(hands[0], hands[1]);
  if (m_views.depth)
    m_views.depth->setHands(hands[0], hands[1]);

  std::optional<Rigid> head;
  if (rec.trajectory && !m_redactions.blanked("trajectory", t)) {
    if (auto pose = rec.trajectory->interpolatePoseAt(streamTime(rec.trajectoryId))) {
      Rigid r;
      r.rotation = pose->rotation;
      r.translation = pose->translation;
      head = r;
    }
  }
  std::optional<Eigen::Vector3d> gazePoint, gazeOrigin;
  Eigen::Vector3d gazeDir = Eigen::Vector3d::UnitZ();
  double gazeLength = 1.0;
  if (rec.gaze && !rec.gaze->timeRange().empty() && !m_redactions.blanked("gaze", t)) {
    const Timestamp gt = streamTime(rec.gazeId);
    const TimeRange gr = rec.gaze->timeRange();
    if (gt >= gr.begin && gt < gr.end + kHandMaxGap) {
      const series::GazeSample g = rec.gaze->interpolateAt(gt);
      const Rigid &cpf = deviceFromCpf();
      gazeLength = g.hasDepth() ? g.depth : 1.0;
      gazeDir = cpf.rotation * g.direction();
      gazeOrigin = cpf.translation;
      gazePoint = cpf.apply(g.direction() * gazeLength);
    }
  }
  if (m_views.video)
    m_views.video->setGazePoint(gazePoint);
  m_head = head;
  m_hands[0] = hands[0];
  m_hands[1] = hands[1];
  m_gazeOrigin = gazeOrigin;
  m_gazeDir = gazeDir;
  m_gazeLength = gazeLength;
}

void RecordingSession::updateSlowViews(Timestamp t, bool now) {
  // While playing, the 3D view (a VTK render) and the plots/timeline repaint at bounded rates that do
  // not depend on the video rate; a pending update is flushed by a timer so they end on the playhead.
  const qint64 wall = m_wall.nsecsElapsed();
  auto due = [&](qint64 &last, int periodMs) {
    if (now || wall - last >= periodMs * 1000000LL) {
      last = wall;
      return true;
    }
    if (!m_slowViewsTimer.isActive())
      m_slowViewsTimer.start(periodMs);
    return false;
  };
  if (m_views.pose3d && m_views.pose3d->isVisible() && due(m_last3dNs, k3dPeriodMs)) {
    m_views.pose3d->setHeadPose(m_head);
    m_views.pose3d->setHands(m_hands[0], m_hands[1]);
    m_views.pose3d->setGazeRay(m_gazeOrigin, m_gazeDir, m_gazeLength);
  }
  if (due(m_lastPlotsNs, kPlotsPeriodMs)) {
    if (m_views.plots)
      m_views.plots->setPlayhead(t);
    if (m_views.timeline)
      m_views.timeline->setPlayhead(t);
  }
}

} // namespace tacit
