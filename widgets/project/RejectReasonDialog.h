#pragma once
// Asks why a recording is rejected. OK stays disabled until a reason is typed and the dialog stays
// open on an empty reason (core's checkReviewReason is the rule; this only reflects it). Window-modal
// via open(), so the event loop keeps running and tests can answer it with real key events.
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tacit {

class RejectReasonDialog : public QDialog {
  Q_OBJECT
public:
  explicit RejectReasonDialog(const QString &recordingName, QWidget *parent = nullptr);
  QLineEdit *reasonEdit() const { return m_reason; }
  QString reason() const;

public slots:
  void accept() override;

signals:
  void reasonAccepted(const QString &reason);

private:
  QLineEdit *m_reason = nullptr;
  QLabel *m_hint = nullptr;
  QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tacit
