#include "widgets/consent/FaceQaPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/project/ProjectRecording.h"
#include "core/time/TimeControl.h"
#include "widgets/consent/BackgroundJob.h"
#include "widgets/consent/FrameBoxView.h"
#include "widgets/video/FramePresenter.h"

namespace tacit {

namespace {
QColor stateColour(consent::QaState s) {
  switch (s) {
  case consent::QaState::Accepted: return QColor(0x3c, 0xc8, 0x5a);
  case consent::QaState::Rejected: return QColor(0xe0, 0x4a, 0x3c);
  case consent::QaState::Pending: break;
  }
  return QColor(0xf0, 0xc8, 0x30);
}
} // namespace

FaceQaPanel::FaceQaPanel(project::ProjectStore &store, QString reviewer, TimeControl &time, QWidget *parent)
    : QWidget(parent), m_store(store), m_reviewer(std::move(reviewer)), m_time(time) {
  buildUi();
  refreshStatus();
}

FaceQaPanel::~FaceQaPanel() = default;

void FaceQaPanel::buildUi() {
  auto *root = new QVBoxLayout(this);
  auto *intro = new QLabel(tr("Find the faces of other people in this recording. Check each one: accept it to blur "
                              "it, reject it if it is not a face. Drag a box to correct one or to add a face that "
                              "was missed."));
  intro->setWordWrap(true);
  root->addWidget(intro);
  m_view = new FrameBoxView;
  root->addWidget(m_view, 1);
  auto *run = new QHBoxLayout;
  m_find = new QPushButton(tr("&Find faces"));
  m_cancel = new QPushButton(tr("Cancel"));
  m_cancel->setEnabled(false);
  m_progress = new QProgressBar;
  m_progress->setRange(0, 100);
  run->addWidget(m_find);
  run->addWidget(m_progress, 1);
  run->addWidget(m_cancel);
  root->addLayout(run);
  auto *steps = new QHBoxLayout;
  auto *next = new QPushButton(tr("&Next face"));
  auto *low = new QPushButton(tr("Next &unsure face"));
  auto *accept = new QPushButton(tr("&Accept (blur)"));
  auto *reject = new QPushButton(tr("&Reject (not a face)"));
  auto *adjust = new QPushButton(tr("Ad&just to my box"));
  auto *add = new QPushButton(tr("A&dd my box"));
  auto *all = new QPushButton(tr("Accept all the rest"));
  auto *saveButton = new QPushButton(tr("&Save"));
  for (QPushButton *b : {next, low, accept, reject, adjust, add, all, saveButton})
    steps->addWidget(b);
  root->addLayout(steps);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  root->addWidget(m_status);

  connect(m_find, &QPushButton::clicked, this, [this] { startDetection(); });
  connect(m_cancel, &QPushButton::clicked, this, &FaceQaPanel::cancelDetection);
  connect(next, &QPushButton::clicked, this, [this] { nextDetection(); });
  connect(low, &QPushButton::clicked, this, [this] { nextLowConfidence(); });
  connect(accept, &QPushButton::clicked, this, [this] { acceptCurrent(); });
  connect(reject, &QPushButton::clicked, this, [this] { rejectCurrent(); });
  connect(adjust, &QPushButton::clicked, this, [this] {
    if (!adjustCurrent(m_view->selection()))
      m_status->setText(tr("Step to a face and drag a box over it first."));
  });
  connect(add, &QPushButton::clicked, this, [this] {
    if (!addBox(m_view->selection()))
      m_status->setText(tr("Drag a box over the face first."));
  });
  connect(all, &QPushButton::clicked, this, &FaceQaPanel::acceptRemaining);
  connect(saveButton, &QPushButton::clicked, this, [this] {
    if (!save())
      m_status->setText(m_error);
  });
}

bool FaceQaPanel::setRecording(const project::RecordingRecord &recording, FramePresenter *presenter) {
  m_job.reset();
  if (m_presenter)
    disconnect(m_presenter, nullptr, this, nullptr);
  m_presenter = presenter;
  m_hasSession = false;
  m_qa = {};
  m_track.reset();
  m_recording = recording;
  m_view->setMarks({});
  m_view->setImage({});
  m_videoStream.reset();
  if (!m_presenter) { // no picture (yet): nothing to review
    refreshStatus();
    return false;
  }
  auto where = project::projectVideoStream(m_store, recording);
  if (!where) {
    m_error = QString::fromStdString(where.error());
    refreshStatus();
    return false;
  }
  m_videoStream = *where; // the detector opens its own reader on its worker
  connect(m_presenter, &FramePresenter::presented, this, &FaceQaPanel::onPresented);
  if (m_presenter->shown().index >= 0)
    onPresented(m_presenter->shown());
  m_error.clear();
  refreshStatus();
  return true;
}

std::int64_t FaceQaPanel::currentFrame() const {
  return m_presenter ? std::max<std::int64_t>(0, m_time.currentFrame(m_presenter->streamId())) : 0;
}

bool FaceQaPanel::frameShown() const {
  return m_presenter && m_presenter->shown().index == currentFrame();
}

const QImage &FaceQaPanel::shownImage() const {
  return m_view->image();
}

Timestamp FaceQaPanel::frameTime(std::int64_t frame) const {
  const auto &engine = m_presenter->engine();
  return engine.ptsNs(std::clamp<std::int64_t>(frame, 0, engine.frameCount() - 1));
}

void FaceQaPanel::onPresented(const PresentedFrame &frame) {
  m_view->setImage(frame.image);
  if (isVisible())
    m_qa.markReviewed(frame.index);
  refreshMarks();
  emit frameChanged(frame.index);
}

bool FaceQaPanel::startDetection() {
  if (!m_videoStream || isDetecting())
    return false;
  auto result = std::make_shared<std::optional<Result<consent::VideoFaceResult>>>();
  const MediaStream stream = *m_videoStream;
  m_job = std::make_unique<BackgroundJob>(
      [result, stream](const std::function<bool(double)> &progress) {
        auto video = stream.openVideo();
        if (!video) {
          *result = Result<consent::VideoFaceResult>::failure(video.error());
          return;
        }
        auto detector = consent::FaceDetector::create();
        if (!detector) {
          *result = Result<consent::VideoFaceResult>::failure(detector.error());
          return;
        }
        *result = consent::detectFacesInVideo(**video, **detector, progress);
      },
      [this, result](bool cancelled) {
        m_find->setEnabled(true);
        m_cancel->setEnabled(false);
        const bool ok = !cancelled && result->has_value() && (*result)->ok() && !(**result)->cancelled;
        if (ok) {
          setDetections(***result, consent::FaceDetectOptions{}.every);
        } else {
          m_error = cancelled || !result->has_value() ? tr("Face search cancelled.")
                                                      : QString::fromStdString((*result)->error());
          refreshStatus();
        }
        emit detectionFinished(ok);
      });
  connect(m_job.get(), &BackgroundJob::progressed, m_progress,
          [this](double f) { m_progress->setValue(static_cast<int>(f * 100)); });
  m_find->setEnabled(false);
  m_cancel->setEnabled(true);
  m_progress->setValue(0);
  m_error.clear();
  m_status->setText(tr("Looking for faces…"));
  m_job->start();
  return true;
}

bool FaceQaPanel::isDetecting() const {
  return m_job && m_job->isRunning();
}

void FaceQaPanel::cancelDetection() {
  if (m_job)
    m_job->cancel();
}

void FaceQaPanel::setDetections(const consent::VideoFaceResult &faces, int every) {
  m_qa = consent::FaceQaSession(faces, every);
  m_hasSession = true;
  m_track.reset();
  m_progress->setValue(100);
  refreshMarks();
  refreshStatus();
}

void FaceQaPanel::showFrame(std::int64_t frame) {
  if (!m_presenter || m_presenter->frameCount() <= 0)
    return;
  frame = std::clamp<std::int64_t>(frame, 0, m_presenter->frameCount() - 1);
  m_qa.markReviewed(frame);
  m_time.pause();
  m_time.setTime(frameTime(frame) + m_time.streamOffset(m_presenter->streamId())); // the presenter follows
  refreshMarks();
}

void FaceQaPanel::goToStop(std::size_t stop) {
  const auto &s = m_qa.stops().at(stop);
  m_track = s.track;
  m_view->clearSelection();
  showFrame(s.frame);
  refreshStatus();
}

bool FaceQaPanel::nextDetection() {
  if (!m_hasSession)
    return false;
  auto s = m_qa.nextDetection(currentFrame());
  if (!s)
    return false;
  goToStop(*s);
  return true;
}

bool FaceQaPanel::nextLowConfidence() {
  if (!m_hasSession)
    return false;
  auto s = m_qa.nextLowConfidence(currentFrame(), m_low);
  if (!s)
    return false;
  goToStop(*s);
  return true;
}

bool FaceQaPanel::acceptCurrent() {
  if (!m_track)
    return false;
  m_qa.setState(*m_track, consent::QaState::Accepted);
  refreshMarks();
  refreshStatus();
  return true;
}

bool FaceQaPanel::rejectCurrent() {
  if (!m_track)
    return false;
  m_qa.setState(*m_track, consent::QaState::Rejected);
  refreshMarks();
  refreshStatus();
  return true;
}

cv::Rect FaceQaPanel::toPixels(const QRectF &n) const {
  const double W = m_qa.width(), H = m_qa.height();
  return {static_cast<int>(n.x() * W), static_cast<int>(n.y() * H), std::max(1, static_cast<int>(n.width() * W)),
          std::max(1, static_cast<int>(n.height() * H))};
}

bool FaceQaPanel::adjustCurrent(const QRectF &box) {
  if (!m_track || box.isEmpty() || !m_hasSession || !m_presenter)
    return false;
  m_qa.adjust(*m_track, currentFrame(), frameTime(currentFrame()), toPixels(box));
  m_view->clearSelection();
  refreshMarks();
  refreshStatus();
  return true;
}

bool FaceQaPanel::addBox(const QRectF &box) {
  if (box.isEmpty() || !m_hasSession || !m_presenter || m_qa.width() <= 0)
    return false;
  m_track = m_qa.addBox(currentFrame(), frameTime(currentFrame()), toPixels(box));
  m_view->clearSelection();
  refreshMarks();
  refreshStatus();
  return true;
}

void FaceQaPanel::acceptRemaining() {
  for (std::size_t t = 0; t < m_qa.tracks().size(); ++t)
    if (m_qa.tracks()[t].state == consent::QaState::Pending)
      m_qa.setState(t, consent::QaState::Accepted);
  refreshMarks();
  refreshStatus();
}

bool FaceQaPanel::save() {
  if (!m_hasSession) {
    m_error = tr("Find faces first.");
    return false;
  }
  if (!m_presenter) {
    m_error = tr("The recording's video cannot be opened.");
    return false;
  }
  auto rec = consent::storeFaceQa(
      m_store, m_qa, m_recording.id, m_reviewer.toStdString(), [this](std::int64_t f) { return frameTime(f); },
      m_presenter->engine().timeRange().end);
  if (!rec) {
    m_error = QString::fromStdString(rec.error());
    return false;
  }
  m_hasSession = false; // saved: a new search starts a new QA session
  m_qa = {};
  m_track.reset();
  refreshMarks();
  m_status->setText(tr("Saved: %n face(s) will be blurred in every export.", nullptr, rec->accepted));
  emit saved(*rec);
  return true;
}

void FaceQaPanel::refreshMarks() {
  std::vector<FrameBoxView::Marked> marks;
  if (m_hasSession && m_qa.width() > 0 && m_qa.height() > 0) {
    const double W = m_qa.width(), H = m_qa.height();
    // Marks of the frame in the picture (the playhead's frame may still be decoding).
    const std::int64_t shown =
        m_presenter && m_presenter->shown().index >= 0 ? m_presenter->shown().index : currentFrame();
    for (const auto &[t, b] : m_qa.boxesOn(shown))
      marks.push_back({QRectF(b.box.x / W, b.box.y / H, b.box.width / W, b.box.height / H),
                       stateColour(m_qa.tracks()[t].state), m_track && *m_track == t});
  }
  m_view->setMarks(std::move(marks));
}

QString FaceQaPanel::statusText() const {
  return m_status->text();
}

void FaceQaPanel::refreshStatus() {
  if (!m_error.isEmpty()) {
    m_status->setText(m_error);
    return;
  }
  if (!m_hasSession) {
    m_status->setText(tr("Press \"Find faces\" to look for other people's faces."));
    return;
  }
  const auto r = m_qa.record(m_reviewer.toStdString());
  QString current;
  if (m_track) {
    const auto &t = m_qa.tracks()[*m_track];
    const auto *b = t.boxAt(currentFrame());
    current = tr("Face %1 at frame %2 (confidence %3): %4. ")
                  .arg(t.id)
                  .arg(currentFrame())
                  .arg(b ? b->confidence : 0.0, 0, 'f', 2)
                  .arg(t.state == consent::QaState::Accepted   ? tr("will be blurred")
                       : t.state == consent::QaState::Rejected ? tr("not a face")
                                                               : tr("not checked yet"));
  }
  m_status->setText(current + tr("%1 face(s) found: %2 accepted, %3 rejected, %4 to check. %5 frame(s) looked at.")
                                  .arg(r.tracks)
                                  .arg(r.accepted)
                                  .arg(r.rejected)
                                  .arg(r.pending)
                                  .arg(r.framesReviewed));
}

} // namespace tacit
