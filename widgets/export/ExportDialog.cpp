#include "widgets/export/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "core/export/ExportStaging.h"
#include "core/media/RecordingTimeBaseReader.h"
#include "core/project/ProjectSession.h"
#include "core/util/Job.h"
#include "core/export/GateExplain.h"
#include "core/util/Logging.h"
#include "widgets/export/ExportCandidateModel.h"

namespace tacit {

namespace {
constexpr int kProgressSteps = 1000;
constexpr int kNoFlagLimit = 5; // "never": flags do not exclude
const char *kSeverityKey = "export/excludeSeverity";

// "≥ 3" style values; the top value reads "never" (flags are ignored).
class SeveritySpinBox : public QSpinBox {
public:
  using QSpinBox::QSpinBox;

protected:
  QString textFromValue(int v) const override {
    return v >= kNoFlagLimit ? ExportDialog::tr("never (keep flagged episodes)") : QString::number(v);
  }
  int valueFromText(const QString &text) const override {
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok ? v : kNoFlagLimit;
  }
  QValidator::State validate(QString &, int &) const override { return QValidator::Acceptable; }
};

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent) {
  auto *l = new QLabel(text, parent); // with a buddy the "&" is a mnemonic, not a literal
  l->setBuddy(buddy);
  return l;
}
} // namespace

ExportDialog::ExportDialog(const QString &projectPath, project::ProjectSession *session, QWidget *parent)
    : QDialog(parent), m_projectPath(projectPath), m_session(session) {
  setObjectName(QStringLiteral("ExportDialog"));
  setWindowTitle(tr("Export Episodes — %1").arg(QFileInfo(projectPath).fileName()));
  buildUi();
  if (!m_session) {
    auto opened = project::ProjectSession::open(projectPath.toStdString());
    if (opened) {
      m_ownSession = opened.takeValue();
      m_session = m_ownSession.get();
    } else {
      showMessage(QString::fromStdString(opened.error()), true);
    }
  }
  if (m_session) {
    QFileInfo fi(projectPath);
    m_out->setText(fi.absoluteDir().filePath(fi.completeBaseName() + QStringLiteral("-export")));
    refresh();
  }
  updateButtons();
}

ExportDialog::~ExportDialog() {
  delete m_job; // cancels and waits; the runner removes its staging folder before it returns
}

