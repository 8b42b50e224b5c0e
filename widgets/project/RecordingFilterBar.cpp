#include "widgets/project/RecordingFilterBar.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace tacit {

using project::ReviewStatus;

RecordingFilterBar::RecordingFilterBar(QWidget *parent) : QWidget(parent) {
  m_status = new QComboBox(this);
  m_status->setObjectName(QStringLiteral("statusFilter"));
  m_status->addItem(tr("Any status"), QString());
  for (ReviewStatus s :
       {ReviewStatus::Unreviewed, ReviewStatus::InReview, ReviewStatus::Approved, ReviewStatus::Rejected})
    m_status->addItem(tr(project::reviewStatusDisplayName(s)), QString::fromUtf8(project::reviewStatusName(s)));
  m_worker = new QLineEdit(this);
  m_worker->setPlaceholderText(tr("Worker"));
  m_worker->setClearButtonEnabled(true);
  m_task = new QLineEdit(this);
  m_task->setPlaceholderText(tr("Task"));
  m_task->setClearButtonEnabled(true);
  m_minFlags = new QSpinBox(this);
  m_minFlags->setRange(0, 9999);
  m_minFlags->setPrefix(tr("≥ "));
  m_minFlags->setSuffix(tr(" flags"));
  m_minFlags->setToolTip(tr("Minimum number of quality flags"));
  m_text = new QLineEdit(this);
  m_text->setPlaceholderText(tr("Search all columns"));
  m_text->setClearButtonEnabled(true);

  auto *grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(m_status, 0, 0);
  grid->addWidget(m_minFlags, 0, 1);
  grid->addWidget(m_text, 0, 2);
  grid->addWidget(m_worker, 1, 0);
  grid->addWidget(m_task, 1, 1, 1, 2);
  grid->setColumnStretch(2, 1);

  auto emitFilter = [this] { emit filterChanged(filter()); };
  connect(m_status, &QComboBox::currentIndexChanged, this, emitFilter);
  connect(m_worker, &QLineEdit::textChanged, this, emitFilter);
  connect(m_task, &QLineEdit::textChanged, this, emitFilter);
  connect(m_minFlags, &QSpinBox::valueChanged, this, emitFilter);
  connect(m_text, &QLineEdit::textChanged, this, &RecordingFilterBar::textChanged);
}

project::RecordingFilter RecordingFilterBar::filter() const {
  project::RecordingFilter f;
  if (auto s = project::reviewStatusFromName(m_status->currentData().toString().toStdString()))
    f.statuses.insert(*s);
  f.worker = m_worker->text().trimmed();
  f.task = m_task->text().trimmed();
  f.minFlags = m_minFlags->value();
  return f;
}

QString RecordingFilterBar::text() const {
  return m_text->text();
}

} // namespace tacit
