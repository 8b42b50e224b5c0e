#include "widgets/consent/ConsentReviewWindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include "core/consent/BoxTracker.h"
#include "core/consent/ConsentLedger.h"
#include "core/consent/FaceBlur.h"
#include "core/consent/TransparencyReport.h"
#include "core/project/ProjectRecording.h"
#include "widgets/consent/BackgroundJob.h"
#include "widgets/consent/FaceQaPanel.h"
#include "widgets/consent/FrameBoxView.h"
#include "widgets/video/FramePresenter.h"

namespace tacit {

namespace {
constexpr int kStripThumbs = 8;
constexpr std::size_t kPlaybackCacheBytes = 128u << 20;
const std::string kVideoStream = "video";
} // namespace

ConsentReviewWindow::ConsentReviewWindow(const QString &projectPath, const QString &workerId, QWidget *parent,
                                         std::shared_ptr<TimeSource> clock)
    : QWidget(parent), m_workerId(workerId.toStdString()), m_time(std::move(clock)) {
  setWindowTitle(tr("Review your recordings"));
  auto store = project::ProjectStore::open(projectPath.toStdString());
  buildUi();
  if (!store) {
    fail(QString::fromStdString(store.error()));
    return;
  }
  m_store = store.takeValue();
  m_faces = new FaceQaPanel(*m_store, workerId, m_time);
  m_tabs->insertTab(1, m_faces, tr("Faces"));
  connect(m_faces, &FaceQaPanel::saved, this, [this] {
    reloadRedactions();
    refreshSummary();
    emit redactionsChanged();
  });
  loadRecordings();
  refreshSummary();
}

ConsentReviewWindow::~ConsentReviewWindow() {
  // Jobs and the frame engine join their threads before the store and the picture go away.
  m_trackJob.reset();
  m_stripJob.reset();
  if (m_faces)
    m_faces->setRecording({}, nullptr);
  m_presenter.reset();
}

void ConsentReviewWindow::fail(const QString &message) {
  m_error = message;
  if (m_consentState)
    m_consentState->setText(message);
}

void ConsentReviewWindow::buildUi() {
  auto *root = new QVBoxLayout(this);
  m_tabs = new QTabWidget(this);
  root->addWidget(m_tabs);

  // Review page: recordings | picture, strip, transport, edits.
  auto *review = new QWidget;
  auto *rl = new QHBoxLayout(review);
  m_recordingList = new QListWidget;
  m_recordingList->setIconSize(QSize(160, 120));
  m_recordingList->setMaximumWidth(220);
  rl->addWidget(m_recordingList);
  auto *centre = new QVBoxLayout;
  m_view = new FrameBoxView;
  centre->addWidget(m_view, 1);
  m_strip = new QListWidget;
  m_strip->setViewMode(QListView::IconMode);
  m_strip->setFlow(QListView::LeftToRight);
  m_strip->setWrapping(false);
  m_strip->setIconSize(QSize(128, 96));
  m_strip->setFixedHeight(130);
  centre->addWidget(m_strip);
  auto *transport = new QHBoxLayout;
  m_play = new QPushButton(tr("Play"));
  m_slider = new QSlider(Qt::Horizontal);
  m_speedBox = new QComboBox;
  for (double s : {1.0, 2.0, 4.0, 8.0})
    m_speedBox->addItem(tr("%1x").arg(s), s);
  transport->addWidget(m_play);
  transport->addWidget(m_slider, 1);
  transport->addWidget(m_speedBox);
  centre->addLayout(transport);
  auto *edits = new QHBoxLayout;
  auto *in = new QPushButton(tr("Mark start"));
  auto *out = new QPushButton(tr("Mark end"));
  auto *remove = new QPushButton(tr("Remove this part"));
  auto *blur = new QPushButton(tr("Blur this"));
  blur->setToolTip(tr("Drag a box on the picture first"));
  m_markLabel = new QLabel;
  for (QWidget *w : {static_cast<QWidget *>(in), static_cast<QWidget *>(out), static_cast<QWidget *>(m_markLabel),
                     static_cast<QWidget *>(remove), static_cast<QWidget *>(blur)})
    edits->addWidget(w);
  centre->addLayout(edits);
  rl->addLayout(centre, 1);
  m_tabs->addTab(review, tr("Review"));

  m_summary = new QTextBrowser;
  m_tabs->addTab(m_summary, tr("Summary"));

  // Consent page: scopes, typed full name, date.
  auto *consentPage = new QWidget;
  auto *cl = new QVBoxLayout(consentPage);
  auto *scopes = new QGroupBox(tr("I allow my recordings to be used for:"));
  auto *sl = new QVBoxLayout(scopes);
  const std::pair<const char *, QString> labels[] = {{"internal_research", tr("Internal research")},
                                                     {"model_training", tr("Training robot models")},
                                                     {"partner_sharing", tr("Sharing with partner companies")}};
  for (const auto &[key, text] : labels) {
    auto *box = new QCheckBox(text);
    box->setProperty("scope", QString::fromLatin1(key));
    sl->addWidget(box);
    m_scopeBoxes.push_back(box);
  }
  cl->addWidget(scopes);
  auto *form = new QFormLayout;
  m_name = new QLineEdit;
  m_name->setPlaceholderText(tr("Type your full name to sign"));
  m_date = new QDateEdit(QDate::currentDate());
  m_date->setReadOnly(true);
  form->addRow(tr("Full name"), m_name);
  form->addRow(tr("Date"), m_date);
  cl->addLayout(form);
  auto *buttons = new QHBoxLayout;
  auto *grant = new QPushButton(tr("Give consent"));
  auto *withdraw = new QPushButton(tr("Withdraw consent"));
  buttons->addWidget(grant);
  buttons->addWidget(withdraw);
  cl->addLayout(buttons);
  m_consentState = new QLabel;
  m_consentState->setWordWrap(true);
  cl->addWidget(m_consentState);
  cl->addStretch();
  m_tabs->addTab(consentPage, tr("Consent"));

  connect(&m_time, &TimeControl::timeChanged, this, &ConsentReviewWindow::onTimeChanged);
  connect(&m_time, &TimeControl::playingChanged, this,
          [this](bool playing) { m_play->setText(playing ? tr("Pause") : tr("Play")); });
  connect(m_play, &QPushButton::clicked, this, [this] { play(!isPlaying()); });
  connect(m_speedBox, &QComboBox::currentIndexChanged, this,
          [this](int i) { setSpeed(m_speedBox->itemData(i).toDouble()); });
  connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
    if (v != currentFrame())
      seekFrame(v);
  });
  connect(m_recordingList, &QListWidget::currentRowChanged, this, [this](int row) { selectRecording(row); });
  connect(m_strip, &QListWidget::itemClicked, this,
          [this](QListWidgetItem *item) { seekFrame(item->data(Qt::UserRole).toLongLong()); });
  connect(in, &QPushButton::clicked, this, &ConsentReviewWindow::markIn);
  connect(out, &QPushButton::clicked, this, &ConsentReviewWindow::markOut);
  connect(remove, &QPushButton::clicked, this, [this] {
    bool ok = false;
    const QString why = QInputDialog::getText(this, tr("Remove this part"), tr("Why (optional):"), QLineEdit::Normal,
                                              tr("removed by the worker"), &ok);
    if (ok && !removeMarkedPart(why))
      QMessageBox::warning(this, tr("Remove this part"), tr("Mark the start and the end of the part first."));
  });
  connect(blur, &QPushButton::clicked, this, [this] {
    if (m_view->selection().isEmpty() || !blurBox(m_view->selection(), tr("blurred by the worker")))
      QMessageBox::warning(this, tr("Blur this"), tr("Drag a box on the picture first."));
    else if (m_trackJob)
      m_trackJob->showProgress(this, tr("Blur this"), tr("Following the box through the part…"));
  });
  connect(grant, &QPushButton::clicked, this, [this] {
    QStringList scopes;
    for (auto *b : m_scopeBoxes)
      if (b->isChecked())
        scopes << b->property("scope").toString();
    if (!recordConsent(scopes, m_name->text()))
      QMessageBox::warning(this, tr("Consent"), m_error);
  });
  connect(withdraw, &QPushButton::clicked, this, [this] {
    if (!withdrawConsent(m_name->text()))
      QMessageBox::warning(this, tr("Consent"), m_error);
  });
}