void ExportDialog::buildUi() {
  m_format = new QComboBox(this);
  m_format->setObjectName(QStringLiteral("format"));
  for (auto f : {exporting::ExportFormat::RobomimicHdf5, exporting::ExportFormat::LeRobotV21,
                 exporting::ExportFormat::LeRobotV30})
    m_format->addItem(QString::fromUtf8(exporting::exportFormatName(f)), static_cast<int>(f));
  m_out = new QLineEdit(this);
  m_out->setObjectName(QStringLiteral("output"));
  m_browse = new QPushButton(tr("Browse…"), this);
  auto *outRow = new QHBoxLayout;
  outRow->addWidget(m_out, 1);
  outRow->addWidget(m_browse);
  m_labels = new QLineEdit(QStringLiteral("task"), this);
  m_labels->setObjectName(QStringLiteral("labels"));
  m_labels->setToolTip(tr("Comma-separated track names, label names or label paths"));
  m_maxSeverity = new SeveritySpinBox(this);
  m_maxSeverity->setObjectName(QStringLiteral("maxSeverity"));
  m_maxSeverity->setRange(1, kNoFlagLimit);
  m_maxSeverity->setPrefix(QStringLiteral("≥ "));
  m_maxSeverity->setValue(QSettings().value(QString::fromLatin1(kSeverityKey), 3).toInt());
  m_maxSeverity->setToolTip(tr("Episodes overlapping a flag of this severity or higher are left out "
                               "(1 minor … 4 unusable)"));
  m_height = new QSpinBox(this);
  m_width = new QSpinBox(this);
  m_height->setObjectName(QStringLiteral("height"));
  m_width->setObjectName(QStringLiteral("width"));
  for (QSpinBox *s : {m_height, m_width}) {
    s->setRange(16, 4096);
    s->setSingleStep(2);
  }
  m_height->setValue(480);
  m_width->setValue(640);
  auto *sizeRow = new QHBoxLayout;
  sizeRow->addWidget(m_height);
  sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
  sizeRow->addWidget(m_width);
  sizeRow->addStretch(1);
  m_fps = new QSpinBox(this);
  m_fps->setObjectName(QStringLiteral("fps"));
  m_fps->setRange(0, 1000);
  m_fps->setSpecialValueText(tr("source rate"));
  m_force = new QCheckBox(tr("Replace a non-empty output folder"), this);
  m_force->setObjectName(QStringLiteral("force"));

  auto *form = new QFormLayout;
  form->addRow(buddyLabel(tr("&Format:"), m_format, this), m_format);
  form->addRow(buddyLabel(tr("&Output folder:"), m_out, this), outRow);
  form->addRow(buddyLabel(tr("&Labels / tracks:"), m_labels, this), m_labels);
  form->addRow(buddyLabel(tr("Exclude flags of &severity:"), m_maxSeverity, this), m_maxSeverity);
  form->addRow(buddyLabel(tr("Image &size (H × W):"), m_height, this), sizeRow);
  form->addRow(buddyLabel(tr("F&rame rate:"), m_fps, this), m_fps);
  form->addRow(QString(), m_force);

  m_model = new ExportCandidateModel(this);
  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("candidates"));
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setWordWrap(true); // reasons are shown whole, never cut off
  m_summary = new QLabel(this);
  m_details = new QLabel(this);
  m_details->setObjectName(QStringLiteral("details"));
  m_details->setWordWrap(true);
  m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_fixBar = new QWidget(this);
  m_fixBar->setObjectName(QStringLiteral("fixBar"));
  m_fixLayout = new QHBoxLayout(m_fixBar);
  m_fixLayout->setContentsMargins(0, 0, 0, 0);
  m_summary->setObjectName(QStringLiteral("summary"));
  m_summary->setWordWrap(true);
  m_message = new QLabel(this);
  m_message->setObjectName(QStringLiteral("message"));
  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("progress"));
  m_progress->setRange(0, kProgressSteps);
  m_progress->setValue(0);

  auto *buttons = new QDialogButtonBox(this);
  m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
  m_exportButton->setObjectName(QStringLiteral("exportButton"));
  m_cancelButton = buttons->addButton(tr("&Cancel Export"), QDialogButtonBox::ActionRole);
  m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
  m_openFolderButton = buttons->addButton(tr("Open &Folder"), QDialogButtonBox::ActionRole);
  m_openFolderButton->setObjectName(QStringLiteral("openFolderButton"));
  m_openFolderButton->hide();
  m_closeButton = buttons->addButton(QDialogButtonBox::Close);
  m_exportButton->setDefault(true);

  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(new QLabel(tr("Candidates (dry run):"), this));
  layout->addWidget(m_table, 1);
  layout->addWidget(m_summary);
  layout->addWidget(m_details);
  layout->addWidget(m_fixBar);
  layout->addWidget(m_message);
  layout->addWidget(m_progress);
  layout->addWidget(buttons);
  resize(1100, 700);

  connect(m_exportButton, &QPushButton::clicked, this, [this] { startExport(); });
  connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
  connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
  connect(m_openFolderButton, &QPushButton::clicked, this,
          [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_writtenFolder)); });
  connect(m_browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Into Folder"), m_out->text());
    if (!dir.isEmpty())
      m_out->setText(dir);
  });
  connect(m_labels, &QLineEdit::textChanged, this, &ExportDialog::reevaluate);
  connect(m_maxSeverity, &QSpinBox::valueChanged, this, [this](int v) {
    QSettings().setValue(QString::fromLatin1(kSeverityKey), v); // Approve warns with the same threshold
    reevaluate();
  });
  connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::reevaluate);
  connect(m_out, &QLineEdit::textChanged, this, &ExportDialog::reevaluate);
  connect(m_force, &QCheckBox::toggled, this, &ExportDialog::reevaluate);
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ExportDialog::updateFixes);
}

