#pragma once
// Small dialog for a quality flag: typed reason (core/project/FlagReason), severity 1-4 and a note,
// over a given span (or the whole recording when there is none).
#include <QDialog>
#include <optional>

#include "core/project/FlagReason.h"
#include "core/time/Timestamp.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tacit {

class FlagDialog : public QDialog {
  Q_OBJECT
public:
  // spanText describes the span for the user ("00:01.200 – 00:02.000"); empty span = whole recording.
  FlagDialog(std::optional<TimeRange> span, const QString &spanText, QWidget *parent = nullptr);

  project::FlagReason reason() const;
  void setReason(project::FlagReason r);
  int severity() const;
  QString note() const;
  std::optional<TimeRange> span() const { return m_span; }

  QComboBox *reasonBox() const { return m_reason; }
  QSpinBox *severityBox() const { return m_severity; }
  QLineEdit *noteEdit() const { return m_note; }

private:
  std::optional<TimeRange> m_span;
  QComboBox *m_reason = nullptr;
  QSpinBox *m_severity = nullptr;
  QLineEdit *m_note = nullptr;
};

} // namespace tacit
