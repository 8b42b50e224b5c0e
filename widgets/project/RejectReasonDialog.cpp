#include "widgets/project/RejectReasonDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/project/ProjectTypes.h"

namespace tacit {

RejectReasonDialog::RejectReasonDialog(const QString &recordingName, QWidget *parent) : QDialog(parent) {
  setObjectName(QStringLiteral("rejectReasonDialog"));
  setWindowTitle(tr("Reject Recording"));
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(recordingName.isEmpty() ? tr("Why is this recording rejected?")
                                                       : tr("Why is %1 rejected?").arg(recordingName),
                               this));
  m_reason = new QLineEdit(this);
  m_reason->setObjectName(QStringLiteral("reason"));
  m_reason->setPlaceholderText(tr("e.g. video too dark, hands out of view"));
  layout->addWidget(m_reason);
  m_hint = new QLabel(this);
  m_hint->setObjectName(QStringLiteral("hint"));
  m_hint->setStyleSheet(QStringLiteral("color:#b00020;"));
  m_hint->hide();
  layout->addWidget(m_hint);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reject"));
  layout->addWidget(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &RejectReasonDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto update = [this] {
    const bool ok = project::checkReviewReason(project::ReviewStatus::Rejected, reason().toStdString()).ok();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    if (ok)
      m_hint->hide();
  };
  connect(m_reason, &QLineEdit::textChanged, this, update);
  update();
  resize(420, sizeHint().height());
}

QString RejectReasonDialog::reason() const {
  return m_reason->text().trimmed();
}

void RejectReasonDialog::accept() {
  if (auto st = project::checkReviewReason(project::ReviewStatus::Rejected, reason().toStdString()); !st.ok()) {
    m_hint->setText(tr("A rejection needs a reason."));
    m_hint->show();
    m_reason->setFocus();
    return; // stay open
  }
  emit reasonAccepted(reason());
  QDialog::accept();
}

} // namespace tacit
