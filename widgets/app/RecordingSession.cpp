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

RecordingSession::RecordingSession(std::unique_ptr<LoadedRecording> recording, TimeControl &time, SessionViews views,
                                   QObject *parent)
    : QObject(parent), m_rec(std::move(recording)), m_time(time), m_views(views) {
  m_wall.start();
  for (auto &m : m_rec->media) {
    media::FrameEngine::Options o;
    o.cacheBytes = m.depth ? kDepthCacheBytes : kVideoCacheBytes;
    const auto kind = m.depth ? FramePresenter::Kind::Depth : FramePresenter::Kind::Video;
    auto presenter = std::make_unique<FramePresenter>(m_time, std::move(m.source), m.streamId, kind, o);
    const bool depth = m.depth;
    connect(presenter.get(), &FramePresenter::presented, this,
            [this, depth](const PresentedFrame &f) { show(depth, f); });
    connect(presenter.get(), &FramePresenter::failed, this, &RecordingSession::decodeError);
    (m.depth ? m_depthPresenter : m_videoPresenter) = std::move(presenter);
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
  const LoadedMedia *lm = m_rec->video();
  const Timestamp global = f.ptsNs + m_time.streamOffset(lm->streamId); // ptsNs: device time
  if (m_views.video) {
    m_views.video->setFastScaling(!f.exact);
    m_views.video->setFrame(f.image, f.index, global - m_rec->range.begin, f.fullSize);
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

Timestamp RecordingSession::manifestOffset(const std::string &id) const {
  for (const auto &s : m_rec->manifest.streams)
    if (s.id == id)
      return s.timeOffsetNs;
  return 0;
}

Timestamp RecordingSession::deviceTime(const std::string &id, Timestamp globalTime) const {
  // global = device time + the user's nudge (the manifest offset is already in device time).
  return globalTime - userOffset(id);
}

void RecordingSession::setRedactions(std::vector<project::Redaction> redactions) {
  m_redactions.set(std::move(redactions));
  for (auto &[stream, src] : m_plotSources) {
    const std::string &id = stream == "imu" ? m_rec->imuId : m_rec->handsId;
    src->setBlanked(m_redactions.blankedSpans(stream), manifestOffset(id));
  }
  if (m_views.plots)
    for (auto *plot : m_views.plots->plots())
      plot->update();
  updateTrail();
  if (m_views.timeline)
    m_views.timeline->setLanes(timelineLanes());
  // Re-present the frames at the playhead through the new redactions.
  for (auto *p : {m_videoPresenter.get(), m_depthPresenter.get()})
    if (p)
      p->setRedactions(m_redactions.all());
  refresh();
}

void RecordingSession::updateTrail() {
  if (!m_views.pose3d)
    return;
  std::vector<Eigen::Vector3d> trail;
  if (const auto &tr = m_rec->trajectory) {
    const Timestamp off = manifestOffset(m_rec->trajectoryId);
    const auto &times = tr->series().times();
    trail.reserve(tr->size());
    for (std::size_t i = 0; i < tr->size(); ++i)
      if (i >= times.size() || !m_redactions.blanked("trajectory", times[i] + off))
        trail.push_back(tr->poseAt(i).translation);
  }
  m_views.pose3d->setTrajectory(trail);
}

void RecordingSession::applyOffsets() {
  // Series times are in their file's clock: their manifest offset goes through TimeControl together
  // with the user's nudge. Video/depth sources already include the manifest offset.
  for (const auto &s : m_rec->manifest.streams) {
    const bool mediaStream = s.kind == StreamKind::Video || s.kind == StreamKind::Depth;
    const Timestamp base = mediaStream ? 0 : s.timeOffsetNs;
    m_time.setStreamOffset(s.id, base + userOffset(s.id));
  }
}

Timestamp RecordingSession::userOffset(const std::string &id) const {
  auto it = m_userOffsets.find(id);
  return it == m_userOffsets.end() ? 0 : it->second;
}

void RecordingSession::setUserOffset(const std::string &id, Timestamp offsetNs) {
  m_userOffsets[id] = offsetNs;
  applyOffsets();
  if (m_views.timeline)
    m_views.timeline->setLanes(timelineLanes());
}

std::vector<std::pair<std::string, QString>> RecordingSession::offsetStreams() const {
  std::vector<std::pair<std::string, QString>> out;
  auto add = [&](const std::string &id, const QString &what) {
    if (!id.empty())
      out.emplace_back(id, QStringLiteral("%1 (%2)").arg(QString::fromStdString(id), what));
  };
  if (auto *v = m_rec->video())
    add(v->streamId, tr("video"));
  if (auto *d = m_rec->depth())
    add(d->streamId, tr("depth"));
  add(m_rec->imuId, tr("IMU"));
  add(m_rec->handsId, tr("hands"));
  add(m_rec->trajectoryId, tr("trajectory"));
  add(m_rec->gazeId, tr("gaze"));
  return out;
}

qint64 RecordingSession::frameCount() const {
  return m_rec->video() ? static_cast<qint64>(m_rec->video()->times.size()) : 0;
}

std::optional<Timestamp> RecordingSession::timeOfFrame(qint64 frame) const {
  const LoadedMedia *v = m_rec->video();
  if (!v || frame < 0 || frame >= static_cast<qint64>(v->times.size()))
    return std::nullopt;
  return v->times[static_cast<std::size_t>(frame)] + m_time.streamOffset(v->streamId);
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
  auto offset = [this](const std::string &id) { return m_time.streamOffset(id); };
  auto addLane = [&](const std::string &id, const QString &name, const QColor &c, std::vector<Timestamp> times) {
    const Timestamp off = offset(id);
    for (auto &t : times)
      t += off;
    TimelineLane lane;
    lane.id = QString::fromStdString(id);
    lane.name = name;
    lane.color = c;
    lane.spans = coverageFromTimes(times, 0);
    lanes.push_back(std::move(lane));
  };
  if (auto *v = m_rec->video())
    addLane(v->streamId, tr("Video"), QColor(0x5b, 0x8d, 0xef), v->times);
  if (auto *d = m_rec->depth())
    addLane(d->streamId, tr("Depth"), QColor(0x8e, 0x6c, 0xef), d->times);
  if (m_rec->imu)
    addLane(m_rec->imuId, tr("IMU"), QColor(0x4c, 0xc9, 0x8a), m_rec->imu->series().times());
  if (m_rec->hands) {
    // Coverage of each hand = samples where it is present.
    for (int side = 0; side < 2; ++side) {
      std::vector<Timestamp> present;
      const int c = m_rec->hands->confidenceChannel(static_cast<series::HandSide>(side));
      const auto &s = m_rec->hands->series();
      for (std::size_t i = 0; i < s.size(); ++i)
        if (c < 0 || s.value(static_cast<std::size_t>(c), i) >= 0)
          present.push_back(s.timeAt(i));
      addLane(m_rec->handsId, side == 0 ? tr("Left hand") : tr("Right hand"), handColor(side).darker(120), present);
    }
  }
  if (m_rec->trajectory)
    addLane(m_rec->trajectoryId, tr("Trajectory"), QColor(0xc9, 0xa2, 0x4c), m_rec->trajectory->series().times());
  if (m_rec->gaze)
    addLane(m_rec->gazeId, tr("Gaze"), gazeColor().darker(130), m_rec->gaze->series().times());
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
    lanes.push_back(m_redactions.lane(m_rec->video() ? userOffset(m_rec->video()->streamId) : 0));
  return lanes;
}

void RecordingSession::setupViews() {
  const LoadedRecording &r = *m_rec;
  applyOffsets();
  const Calibration &cal = r.manifest.calibration;
  if (const LoadedMedia *v = r.video()) {
    m_framePeriod = medianPeriod(v->times);
    m_time.setStepStream(v->streamId); // its frame times are registered by its presenter
    if (m_views.video) {
      m_views.video->setRotation(v->rotationDeg);
      const CameraCalibration *cc = cal.camera(v->camera);
      m_views.video->setProjector(cc ? CameraProjector(*cc, v->size) : CameraProjector());
      m_views.video->setPlaceholder(tr("Decoding…"));
    }
    if (m_views.pose3d) {
      if (const CameraCalibration *cc = cal.camera(v->camera); cc && cc->model)
        m_views.pose3d->setCameraFrustum(cc->T_device_camera, horizontalFov(*cc->model),
                                         double(cc->model->width()) / std::max(1, cc->model->height()));
    }
  } else if (m_views.video) {
    m_views.video->setImage({});
    m_views.video->setPlaceholder(tr("This recording has no video stream"));
  }
  if (const LoadedMedia *d = r.depth(); d && m_views.depth) {
    m_views.depth->setRotation(d->rotationDeg);
    const CameraCalibration *cc = cal.camera(d->camera);
    m_views.depth->setProjector(cc ? CameraProjector(*cc, d->size) : CameraProjector());
  } else if (m_views.depth) {
    m_views.depth->setDepthFrame({}, -1); // nothing left over from the previous recording
  }
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
    m_views.plots->setSources(sources, r.range);
  }
  updateTrail();
  if (m_views.timeline) {
    m_views.timeline->setRange(r.range);
    m_views.timeline->setFramePeriod(m_framePeriod);
    m_views.timeline->setLanes(timelineLanes());
  }
  m_time.setRange(r.range);
  m_time.setTime(r.range.begin);
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
  const LoadedMedia *v = m_rec->video();
  if (!v || !m_views.video || !m_views.video->isVisible())
    return {};
  const double k = m_views.video->scale() * m_views.video->devicePixelRatioF();
  if (k >= 1.0)
    return {};
  auto up = [](double x) { return (static_cast<int>(std::ceil(x)) + 63) / 64 * 64; };
  return {up(v->size.width() * k), up(v->size.height() * k)};
}

void RecordingSession::updateOverlays(Timestamp t) {
  auto streamTime = [&](const std::string &id) { return t - m_time.streamOffset(id); };
  series::HandPose hands[2];
  if (m_rec->hands && !m_redactions.blanked("hands", deviceTime(m_rec->handsId, t))) {
    const Timestamp ht = streamTime(m_rec->handsId);
    for (int side = 0; side < 2; ++side)
      hands[side] = m_rec->hands->interpolateAt(ht, static_cast<series::HandSide>(side), kHandMaxGap);
  }
  if (m_views.video)
    m_views.video->setHands(hands[0], hands[1]);
  if (m_views.depth)
    m_views.depth->setHands(hands[0], hands[1]);

  std::optional<Rigid> head;
  if (m_rec->trajectory && !m_redactions.blanked("trajectory", deviceTime(m_rec->trajectoryId, t))) {
    if (auto pose = m_rec->trajectory->interpolatePoseAt(streamTime(m_rec->trajectoryId))) {
      Rigid r;
      r.rotation = pose->rotation;
      r.translation = pose->translation;
      head = r;
    }
  }
  std::optional<Eigen::Vector3d> gazePoint, gazeOrigin;
  Eigen::Vector3d gazeDir = Eigen::Vector3d::UnitZ();
  double gazeLength = 1.0;
  if (m_rec->gaze && !m_rec->gaze->timeRange().empty() && !m_redactions.blanked("gaze", deviceTime(m_rec->gazeId, t))) {
    const Timestamp gt = streamTime(m_rec->gazeId);
    const TimeRange gr = m_rec->gaze->timeRange();
    if (gt >= gr.begin && gt < gr.end + kHandMaxGap) {
      const series::GazeSample g = m_rec->gaze->interpolateAt(gt);
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