void ConsentReviewWindow::loadRecordings() {
  m_recordings.clear();
  m_recordingList->clear();
  auto rows = consent::recordingConsent(*m_store, m_workerId);
  if (!rows) {
    fail(QString::fromStdString(rows.error()));
    return;
  }
  for (const auto &r : *rows) {
    m_recordings.push_back(r.recording);
    auto *item =
        new QListWidgetItem(QString::fromStdString(r.recording.task.empty() ? r.recording.uuid : r.recording.task));
    const QImage thumb = consent::recordingThumbnail(*m_store, r.recording, 160);
    if (!thumb.isNull())
      item->setIcon(QIcon(QPixmap::fromImage(thumb)));
    m_recordingList->addItem(item);
  }
  if (m_recordings.empty())
    fail(tr("No recordings of worker %1 in this project.").arg(QString::fromStdString(m_workerId)));
  else
    m_recordingList->setCurrentRow(0);
}

int ConsentReviewWindow::recordingCount() const {
  return static_cast<int>(m_recordings.size());
}

bool ConsentReviewWindow::selectRecording(int row) {
  if (row < 0 || row >= recordingCount())
    return false;
  const auto &rec = m_recordings[static_cast<std::size_t>(row)];
  if (rec.id == m_currentId && m_presenter)
    return true;
  play(false);
  m_stripJob.reset();
  m_trackJob.reset();
  if (m_faces)
    m_faces->setRecording(rec, nullptr);
  m_presenter.reset();
  m_currentId = rec.id;
  m_in.reset();
  m_out.reset();
  m_markLabel->clear();
  m_strip->clear();
  auto where = project::projectVideoStream(*m_store, rec); // the one loader (RecordingContext)
  if (!where) {
    fail(QString::fromStdString(where.error()));
    return false;
  }
  m_videoRef = *where;
  auto video = m_videoRef.openVideo();
  if (!video) {
    fail(QString::fromStdString(video.error()));
    return false;
  }
  if ((*video)->frameCount() == 0)
    return false;
  media::FrameEngine::Options o;
  o.cacheBytes = kPlaybackCacheBytes;
  m_presenter =
      std::make_unique<FramePresenter>(m_time, video.takeValue(), kVideoStream, FramePresenter::Kind::Video, o);
  m_presenter->setBlankRemovedSpans(false); // the worker sees what they removed; blur boxes are applied
  connect(m_presenter.get(), &FramePresenter::presented, this, &ConsentReviewWindow::present);
  connect(m_presenter.get(), &FramePresenter::failed, this, &ConsentReviewWindow::fail);
  m_time.setStepStream(kVideoStream);
  m_time.setRange(m_presenter->engine().timeRange());
  if (m_faces)
    m_faces->setRecording(rec, m_presenter.get());
  reloadRedactions();
  const std::int64_t n = m_presenter->frameCount();
  {
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, static_cast<int>(n - 1));
  }
  loadStrip();
  showFrame(0);
  return true;
}

