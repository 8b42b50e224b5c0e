#include "widgets/video/FramePresenter.h"

#include <algorithm>

#include "core/consent/FaceBlur.h"
#include "core/time/TimeControl.h"

namespace tacit {

FramePresenter::FramePresenter(TimeControl &time, std::unique_ptr<media::FrameSource> source, std::string streamId,
                               Kind kind, media::FrameEngine::Options options, QObject *parent)
    : QObject(parent), m_time(time), m_engine(std::make_unique<media::FrameEngine>(std::move(source), options)),
      m_streamId(std::move(streamId)), m_kind(kind) {
  qRegisterMetaType<tacit::PresentedFrame>();
  m_wall.start();
  // The one copy of this stream's frame times: TimeControl's (stepping and the current frame).
  std::vector<Timestamp> times;
  times.reserve(static_cast<std::size_t>(m_engine->frameCount()));
  for (std::int64_t i = 0; i < m_engine->frameCount(); ++i)
    times.push_back(m_engine->ptsNs(i));
  m_time.setFrameTimes(m_streamId, std::move(times));
  connect(m_engine.get(), &media::FrameEngine::frameReady, this, &FramePresenter::onFrameReady, Qt::QueuedConnection);
  connect(
      m_engine.get(), &media::FrameEngine::frameFailed, this,
      [this](qint64, const QString &message) { emit failed(message); }, Qt::QueuedConnection);
  connect(&m_time, &TimeControl::timeChanged, this, &FramePresenter::update);
  connect(&m_time, &TimeControl::playingChanged, this, [this](bool playing) {
    if (!playing)
      update(); // paused: the exact frame
  });
  m_scrubSettle.setSingleShot(true);
  connect(&m_scrubSettle, &QTimer::timeout, this, [this] {
    m_lastPausedMoveNs = -2LL * kScrubMs * 1000000; // rested: the next update wants the exact frame
    if (!m_time.isPlaying())
      update();
  });
}

FramePresenter::~FramePresenter() {
  m_time.removeFrameTimes(m_streamId);
}

void FramePresenter::setRedactions(std::vector<project::Redaction> redactions) {
  m_redactions.set(std::move(redactions));
  refresh();
}

void FramePresenter::refresh() {
  m_wanted = -1;
  m_shown = {};
  update();
}

bool FramePresenter::settled() const {
  if (m_scrubSettle.isActive() || m_wanted < 0 || m_shown.index != m_wanted)
    return false;
  return m_shown.exact || m_time.isPlaying();
}

std::optional<double> FramePresenter::requestAgeMs(qint64 index) const {
  auto it = m_requestedAt.find(index);
  if (it == m_requestedAt.end())
    return std::nullopt;
  return (m_wall.nsecsElapsed() - it->second) / 1e6;
}

void FramePresenter::update() {
  const qint64 n = m_engine->frameCount();
  if (n <= 0)
    return;
  const bool playing = m_time.isPlaying();
  const qint64 now = m_wall.nsecsElapsed();
  // Scrubbing: paused moves closer together than kScrubMs; the exact frame once the playhead rests.
  const qint64 index = std::clamp<qint64>(m_time.currentFrame(m_streamId), 0, n - 1);
  bool scrubbing = false;
  if (!playing && index != m_wanted) {
    scrubbing = now - m_lastPausedMoveNs < kScrubMs * 1000000LL;
    m_lastPausedMoveNs = now;
    if (scrubbing)
      m_scrubSettle.start(kScrubMs);
  }
  scrubbing = scrubbing || m_scrubSettle.isActive();
  const bool needExact = m_kind == Kind::Depth || !(playing || scrubbing);
  const int direction = playing ? (m_time.isReverse() ? -1 : 1) : 0;
  if (index == m_wanted && (!needExact || m_wantedExact))
    return; // already shown or requested
  if (index != m_wanted) {
    m_requestedAt[index] = now;
    while (m_requestedAt.size() > 256)
      m_requestedAt.erase(m_requestedAt.begin());
  }
  m_wanted = index;
  m_wantedExact = needExact;
  const auto quality = needExact ? media::FrameEngine::Quality::Exact : media::FrameEngine::Quality::Display;
  const auto cached = m_engine->cached(index, false);
  if (cached && (m_shown.index != index || (cached->exact && !m_shown.exact)))
    present(*cached); // a display frame at once; the exact one follows when paused
  if (cached && (cached->exact || !needExact)) {
    m_engine->setFocus(index, direction, quality); // keeps the read-ahead at the playhead
    return;
  }
  m_engine->request(index, quality, direction);
}

void FramePresenter::onFrameReady(const media::VideoFrame &frame) {
  const qint64 shown = m_shown.index;
  const bool moving = m_time.isPlaying() || m_scrubSettle.isActive();
  // Newest wins, but a late frame between the shown one and the wanted one is still progress.
  const bool between =
      moving && shown >= 0 &&
      ((shown < frame.index && frame.index < m_wanted) || (m_wanted < frame.index && frame.index < shown));
  if (frame.index != m_wanted && !between)
    return;
  if (frame.index == shown && (!frame.exact || m_shown.exact))
    return; // already on screen (a cached frame served again)
  present(frame);
}

QImage FramePresenter::mask(const QImage &image, Timestamp t) const {
  if (m_kind == Kind::Depth) {
    if (!m_redactions.blanked("depth", t))
      return image;
    QImage none(image.size(), QImage::Format_Grayscale16); // no depth anywhere: nothing of the scene
    none.fill(0);
    return none;
  }
  if (m_blankRemoved && m_redactions.blanked("video", t))
    return SessionRedactions::blankFrame(image.size());
  const auto boxes = m_redactions.boxesAt(t); // normalised: the same on display-sized frames
  return boxes.empty() ? image : consent::blurBoxes(image, boxes);
}

void FramePresenter::present(const media::VideoFrame &frame) {
  PresentedFrame p;
  p.index = frame.index;
  p.ptsNs = frame.ptsNs;
  p.exact = frame.exact;
  p.fullSize = fullSize();
  // Redactions are in timeline time (docs/recording-context.md): the frame's time plus its offset.
  p.image = mask(frame.image(), frame.ptsNs + m_time.streamOffset(m_streamId));
  m_shown = std::move(p);
  emit presented(m_shown);
}

} // namespace tacit
