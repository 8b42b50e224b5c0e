#pragma once
// The recordings panel's filters: review status, worker, task, minimum flag count and free text.
// Status/worker/task/flags become a project::RecordingFilter (applied by RecordingListModel); the
// free text filters every column through the panel's sort/filter proxy.
#include <QWidget>

#include "core/project/RecordingListModel.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tacit {

class RecordingFilterBar : public QWidget {
  Q_OBJECT
public:
  explicit RecordingFilterBar(QWidget *parent = nullptr);

  project::RecordingFilter filter() const;
  QString text() const;
  QComboBox *statusCombo() const { return m_status; }
  QLineEdit *workerEdit() const { return m_worker; }
  QLineEdit *taskEdit() const { return m_task; }
  QSpinBox *minFlagsSpin() const { return m_minFlags; }
  QLineEdit *textEdit() const { return m_text; }

signals:
  void filterChanged(const tacit::project::RecordingFilter &filter);
  void textChanged(const QString &text);

private:
  QComboBox *m_status = nullptr;
  QLineEdit *m_worker = nullptr;
  QLineEdit *m_task = nullptr;
  QSpinBox *m_minFlags = nullptr;
  QLineEdit *m_text = nullptr;
};

} // namespace tacit
