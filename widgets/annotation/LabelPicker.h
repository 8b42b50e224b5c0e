#pragma once
// Type-ahead label picker: a filter line over the taxonomy's label paths ("Grasp/Cup"). Every word
// typed must occur in the path (case-insensitive); Up/Down move through the matches, Enter takes the
// highlighted one, Escape cancels. Modal, so the annotation keys are off while it is open.
#include <QColor>
#include <QDialog>
#include <vector>

#include "core/project/ProjectTypes.h"

class QLineEdit;
class QListWidget;

namespace tacit {

class LabelPicker : public QDialog {
  Q_OBJECT
public:
  struct Entry {
    project::Id id = 0;
    QString path;
    QColor colour;
    int key = 0;
  };
  explicit LabelPicker(std::vector<Entry> entries, QWidget *parent = nullptr);
  static std::vector<Entry> entriesFrom(const std::vector<project::Label> &labels);

  QLineEdit *filterEdit() const { return m_filter; }
  QListWidget *list() const { return m_list; }
  project::Id currentLabel() const; // highlighted match, 0 if none
  int visibleCount() const;

public slots:
  void accept() override;

signals:
  void labelChosen(qint64 labelId);

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  void applyFilter(const QString &text);
  void moveCurrent(int delta);

  std::vector<Entry> m_entries;
  QLineEdit *m_filter = nullptr;
  QListWidget *m_list = nullptr;
  bool m_done = false;
};

} // namespace tacit
