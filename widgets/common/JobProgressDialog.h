#pragma once
// Shows a running Job (core/util/Job.h) as a non-modal progress dialog with Cancel: it appears only
// when the job runs longer than a moment, follows the job's progress and stage, and closes itself
// when the job ends. Errors and warnings are the caller's to show (in its banner or a message box).
#include <QPointer>
#include <QProgressDialog>

namespace tacit {

class Job;

class JobProgressDialog : public QProgressDialog {
  Q_OBJECT
public:
  // The dialog is owned by `parent` and deletes itself when the job finishes.
  static JobProgressDialog *show(Job *job, QWidget *parent, const QString &label, int minimumDurationMs = 400);

private:
  JobProgressDialog(Job *job, QWidget *parent, const QString &label);
  QPointer<Job> m_job;
};

} // namespace tacit