void ConsentReviewWindow::reloadRedactions() {
  m_redactions.clear();
  if (auto reds = m_store->redactions(m_currentId); reds)
    m_redactions = *reds;
  if (m_presenter)
    m_presenter->setRedactions(m_redactions); // re-presents the frame at the playhead
}

void ConsentReviewWindow::loadStrip() {
  // Thumbnails are decoded on a worker with its own reader, then blurred like the export would.
  struct Thumb {
    std::int64_t frame;
    Timestamp pts;
    QImage image;
  };
  auto thumbs = std::make_shared<std::vector<Thumb>>();
  const auto ref = m_videoRef;
  const auto reds = m_redactions;
  const Timestamp begin = m_presenter->engine().timeRange().begin;
  m_stripJob = std::make_unique<BackgroundJob>(
      [thumbs, ref, reds](const std::function<bool(double)> &progress) {
        auto video = ref.openVideo();
        if (!video)
          return;
        const std::int64_t n = (*video)->frameCount();
        for (int k = 0; k < kStripThumbs && n > 0; ++k) {
          const std::int64_t f = (n - 1) * k / std::max(1, kStripThumbs - 1);
          auto frame = (*video)->frame(f);
          if (!frame)
            continue;
          QImage img = consent::blurBoxes(frame->image().copy(), consent::boxesAt(reds, frame->ptsNs));
          thumbs->push_back({f, frame->ptsNs, img.scaledToWidth(128)});
          if (!progress(double(k + 1) / kStripThumbs))
            return;
        }
      },
      [this, thumbs, begin](bool cancelled) {
        if (cancelled)
          return;
        for (const auto &t : *thumbs) {
          auto *item =
              new QListWidgetItem(QIcon(QPixmap::fromImage(t.image)),
                                  QString::number(static_cast<double>(t.pts - begin) / 1e9, 'f', 1) + tr(" s"));
          item->setData(Qt::UserRole, static_cast<qlonglong>(t.frame));
          m_strip->addItem(item);
        }
      });
  m_stripJob->start();
}

