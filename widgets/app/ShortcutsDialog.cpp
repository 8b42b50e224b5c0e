#include "widgets/app/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "widgets/app/ActionRegistry.h"

namespace tacit {

ShortcutsDialog::ShortcutsDialog(const ActionRegistry &registry, QWidget *parent) : QDialog(parent) {
  setWindowTitle(tr("Keyboard Shortcuts"));
  resize(520, 560);
  m_tree = new QTreeWidget(this);
  m_tree->setColumnCount(2);
  m_tree->setHeaderLabels({tr("Command"), tr("Shortcut")});
  m_tree->setRootIsDecorated(false);
  std::map<QString, QTreeWidgetItem *> groups;
  for (const QString &id : registry.ids()) {
    const QAction *a = registry.action(id);
    if (a->shortcuts().isEmpty())
      continue;
    const QString cat = registry.category(id);
    auto &group = groups[cat];
    if (!group) {
      group = new QTreeWidgetItem(m_tree, {cat});
      QFont f = group->font(0);
      f.setBold(true);
      group->setFont(0, f);
      group->setFirstColumnSpanned(true);
    }
    QStringList keys;
    for (const QKeySequence &k : a->shortcuts())
      keys << k.toString(QKeySequence::NativeText);
    QString text = a->text();
    text.remove(QLatin1Char('&'));
    auto *item = new QTreeWidgetItem(group, {text, keys.join(QStringLiteral("  /  "))});
    item->setData(0, Qt::UserRole, id);
  }
  m_tree->expandAll();
  m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_tree);
  layout->addWidget(buttons);
}

} // namespace tacit
