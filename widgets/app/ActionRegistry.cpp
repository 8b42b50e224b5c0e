#include "widgets/app/ActionRegistry.h"

#include <QSet>

namespace tacit {

ActionRegistry::ActionRegistry(QObject *parent) : QObject(parent) {}

QAction *ActionRegistry::add(const QString &id, const QString &text, const QString &category,
                             const QList<QKeySequence> &shortcuts) {
  if (auto it = m_entries.find(id); it != m_entries.end())
    return it->second.action;
  auto *a = new QAction(text, this);
  a->setObjectName(id);
  a->setShortcuts(shortcuts);
  // Docks can float as separate windows; the transport keys must work there too.
  a->setShortcutContext(Qt::ApplicationShortcut);
  m_entries[id] = {a, category};
  m_order << id;
  return a;
}

QAction *ActionRegistry::action(const QString &id) const {
  auto it = m_entries.find(id);
  return it == m_entries.end() ? nullptr : it->second.action;
}

QStringList ActionRegistry::ids() const {
  return m_order;
}

QString ActionRegistry::category(const QString &id) const {
  auto it = m_entries.find(id);
  return it == m_entries.end() ? QString() : it->second.category;
}

bool ActionRegistry::setShortcuts(const QString &id, const QList<QKeySequence> &shortcuts) {
  QAction *a = action(id);
  if (!a)
    return false;
  a->setShortcuts(shortcuts);
  return true;
}

QStringList ActionRegistry::conflicts() const {
  std::map<QString, QString> owner;
  QStringList out;
  for (const QString &id : m_order) {
    for (const QKeySequence &k : action(id)->shortcuts()) {
      const QString key = k.toString(QKeySequence::PortableText);
      if (auto it = owner.find(key); it != owner.end())
        out << QStringLiteral("%1: %2, %3").arg(key, it->second, id);
      else
        owner[key] = id;
    }
  }
  return out;
}

} // namespace tacit
