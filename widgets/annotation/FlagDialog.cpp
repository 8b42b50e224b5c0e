#include "widgets/annotation/FlagDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace tacit {

FlagDialog::FlagDialog(std::optional<TimeRange> span, const QString &spanText, QWidget *parent)
    : QDialog(parent), m_span(span) {
  setWindowTitle(tr("Flag Span"));
  setModal(true);
  auto *form = new QFormLayout(this);
  form->addRow(tr("Span:"), new QLabel(span ? spanText : tr("Whole recording"), this));
  m_reason = new QComboBox(this);
  for (project::FlagReason r : project::allFlagReasons())
    m_reason->addItem(tr(project::flagReasonDisplayName(r)), static_cast<int>(r));
  form->addRow(tr("&Reason:"), m_reason);
  m_severity = new QSpinBox(this);
  m_severity->setRange(project::kMinSeverity, project::kMaxSeverity);
  m_severity->setValue(2);
  m_severity->setToolTip(tr("1 = minor … 4 = unusable"));
  form->addRow(tr("&Severity (1–4):"), m_severity);
  m_note = new QLineEdit(this);
  form->addRow(tr("&Note:"), m_note);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
  // Type the note, Enter: the usual flag needs no mouse. (Space in the reason box would open its list
  // and swallow the typing; Alt+R / Shift+Tab reach it.)
  m_note->setFocus();
}

project::FlagReason FlagDialog::reason() const {
  return static_cast<project::FlagReason>(m_reason->currentData().toInt());
}

void FlagDialog::setReason(project::FlagReason r) {
  m_reason->setCurrentIndex(m_reason->findData(static_cast<int>(r)));
}

int FlagDialog::severity() const {
  return m_severity->value();
}

QString FlagDialog::note() const {
  return m_note->text();
}

} // namespace tacit