void ConsentReviewWindow::present(const PresentedFrame &frame) {
  m_view->setImage(frame.image); // masked by the presenter (blur boxes)
  emit frameShownChanged(frame.index);
}

const QImage &ConsentReviewWindow::shownImage() const {
  return m_view->image();
}

std::int64_t ConsentReviewWindow::currentFrame() const {
  return m_presenter ? std::max<std::int64_t>(0, m_time.currentFrame(kVideoStream)) : 0;
}

bool ConsentReviewWindow::frameShown() const {
  return m_presenter && m_presenter->shown().index == currentFrame();
}

void ConsentReviewWindow::onTimeChanged() {
  const QSignalBlocker block(m_slider);
  m_slider->setValue(static_cast<int>(currentFrame()));
}

void ConsentReviewWindow::showFrame(std::int64_t frame) {
  if (!m_presenter)
    return;
  frame = std::clamp<std::int64_t>(frame, 0, m_presenter->frameCount() - 1);
  m_time.setTime(m_presenter->engine().ptsNs(frame)); // the presenter follows on the tick
  const QSignalBlocker block(m_slider);
  m_slider->setValue(static_cast<int>(frame));
}

bool ConsentReviewWindow::seekFrame(std::int64_t frame) {
  if (!m_presenter)
    return false;
  showFrame(frame); // keeps playing from the new place when playing
  return currentFrame() == frame;
}

bool ConsentReviewWindow::isPlaying() const {
  return m_time.isPlaying();
}

void ConsentReviewWindow::play(bool on) {
  if (on && m_presenter) {
    if (m_time.time() >= m_time.range().end - 1)
      m_time.setTime(m_time.range().begin); // at the end: play again from the start
    m_time.play();
  } else {
    m_time.pause();
  }
  m_play->setText(isPlaying() ? tr("Pause") : tr("Play"));
}

void ConsentReviewWindow::setSpeed(double speed) {
  m_time.setSpeed(std::clamp(speed, 0.25, 8.0)); // frames not decoded in time are skipped
}

void ConsentReviewWindow::markIn() {
  if (!m_presenter)
    return;
  m_in = m_presenter->engine().ptsNs(currentFrame());
  m_markLabel->setText(tr("from frame %1").arg(currentFrame()));
}

