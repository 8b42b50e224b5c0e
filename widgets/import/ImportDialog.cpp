#include "widgets/import/ImportDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/util/Job.h"
#include "core/util/Logging.h"
#include "widgets/import/AriaImportForm.h"
#include "widgets/import/EgoDexImportForm.h"
#include "widgets/import/PathField.h"
#include "widgets/import/VideoImportForm.h"

namespace tacit {

ImportDialog::ImportDialog(QWidget *parent) : QDialog(parent) {
  setObjectName(QStringLiteral("ImportDialog"));
  setWindowTitle(tr("Import Recording"));
  resize(720, 560);
  auto *layout = new QVBoxLayout(this);
  m_tabs = new QTabWidget(this);
  m_aria = new AriaImportForm(m_tabs);
  m_egoDex = new EgoDexImportForm(m_tabs);
  m_video = new VideoImportForm(m_tabs);
  for (ImportForm *f :
       {static_cast<ImportForm *>(m_aria), static_cast<ImportForm *>(m_egoDex), static_cast<ImportForm *>(m_video)}) {
    m_tabs->addTab(f, f->title());
    // Editing a field clears the previous problems (they may no longer apply).
    connect(f, &ImportForm::changed, this, [this] {
      if (!isRunning())
        showMessage(QString(), false);
    });
  }
  layout->addWidget(m_tabs, 1);

  m_message = new QLabel(this);
  m_message->setObjectName(QStringLiteral("message"));
  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_message);
  m_stage = new QLabel(this);
  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 1000);
  layout->addWidget(m_stage);
  layout->addWidget(m_progress);
  m_warnings = new QListWidget(this);
  m_warnings->setObjectName(QStringLiteral("warnings"));
  m_warnings->setWordWrap(true);
  m_warnings->setMaximumHeight(120);
  layout->addWidget(m_warnings);

  auto *buttons = new QDialogButtonBox(this);
  m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
  m_import->setDefault(true);
  m_cancel = buttons->addButton(tr("Cancel Import"), QDialogButtonBox::DestructiveRole);
  m_close = buttons->addButton(QDialogButtonBox::Close);
  layout->addWidget(buttons);
  // Not accept(): the dialog stays open for the warnings and further imports.
  connect(m_import, &QPushButton::clicked, this, [this] { startImport(); });
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    if (m_job) {
      m_job->cancel();
      m_stage->setText(tr("Cancelling…"));
      m_cancel->setEnabled(false);
    }
  });
  connect(m_close, &QPushButton::clicked, this, &ImportDialog::reject);
  setRunning(false);
  m_warnings->hide();
}

ImportDialog::~ImportDialog() {
  delete m_job; // cancels and waits: the importer removes its staging folder before it returns
}

void ImportDialog::setKind(Kind kind) {
  m_tabs->setCurrentIndex(static_cast<int>(kind));
}

ImportForm *ImportDialog::currentForm() const {
  return qobject_cast<ImportForm *>(m_tabs->currentWidget());
}

bool ImportDialog::isRunning() const {
  return m_job != nullptr;
}

QString ImportDialog::message() const {
  return m_message->text();
}

QStringList ImportDialog::warnings() const {
  QStringList out;
  for (int i = 0; i < m_warnings->count(); ++i)
    out << m_warnings->item(i)->text();
  return out;
}

void ImportDialog::showMessage(const QString &text, bool error) {
  m_message->setText(text);
  m_message->setStyleSheet(error ? QStringLiteral("color:#b02020;") : QString());
}

void ImportDialog::setRunning(bool running) {
  m_tabs->setEnabled(!running);
  m_import->setEnabled(!running);
  m_cancel->setVisible(running);
  m_cancel->setEnabled(running);
  m_progress->setVisible(running);
  m_stage->setVisible(running);
}

bool ImportDialog::startImport() {
  if (isRunning())
    return false;
  ImportForm *form = currentForm();
  m_warnings->clear();
  m_warnings->hide();
  const QStringList problems = form->problems();
  if (!problems.isEmpty()) {
    showMessage(problems.join(QLatin1Char('\n')), true);
    return false;
  }
  // The result is kept even when a cancel came too late to stop the importer: what it wrote is real.
  auto slot = std::make_shared<std::optional<Result<import::ImportSummary>>>();
  auto *job = new Job(
      tr("Import"),
      [work = form->job(), probe = m_probe, slot](JobContext &ctx) -> std::string {
        slot->emplace(work([&ctx, &probe](double f, const std::string &stage) {
          if (probe)
            probe(f);
          return ctx.progress(f, stage);
        }));
        return (*slot)->ok() ? std::string() : (*slot)->error();
      },
      this);
  m_job = job;
  connect(job, &Job::progressChanged, this, [this](double f, const QString &stage) {
    m_progress->setValue(static_cast<int>(f * 1000));
    if (m_job && !m_job->isCancelRequested())
      m_stage->setText(tr("Importing: %1").arg(stage));
  });
  connect(job, &Job::finished, this, [this, job, slot](Job::State state) {
    onFinished(*slot, state == Job::State::Cancelled);
    job->deleteLater();
  });
  m_progress->setValue(0);
  m_stage->setText(tr("Importing…"));
  showMessage(tr("Importing into %1…").arg(QDir::toNativeSeparators(form->output()->path())), false);
  setRunning(true);
  emit importStarted(job); // before the work runs, so observers see all of it
  job->start();
  return true;
}

void ImportDialog::onFinished(const std::optional<Result<import::ImportSummary>> &slot, bool cancelled) {
  static const Result<import::ImportSummary> kNoResult =
      Result<import::ImportSummary>::failure("the importer stopped without a result");
  const auto &result = slot ? *slot : kNoResult;
  m_job = nullptr;
  setRunning(false);
  if (cancelled && !result) {
    showMessage(tr("Import cancelled; nothing was written."), false);
    emit importCancelled();
  } else if (!result) {
    const QString error = QString::fromStdString(result.error());
    logging::get("tacit.import")->warn("import failed: {}", result.error());
    showMessage(tr("Import failed: %1").arg(error), true);
    emit importFailed(error);
  } else {
    const auto &s = *result;
    const QString folder = QString::fromStdString(s.folder.string());
    showMessage(tr("Imported %1: %n stream(s), %2 video frames.", nullptr, int(s.manifest.streams.size()))
                    .arg(QDir::toNativeSeparators(folder))
                    .arg(s.videoFrames),
                false);
    for (const auto &w : result.warnings())
      m_warnings->addItem(tr("Warning: %1").arg(QString::fromStdString(w)));
    m_warnings->setVisible(m_warnings->count() > 0);
    emit imported(folder);
  }
  if (m_closeWhenDone)
    QDialog::reject();
}

void ImportDialog::reject() {
  if (m_job) { // cancel, then close once the importer has cleaned up
    m_job->cancel();
    m_closeWhenDone = true;
    m_stage->setText(tr("Cancelling…"));
    return;
  }
  QDialog::reject();
}

} // namespace tacit
