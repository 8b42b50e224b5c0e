#include "widgets/consent/ConsentReviewWindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
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

#include "core/consent/ConsentLedger.h"
#include "core/consent/FaceBlur.h"
#include "core/consent/TransparencyReport.h"
#include "core/recording/RecordingReader.h"
#include "widgets/consent/FrameBoxView.h"

namespace tacit {

namespace {
constexpr int kStripThumbs = 8;
constexpr int kTickMs = 40;
} // namespace

ConsentReviewWindow::ConsentReviewWindow(const QString &projectPath, const QString &workerId, QWidget *parent)
    : QWidget(parent), m_workerId(workerId.toStdString()) {
  setWindowTitle(tr("Review your recordings"));
  auto store = project::ProjectStore::open(projectPath.toStdString());
  buildUi();
  if (!store) {
    fail(QString::fromStdString(store.error()));
    return;
  }
  m_store = store.takeValue();
  loadRecordings();
  refreshSummary();
}

ConsentReviewWindow::~ConsentReviewWindow() = default;

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

  m_timer = new QTimer(this);
  m_timer->setInterval(kTickMs);
  connect(m_timer, &QTimer::timeout, this, &ConsentReviewWindow::tick);
  connect(m_play, &QPushButton::clicked, this, [this] {
    if (m_timer->isActive())
      m_timer->stop();
    else
      m_timer->start();
    m_play->setText(m_timer->isActive() ? tr("Pause") : tr("Play"));
  });
  connect(m_speedBox, &QComboBox::currentIndexChanged, this,
          [this](int i) { m_speed = m_speedBox->itemData(i).toDouble(); });
  connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
    if (v != m_frame)
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
  if (rec.id == m_currentId && m_video)
    return true;
  m_currentId = rec.id;
  m_video.reset();
  m_in.reset();
  m_out.reset();
  m_markLabel->clear();
  m_strip->clear();
  auto manifest = RecordingReader::read(m_store->absoluteFolder(rec));
  if (!manifest) {
    fail(QString::fromStdString(manifest.error()));
    return false;
  }
  for (const auto &s : manifest->streams)
    if (s.kind == StreamKind::Video) {
      media::VideoSource::Options o;
      o.timeOffsetNs = s.timeOffsetNs;
      auto v = media::VideoSource::open(manifest->folder / s.path, o);
      if (!v) {
        fail(QString::fromStdString(v.error()));
        return false;
      }
      m_video = v.takeValue();
      break;
    }
  if (!m_video || m_video->frameCount() == 0)
    return false;
  const std::int64_t n = m_video->frameCount();
  m_slider->setRange(0, static_cast<int>(n - 1));
  auto reds = m_store->redactions(rec.id);
  for (int k = 0; k < kStripThumbs; ++k) {
    const std::int64_t f = (n - 1) * k / std::max(1, kStripThumbs - 1);
    auto frame = m_video->frame(f);
    if (!frame)
      continue;
    QImage img = frame->image().copy();
    if (reds)
      img = consent::blurBoxes(img, consent::boxesAt(*reds, frame->ptsNs));
    auto *item = new QListWidgetItem(
        QIcon(QPixmap::fromImage(img.scaledToWidth(128))),
        QString::number(static_cast<double>(frame->ptsNs - m_video->timeRange().begin) / 1e9, 'f', 1) + tr(" s"));
    item->setData(Qt::UserRole, static_cast<qlonglong>(f));
    m_strip->addItem(item);
  }
  showFrame(0);
  return true;
}

void ConsentReviewWindow::showFrame(std::int64_t frame) {
  if (!m_video)
    return;
  frame = std::clamp<std::int64_t>(frame, 0, m_video->frameCount() - 1);
  auto f = m_video->frame(frame);
  if (!f)
    return;
  m_frame = frame;
  QImage img = f->image().copy();
  if (auto reds = m_store->redactions(m_currentId); reds)
    img = consent::blurBoxes(img, consent::boxesAt(*reds, f->ptsNs));
  m_view->setImage(img);
  const QSignalBlocker block(m_slider);
  m_slider->setValue(static_cast<int>(frame));
}

bool ConsentReviewWindow::seekFrame(std::int64_t frame) {
  if (!m_video)
    return false;
  showFrame(frame);
  return m_frame == frame;
}

void ConsentReviewWindow::setSpeed(double speed) {
  m_speed = std::clamp(speed, 0.25, 8.0);
}

void ConsentReviewWindow::tick() {
  if (!m_video)
    return;
  // Advance by wall time x speed; at 8x frames are skipped rather than decoded late.
  const Timestamp now = m_video->ptsNs(m_frame);
  const Timestamp target = now + static_cast<Timestamp>(kTickMs * 1e6 * m_speed);
  const std::int64_t next = std::max<std::int64_t>(m_frame + 1, m_video->indexAt(target));
  if (next >= m_video->frameCount()) {
    m_timer->stop();
    m_play->setText(tr("Play"));
    return;
  }
  showFrame(next);
}

void ConsentReviewWindow::markIn() {
  if (!m_video)
    return;
  m_in = m_video->ptsNs(m_frame);
  m_markLabel->setText(tr("from frame %1").arg(m_frame));
}

void ConsentReviewWindow::markOut() {
  if (!m_video)
    return;
  // End is exclusive: include the marked frame.
  m_out = m_frame + 1 < m_video->frameCount() ? m_video->ptsNs(m_frame + 1) : m_video->timeRange().end;
  m_markLabel->setText(m_markLabel->text() + tr(" to frame %1").arg(m_frame));
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
  refreshSummary();
  emit redactionsChanged();
  return true;
}

bool ConsentReviewWindow::blurBox(const QRectF &box, const QString &reason) {
  if (!m_store || !m_video || box.isEmpty())
    return false;
  project::Redaction r;
  r.recordingId = m_currentId;
  // Over the marked part if there is one, else the whole recording (the worker cannot track a box).
  r.startNs = m_in.value_or(m_video->timeRange().begin);
  r.endNs = m_out.value_or(m_video->timeRange().end);
  if (r.endNs <= r.startNs)
    return false;
  r.streams = {"video"};
  r.boxes.push_back({box.x(), box.y(), box.width(), box.height()});
  r.reason = reason.toStdString();
  r.author = m_workerId;
  auto added = m_store->addRedaction(r);
  if (!added) {
    fail(QString::fromStdString(added.error()));
    return false;
  }
  m_view->clearSelection();
  showFrame(m_frame);
  refreshSummary();
  emit redactionsChanged();
  return true;
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

} // namespace tacit