void ConsentReviewWindow::markOut() {
  if (!m_presenter)
    return;
  // End is exclusive: include the marked frame.
  const auto &video = m_presenter->engine();
  const std::int64_t f = currentFrame();
  m_out = f + 1 < video.frameCount() ? video.ptsNs(f + 1) : video.timeRange().end;
  m_markLabel->setText(m_markLabel->text() + tr(" to frame %1").arg(f));
}

bool ConsentReviewWindow::removeMarkedPart(const QString &reason) {
  if (!m_store || !m_in || !m_out || *m_out <= *m_in)
    return false;
  project::Redaction r;
  r.recordingId = m_currentId;
  r.startNs = *m_in;
  r.endNs = *m_out;
  r.reason = reason.toStdString();
  r.author = m_workerId;
  auto added = m_store->addRedaction(r);
  if (!added) {
    fail(QString::fromStdString(added.error()));
    return false;
  }
  m_in.reset();
  m_out.reset();
  m_markLabel->clear();
  reloadRedactions();
  refreshSummary();
  emit redactionsChanged();
  return true;
}

bool ConsentReviewWindow::blurBox(const QRectF &box, const QString &reason) {
  if (!m_store || !m_presenter || box.isEmpty() || isTracking())
    return false;
  const auto &video = m_presenter->engine();
  const std::int64_t n = video.frameCount();
  // Over the marked part if there is one, else the whole recording; the box was drawn on this frame.
  const std::int64_t first = m_in ? std::max<std::int64_t>(0, video.indexAt(*m_in)) : 0;
  const std::int64_t last = m_out ? std::max<std::int64_t>(first, video.indexAt(*m_out - 1)) : n - 1;
  const std::int64_t drawn = std::clamp(currentFrame(), first, last);
  const Timestamp end = last + 1 < n ? video.ptsNs(last + 1) : video.timeRange().end;
  const project::RedactionBox start{box.x(), box.y(), box.width(), box.height()};
  auto result = std::make_shared<std::optional<Result<consent::BoxTrackResult>>>();
  const auto ref = m_videoRef;
  const project::Id recordingId = m_currentId;
  const std::string why = reason.toStdString();
  m_trackJob = std::make_unique<BackgroundJob>(
      [result, ref, first, last, drawn, start](const std::function<bool(double)> &progress) {
        auto video = ref.openVideo();
        if (!video) {
          *result = Result<consent::BoxTrackResult>::failure(video.error());
          return;
        }
        *result = consent::trackBox(**video, first, last, drawn, start, progress);
      },
      [this, result, recordingId, end, why](bool cancelled) {
        bool stored = false;
        if (!cancelled && result->has_value() && (*result)->ok() && !(**result)->cancelled) {
          project::Redaction r = consent::boxTrackRedaction(recordingId, ***result, end, why);
          r.author = m_workerId;
          if (auto added = m_store->addRedaction(r); added) {
            stored = true;
            m_in.reset();
            m_out.reset();
            m_markLabel->clear();
            m_view->clearSelection();
            reloadRedactions();
            refreshSummary();
            emit redactionsChanged();
          } else {
            fail(QString::fromStdString(added.error()));
          }
        } else if (result->has_value() && !(*result)->ok()) {
          fail(QString::fromStdString((*result)->error()));
        }
        emit trackingFinished(stored);
      });
  m_trackJob->start();
  return true;
}

bool ConsentReviewWindow::isTracking() const {
  return m_trackJob && m_trackJob->isRunning();
}

void ConsentReviewWindow::cancelTracking() {
  if (m_trackJob)
    m_trackJob->cancel();
}

bool ConsentReviewWindow::recordConsent(const QStringList &scopes, const QString &fullName) {
  if (!m_store)
    return false;
  std::vector<std::string> uses;
  for (const auto &s : scopes)
    uses.push_back(s.toStdString());
  auto e = consent::grantConsent(*m_store, m_workerId, 0, uses, fullName.trimmed().toStdString());
  if (!e) {
    m_error = uses.empty()                   ? tr("Choose at least one use.")
              : fullName.trimmed().isEmpty() ? tr("Type your full name to sign.")
                                             : QString::fromStdString(e.error());
    return false;
  }
  refreshSummary();
  return true;
}