exporting::ExportOptions ExportDialog::options() const {
  exporting::ExportOptions o;
  o.format = static_cast<exporting::ExportFormat>(m_format->currentData().toInt());
  o.out = m_out->text().trimmed().toStdString();
  o.gate.labels.clear();
  for (const QString &l : m_labels->text().split(',', Qt::SkipEmptyParts))
    if (!l.trimmed().isEmpty())
      o.gate.labels.push_back(l.trimmed().toStdString());
  o.gate.maxSeverity = m_maxSeverity->value();
  o.gate.exportedStreams = exporting::exportedStreams(o.format); // which removals cut (runExport does the same)
  o.height = m_height->value();
  o.width = m_width->value();
  o.fps = m_fps->value();
  o.force = m_force->isChecked();
  o.command = "tacit export dialog: " + m_projectPath.toStdString() + " --format " + exportFormatName(o.format) +
              " --out " + o.out.string();
  return o;
}

QString ExportDialog::messageText() const {
  return m_message->text();
}

void ExportDialog::showMessage(const QString &text, bool error) {
  m_message->setText(text);
  m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

const RecordingTimeBase &ExportDialog::timeBaseOf(exporting::GateId recordingId) {
  auto it = m_timeBases.find(recordingId);
  if (it != m_timeBases.end())
    return it->second;
  RecordingTimeBase base;
  if (auto folder = m_snapshot->folders.find(recordingId); folder != m_snapshot->folders.end())
    if (auto read = media::readRecordingTimeBase(folder->second); read.ok())
      base = read.takeValue();
  return m_timeBases[recordingId] = std::move(base);
}

void ExportDialog::refresh() {
  if (!m_session)
    return;
  auto snap = exporting::snapshotProject(m_session->store());
  if (!snap) {
    m_snapshot.reset();
    showMessage(QString::fromStdString(snap.error()), true);
    updateButtons();
    return;
  }
  m_snapshot = snap.takeValue();
  reevaluate();
}

void ExportDialog::reevaluate() {
  if (!m_snapshot || isRunning())
    return;
  const exporting::ExportOptions o = options();
  std::map<exporting::GateId, QString> names;
  for (const auto &r : m_snapshot->recordings) {
    QString name = QFileInfo(QString::fromStdString(r.relativePath)).fileName();
    if (!r.task.empty())
      name += QStringLiteral(" · ") + QString::fromStdString(r.task);
    names[r.id] = name;
    timeBaseOf(r.id);
  }
  const exporting::GateResult gate = exporting::evaluateGate(m_snapshot->input, o.gate);
  m_model->setResult(gate, names, m_timeBases);
  m_table->resizeColumnsToContents();
  m_table->resizeRowsToContents();
  QString summary = tr("%1 of %2 candidate(s) pass the gate → %3 episode(s)")
                        .arg(m_model->includedCount())
                        .arg(m_model->rowCount())
                        .arg(m_model->episodeCount());
  // Nothing to export: say why and what to do, as tacit-cli export --dry-run does (GateExplain.h).
  for (const auto &line : exporting::explainNoEpisodes(m_snapshot->input, o.gate, gate))
    summary += QStringLiteral("\n") + QString::fromStdString(line);
  m_summary->setText(summary);
  m_destinationOk = false;
  if (o.gate.labels.empty()) {
    showMessage(tr("Enter at least one label or track name."), true);
  } else if (o.out.empty()) {
    showMessage(tr("Choose an output folder."), true);
  } else if (Status s = exporting::ExportStaging::check(o.out, o.force, exporting::exportProtectedFolders(*m_snapshot));
             !s) {
    showMessage(QString::fromStdString(s.error()), true);
  } else {
    m_destinationOk = true;
    showMessage(m_snapshot->readOnly ? QString::fromStdString(m_snapshot->readOnlyReason) +
                                           tr(" — the export will not be recorded in the project.")
                                     : QString(),
                false);
  }
  updateFixes();
  updateButtons();
}

std::vector<ExportFix> ExportDialog::fixesFor(int row) const {
  if (!m_snapshot || row < 0 || row >= m_model->rowCount())
    return {};
  return exportFixes(m_snapshot->input, options().gate, m_model->candidate(row));
}

void ExportDialog::requestFix(const ExportFix &fix) {
  m_requestedFix = fix;
  QDialog::accept();
}

void ExportDialog::updateFixes() {
  while (QLayoutItem *item = m_fixLayout->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  const int row = rows.isEmpty() ? -1 : rows.first().row();
  m_details->setText(row < 0 ? tr("Select a candidate to see why it is left out and how to fix it.")
                             : m_model->reasonText(row));
  // The fixes need the project in the application (the window leads there); not in a dialog of its own.
  for (const ExportFix &fix : fixesFor(row)) {
    auto *b = new QPushButton(fix.text, m_fixBar);
    b->setObjectName(QStringLiteral("fix:%1").arg(static_cast<int>(fix.kind)));
    b->setEnabled(!m_ownSession && !isRunning());
    connect(b, &QPushButton::clicked, this, [this, fix] { requestFix(fix); });
    m_fixLayout->addWidget(b);
  }
  m_fixLayout->addStretch(1);
}

void ExportDialog::updateButtons() {
  const bool running = isRunning();
  m_exportButton->setEnabled(!running && m_snapshot && m_destinationOk && m_model->episodeCount() > 0);
  m_cancelButton->setEnabled(running);
  for (QWidget *w : std::initializer_list<QWidget *>{m_format, m_out, m_browse, m_labels, m_maxSeverity, m_height,
                                                     m_width, m_fps, m_force})
    w->setEnabled(!running && m_session);
}

bool ExportDialog::startExport() {
  if (isRunning() || !m_session)
    return false;
  refresh(); // a fresh snapshot: labels or reviews may have changed since the dialog opened
  if (!m_exportButton->isEnabled())
    return false;
  const exporting::ExportOptions o = options();
  auto snapshot = std::make_shared<exporting::ProjectSnapshot>(*m_snapshot);
  m_progress->setValue(0);
  m_lastReport.reset();
  m_openFolderButton->hide();
  showMessage(tr("Exporting to %1…").arg(QString::fromStdString(o.out.string())), false);
  auto probe = m_probe;
  m_job = startJob<exporting::ExportReport>(
      this, tr("Export"),
      [snapshot, o, probe](JobContext &ctx) {
        return exporting::runExport(*snapshot, o, [&ctx, &probe](double fraction) {
          if (probe)
            probe(fraction);
          return ctx.progress(fraction);
        });
      },
      [this, o](Result<exporting::ExportReport> &result) { finishExport(result, o); });
  connect(m_job, &Job::progressChanged, this,
          [this](double f, const QString &) { m_progress->setValue(static_cast<int>(f * kProgressSteps)); });
  connect(m_job, &Job::finished, this, [this](Job::State state) {
    if (state != Job::State::Cancelled)
      return;
    m_job = nullptr;
    m_progress->setValue(0);
    refresh();
    showMessage(tr("export cancelled: nothing was written"), true);
    updateButtons();
    emit exportFinished(false, messageText());
  });
  updateButtons();
  return true;
}

void ExportDialog::cancelExport() {
  if (!isRunning())
    return;
  m_job->cancel();
  m_cancelButton->setEnabled(false);
  showMessage(tr("Cancelling…"), false);
}

void ExportDialog::finishExport(Result<exporting::ExportReport> &result, const exporting::ExportOptions &o) {
  m_job = nullptr; // it deletes itself after this
  QString message;
  const bool ok = result.ok();
  if (ok) {
    exporting::ExportReport &report = *result;
    exporting::recordExport(m_session->store(), o, report);
    std::int64_t frames = 0;
    for (const auto &e : report.episodes)
      frames += e.frames;
    m_progress->setValue(kProgressSteps);
    m_writtenFolder = QString::fromStdString(std::filesystem::absolute(o.out).lexically_normal().string());
    message = tr("Exported %1 episode(s), %2 frames to %3 in %4 s.")
                  .arg(report.episodes.size())
                  .arg(frames)
                  .arg(m_writtenFolder)
                  .arg(report.seconds, 0, 'f', 1);
    for (const auto &w : report.warnings)
      message += QStringLiteral("\n") + tr("Warning: %1").arg(QString::fromStdString(w));
    m_lastReport = std::move(report);
    m_openFolderButton->show();
    logging::get("tacit.export")->info("{}", message.toStdString());
  } else {
    m_progress->setValue(0);
    message = QString::fromStdString(result.error());
    logging::get("tacit.export")->warn("{}", result.error());
  }
  refresh(); // the destination is now non-empty, reviews may have changed
  showMessage(message, !ok);
  updateButtons();
  emit exportFinished(ok, message);
}

void ExportDialog::reject() {
  if (isRunning()) {
    cancelExport(); // stays open so the user sees that nothing was written
    return;
  }
  QDialog::reject();
}

} // namespace tacit
