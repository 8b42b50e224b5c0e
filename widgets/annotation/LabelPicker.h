#pragma once
// Type-ahead label picker: a filter line over the taxonomy's label paths ("Grasp/Cup"). Every word
// typed must occur in the path (case-insensitive); Up/Down move through the matches, Enter takes the
// highlighted one, Escape cancels. When creation is allowed (setCreator) and the typed name is not an
// existing label, a "Create label" row is offered (highlighted when nothing else matches), so a new
// project needs no detour through the Labels panel. Modal, so the annotation keys are off while it
// is open.
#include <QColor>
#include <QDialog>
#include <functional>
#include <vector>

#include "core/project/ProjectTypes.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

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

  // Allows "Create label"; `problem` returns why a name cannot be a new label ("" = fine).
  void setCreator(std::function<QString(const QString &name)> problem);
  // Shown under the list (e.g. why a creation failed); the picker stays open.
  void showProblem(const QString &text);

  QLineEdit *filterEdit() const { return m_filter; }
  QListWidget *list() const { return m_list; }
  project::Id currentLabel() const; // highlighted match, 0 if none (or the create row)
  bool createHighlighted() const;
  int visibleCount() const; // matching labels (the create row not counted)

public slots:
  void accept() override;

signals:
  void labelChosen(qint64 labelId);
  // The user asked for a new label with this name; the receiver creates it and closes the picker
  // (finish()) or explains why not (showProblem()).
  void createRequested(const QString &name);

public:
  void finish(); // closes as accepted after a createRequested was handled

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  void applyFilter(const QString &text);
  void moveCurrent(int delta);

  std::vector<Entry> m_entries;
  QLineEdit *m_filter = nullptr;
  QListWidget *m_list = nullptr;
  QListWidgetItem *m_createItem = nullptr;
  QLabel *m_hint = nullptr;
  std::function<QString(const QString &)> m_problem;
  bool m_done = false;
};

} // namespace tacit
