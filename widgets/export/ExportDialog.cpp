#include "widgets/export/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "core/export/ExportStaging.h"
#include "core/util/Logging.h"
#include "widgets/export/ExportCandidateModel.h"

namespace tacit {

namespace {
constexpr int kPollMs = 50;
constexpr int kProgressSteps = 1000;
} // namespace

ExportDialog::ExportDialog(const QString &projectPath, project::ProjectStore *store, QWidget *parent)
    : QDialog(parent), m_projectPath(projectPath), m_store(store) {
  setObjectName(QStringLiteral("ExportDialog"));
  setWindowTitle(tr("Export Episodes — %1").arg(QFileInfo(projectPath).fileName()));
  buildUi();
  if (!m_store) {
    auto opened = project::ProjectStore::open(projectPath.toStdString());
    if (opened) {
      m_ownStore = opened.takeValue();
      m_store = m_ownStore.get();
    } else {
      showMessage(QString::fromStdString(opened.error()), true);
    }
  }
  if (m_store) {
    QFileInfo fi(projectPath);
    m_out->setText(fi.absoluteDir().filePath(fi.completeBaseName() + QStringLiteral("-export")));
    refresh();
  }
  updateButtons();
}

ExportDialog::~ExportDialog() {
  if (m_worker.joinable()) {
    m_cancel = true;
    m_worker.join(); // the staging folder is removed by the runner before it returns
  }
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
  m_maxSeverity = new QSpinBox(this);
  m_maxSeverity->setObjectName(QStringLiteral("maxSeverity"));
  m_maxSeverity->setRange(1, 5);
  m_maxSeverity->setValue(3);
  m_maxSeverity->setToolTip(
      tr("Episodes overlapping a flag of this severity or higher are excluded (5 ignores flags)"));
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
  form->addRow(tr("&Format:"), m_format);
  form->addRow(tr("&Output folder:"), outRow);
  form->addRow(tr("&Labels / tracks:"), m_labels);
  form->addRow(tr("&Max flag severity:"), m_maxSeverity);
  form->addRow(tr("Image &size (H × W):"), sizeRow);
  form->addRow(tr("&Frame rate:"), m_fps);
  form->addRow(QString(), m_force);

  m_model = new ExportCandidateModel(this);
  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("candidates"));
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setWordWrap(false);
  m_summary = new QLabel(this);
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
  m_closeButton = buttons->addButton(QDialogButtonBox::Close);
  m_exportButton->setDefault(true);

  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(new QLabel(tr("Candidates (dry run):"), this));
  layout->addWidget(m_table, 1);
  layout->addWidget(m_summary);
  layout->addWidget(m_message);
  layout->addWidget(m_progress);
  layout->addWidget(buttons);
  resize(960, 640);

  m_poll = new QTimer(this);
  m_poll->setInterval(kPollMs);
  connect(m_poll, &QTimer::timeout, this, &ExportDialog::pollProgress);
  connect(m_exportButton, &QPushButton::clicked, this, [this] { startExport(); });
  connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
  connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
  connect(m_browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Into Folder"), m_out->text());
    if (!dir.isEmpty())
      m_out->setText(dir);
  });
  connect(m_labels, &QLineEdit::textChanged, this, &ExportDialog::reevaluate);
  connect(m_maxSeverity, &QSpinBox::valueChanged, this, &ExportDialog::reevaluate);
  connect(m_out, &QLineEdit::textChanged, this, &ExportDialog::reevaluate);
  connect(m_force, &QCheckBox::toggled, this, &ExportDialog::reevaluate);
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

void ExportDialog::refresh() {
  if (!m_store)
    return;
  auto snap = exporting::snapshotProject(*m_store);
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
    QString name = QString::fromStdString(r.uuid.substr(0, 8));
    if (!r.task.empty())
      name += QStringLiteral(" · ") + QString::fromStdString(r.task);
    names[r.id] = name;
  }
  m_model->setResult(exporting::evaluateGate(m_snapshot->input, o.gate), names);
  m_table->resizeColumnsToContents();
  m_summary->setText(tr("%1 of %2 candidate(s) pass the gate → %3 episode(s)")
                         .arg(m_model->includedCount())
                         .arg(m_model->rowCount())
                         .arg(m_model->episodeCount()));
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
  updateButtons();
}

void ExportDialog::updateButtons() {
  const bool running = isRunning();
  m_exportButton->setEnabled(!running && m_snapshot && m_destinationOk && m_model->episodeCount() > 0);
  m_cancelButton->setEnabled(running);
  for (QWidget *w : std::initializer_list<QWidget *>{m_format, m_out, m_browse, m_labels, m_maxSeverity, m_height,
                                                     m_width, m_fps, m_force})
    w->setEnabled(!running && m_store);
}

bool ExportDialog::startExport() {
  if (isRunning() || !m_store)
    return false;
  refresh(); // a fresh snapshot: labels or reviews may have changed since the dialog opened
  if (!m_exportButton->isEnabled())
    return false;
  const exporting::ExportOptions o = options();
  auto snapshot = std::make_shared<exporting::ProjectSnapshot>(*m_snapshot);
  m_cancel = false;
  m_fraction = 0.0;
  m_progress->setValue(0);
  m_lastReport.reset();
  showMessage(tr("Exporting to %1…").arg(QString::fromStdString(o.out.string())), false);
  m_worker = std::thread([this, snapshot, o] {
    auto result =
        std::make_shared<Result<exporting::ExportReport>>(exporting::runExport(*snapshot, o, [this](double fraction) {
          m_fraction = fraction;
          if (m_probe)
            m_probe(fraction);
          return !m_cancel.load();
        }));
    QMetaObject::invokeMethod(
        this, [this, result, o] { finishExport(result, o); }, Qt::QueuedConnection);
  });
  m_poll->start();
  updateButtons();
  return true;
}

void ExportDialog::cancelExport() {
  if (!isRunning())
    return;
  m_cancel = true;
  m_cancelButton->setEnabled(false);
  showMessage(tr("Cancelling…"), false);
}

void ExportDialog::pollProgress() {
  m_progress->setValue(static_cast<int>(m_fraction.load() * kProgressSteps));
}

void ExportDialog::finishExport(std::shared_ptr<Result<exporting::ExportReport>> result, exporting::ExportOptions o) {
  if (m_worker.joinable())
    m_worker.join(); // it posted this as its last act
  m_poll->stop();
  QString message;
  const bool ok = result->ok();
  if (ok) {
    exporting::ExportReport &report = **result;
    exporting::recordExport(*m_store, o, report);
    std::int64_t frames = 0;
    for (const auto &e : report.episodes)
      frames += e.frames;
    m_progress->setValue(kProgressSteps);
    message = tr("Exported %1 episode(s), %2 frames to %3 in %4 s.")
                  .arg(report.episodes.size())
                  .arg(frames)
                  .arg(QString::fromStdString(std::filesystem::absolute(o.out).lexically_normal().string()))
                  .arg(report.seconds, 0, 'f', 1);
    for (const auto &w : report.warnings)
      message += QStringLiteral("\n") + tr("Warning: %1").arg(QString::fromStdString(w));
    m_lastReport = std::move(report);
    logging::get("tacit.export")->info("{}", message.toStdString());
  } else {
    m_progress->setValue(0);
    message = QString::fromStdString(result->error());
    logging::get("tacit.export")->warn("{}", result->error());
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
