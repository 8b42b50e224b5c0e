#include "widgets/project/FlagEditDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tacit {

using project::FlagReason;

FlagEditDialog::FlagEditDialog(std::optional<TimeRange> span, const project::QualityFlag *existing, QWidget *parent)
    : QDialog(parent), m_span(span) {
  setObjectName(QStringLiteral("flagEditDialog"));
  setWindowTitle(existing ? tr("Edit Flag") : tr("Add Flag"));
  m_reason = new QComboBox(this);
  for (FlagReason r : project::allFlagReasons())
    m_reason->addItem(tr(project::flagReasonDisplayName(r)), static_cast<int>(r));
  m_severity = new QSpinBox(this);
  m_severity->setRange(project::kMinSeverity, project::kMaxSeverity);
  m_severity->setToolTip(tr("1 = minor … 4 = unusable"));
  m_note = new QPlainTextEdit(this);
  m_note->setMaximumHeight(80);
  m_whole = new QRadioButton(tr("Whole recording"), this);
  if (existing && !existing->wholeRecording)
    m_span = TimeRange{existing->startNs, existing->endNs};
  m_selection = new QRadioButton(
      m_span ? tr("Selection %1–%2 s").arg(toSeconds(m_span->begin), 0, 'f', 3).arg(toSeconds(m_span->end), 0, 'f', 3)
             : tr("Selection (set a loop first)"),
      this);
  m_selection->setEnabled(m_span.has_value());
  (m_span ? m_selection : m_whole)->setChecked(true);
  if (existing) {
    setReason(existing->reason);
    setSeverity(existing->severity);
    setNote(QString::fromStdString(existing->note));
    setWholeRecording(existing->wholeRecording);
  }
  auto *form = new QFormLayout;
  form->addRow(tr("Reason"), m_reason);
  form->addRow(tr("Severity"), m_severity);
  form->addRow(tr("Span"), m_selection);
  form->addRow(QString(), m_whole);
  form->addRow(tr("Note"), m_note);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

FlagReason FlagEditDialog::reason() const {
  return static_cast<FlagReason>(m_reason->currentData().toInt());
}
int FlagEditDialog::severity() const {
  return m_severity->value();
}
std::string FlagEditDialog::note() const {
  return m_note->toPlainText().toStdString();
}
std::optional<TimeRange> FlagEditDialog::span() const {
  return m_selection->isChecked() ? m_span : std::nullopt;
}
void FlagEditDialog::setReason(FlagReason r) {
  m_reason->setCurrentIndex(m_reason->findData(static_cast<int>(r)));
}
void FlagEditDialog::setSeverity(int s) {
  m_severity->setValue(s);
}
void FlagEditDialog::setNote(const QString &note) {
  m_note->setPlainText(note);
}
void FlagEditDialog::setWholeRecording(bool whole) {
  (whole || !m_span ? m_whole : m_selection)->setChecked(true);
}

} // namespace tacit
