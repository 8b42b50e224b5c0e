#pragma once
// The current recording's quality flags: add (dialog with typed reason, severity, note and span),
// edit, remove; double-click asks to seek to the flag. Dialogs open window-modal (not exec()) so
// the event loop keeps running; tests reach them with findChild<FlagEditDialog *>().
#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectTypes.h"

class QListView;

namespace tacit {

namespace project {
class AnnotationDocument;
class FlagListModel;
} // namespace project
class ActionRegistry;

class FlagsPanel : public QWidget {
  Q_OBJECT
public:
  explicit FlagsPanel(ActionRegistry &actions, QWidget *parent = nullptr);

  void setModels(project::FlagListModel *model, project::AnnotationDocument *doc); // null = no recording
  // The span offered by "Add flag…" (current loop or selection); nullopt = whole recording only.
  void setSpanProvider(std::function<std::optional<TimeRange>()> provider) { m_span = std::move(provider); }
  QListView *view() const { return m_view; }
  project::Id selectedId() const;
  bool selectFlag(project::Id id);

  void addFlag();
  void editSelected();
  void removeSelected();

signals:
  void seekRequested(qint64 timeNs);
  void errorOccurred(const QString &message);

private:
  QPointer<project::AnnotationDocument> m_doc;
  QListView *m_view = nullptr;
  std::function<std::optional<TimeRange>()> m_span;
};

} // namespace tacit
