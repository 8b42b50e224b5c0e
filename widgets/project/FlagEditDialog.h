#pragma once
// Add/edit a quality flag: typed reason, severity 1-4, note, and span (the current loop/selection or
// the whole recording). The dialog only collects values; the caller commits them.
#include <QDialog>
#include <optional>

#include "core/project/ProjectTypes.h"
#include "core/time/Timestamp.h"

class QComboBox;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

namespace tacit {

class FlagEditDialog : public QDialog {
  Q_OBJECT
public:
  // span: the current loop/selection if any (offered as "Selection"); existing: the flag being edited.
  FlagEditDialog(std::optional<TimeRange> span, const project::QualityFlag *existing, QWidget *parent = nullptr);

  project::FlagReason reason() const;
  int severity() const;
  std::string note() const;
  std::optional<TimeRange> span() const; // nullopt = whole recording

  void setReason(project::FlagReason r);
  void setSeverity(int s);
  void setNote(const QString &note);
  void setWholeRecording(bool whole);

private:
  std::optional<TimeRange> m_span;
  QComboBox *m_reason = nullptr;
  QSpinBox *m_severity = nullptr;
  QPlainTextEdit *m_note = nullptr;
  QRadioButton *m_whole = nullptr;
  QRadioButton *m_selection = nullptr;
};

} // namespace tacit
