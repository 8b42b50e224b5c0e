#include "widgets/common/JobProgressDialog.h"

#include <cmath>

#include "core/util/Job.h"

namespace tacit {

JobProgressDialog::JobProgressDialog(Job *job, QWidget *parent, const QString &label)
    : QProgressDialog(label, tr("Cancel"), 0, 1000, parent), m_job(job) {
  setWindowTitle(job->title());
  setWindowModality(Qt::NonModal);
  setAutoClose(false);
  setAutoReset(false);
  setAttribute(Qt::WA_DeleteOnClose);
  setValue(static_cast<int>(std::lround(job->fraction() * 1000)));
  connect(job, &Job::progressChanged, this, [this, label](double f, const QString &stage) {
    setValue(static_cast<int>(std::lround(f * 1000)));
    setLabelText(stage.isEmpty() ? label : label + QLatin1Char('\n') + stage);
  });
  connect(job, &Job::finished, this, &QWidget::close);
  connect(job, &QObject::destroyed, this, &QWidget::close);
  connect(this, &QProgressDialog::canceled, this, [this] {
    if (m_job)
      m_job->cancel();
  });
}

JobProgressDialog *JobProgressDialog::show(Job *job, QWidget *parent, const QString &label, int minimumDurationMs) {
  auto *dialog = new JobProgressDialog(job, parent, label);
  dialog->setMinimumDuration(minimumDurationMs); // quick jobs never flash a dialog
  return dialog;
}

} // namespace tacit