bool ConsentReviewWindow::withdrawConsent(const QString &fullName) {
  if (!m_store)
    return false;
  if (fullName.trimmed().isEmpty()) {
    m_error = tr("Type your full name to sign.");
    return false;
  }
  auto e = consent::withdrawConsent(*m_store, m_workerId, 0, {}, fullName.trimmed().toStdString());
  if (!e) {
    m_error = QString::fromStdString(e.error());
    return false;
  }
  refreshSummary();
  return true;
}

void ConsentReviewWindow::refreshSummary() {
  if (!m_store)
    return;
  consent::TransparencyReportOptions o;
  o.thumbnails = false; // the review page shows the pictures
  auto content = consent::buildTransparencyReport(*m_store, m_workerId, o);
  if (!content) {
    m_summary->setPlainText(QString::fromStdString(content.error()));
    return;
  }
  m_summary->setHtml(content->html);
  auto rows = consent::recordingConsent(*m_store, m_workerId);
  if (rows && !rows->empty()) {
    const auto &c = rows->front();
    m_consentState->setText(c.state == "granted"     ? tr("Consent given.")
                            : c.state == "withdrawn" ? tr("Consent withdrawn: nothing new will be exported.")
                                                     : tr("No consent yet: your recordings cannot be exported."));
  }
}

QString ConsentReviewWindow::summaryText() const {
  return m_summary->toPlainText();
}

int runConsentReview(const QString &projectPath, const QString &workerId) {
  ConsentReviewWindow w(projectPath, workerId);
  if (!w.isOpen()) {
    QMessageBox::critical(nullptr, QObject::tr("Consent review"), w.errorText());
    return 1;
  }
  w.resize(1280, 800);
  w.show();
  return QApplication::exec();
}

void openConsentReviewFromMenu(QWidget *parent, const QString &projectPath, std::function<void()> onClosed) {
  // Every early return hands control back (the caller may have closed its project for us).
  auto finished = std::make_shared<std::function<void()>>(std::move(onClosed));
  auto done = [finished] {
    if (*finished)
      (*finished)();
  };
  const QString path = !projectPath.isEmpty()
                           ? projectPath
                           : QFileDialog::getOpenFileName(parent, QObject::tr("Consent review: choose the project"), {},
                                                          QObject::tr("Tacit projects (*.tacit)"));
  if (path.isEmpty())
    return done();
  project::ProjectOpenOptions oo;
  oo.readOnly = true;
  auto store = project::ProjectStore::open(path.toStdString(), oo);
  if (!store) {
    QMessageBox::warning(parent, QObject::tr("Consent review"), QString::fromStdString(store.error()));
    return done();
  }
  QStringList workers;
  if (auto recs = (*store)->recordings(); recs)
    for (const auto &r : *recs)
      if (!r.workerId.empty() && !workers.contains(QString::fromStdString(r.workerId)))
        workers << QString::fromStdString(r.workerId);
  store->reset(); // the review window opens it for writing
  if (workers.isEmpty()) {
    QMessageBox::information(parent, QObject::tr("Consent review"),
                             QObject::tr("No recording in this project names a worker."));
    return done();
  }
  bool ok = false;
  const QString worker = QInputDialog::getItem(parent, QObject::tr("Consent review"),
                                               QObject::tr("Whose recordings are reviewed?"), workers, 0, false, &ok);
  if (!ok)
    return done();
  auto *w = new ConsentReviewWindow(path, worker);
  if (!w->isOpen()) {
    QMessageBox::warning(parent, QObject::tr("Consent review"), w->errorText());
    delete w;
    return done();
  }
  w->setAttribute(Qt::WA_DeleteOnClose);
  QObject::connect(w, &QObject::destroyed, parent, done);
  w->setWindowModality(Qt::ApplicationModal); // locked: the operator view waits until the worker is done
  w->resize(1280, 800);
  w->show();
}

} // namespace tacit
