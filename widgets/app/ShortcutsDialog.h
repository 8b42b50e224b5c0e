#pragma once
// Help → Keyboard shortcuts: every registered action with its keys, grouped by category.
#include <QDialog>

class QTreeWidget;

namespace tacit {

class ActionRegistry;

class ShortcutsDialog : public QDialog {
  Q_OBJECT
public:
  explicit ShortcutsDialog(const ActionRegistry &registry, QWidget *parent = nullptr);
  QTreeWidget *tree() const { return m_tree; }

private:
  QTreeWidget *m_tree = nullptr;
};

} // namespace tacit
