#pragma once
// Every command with a keyboard shortcut is a QAction registered here under a stable id
// ("playback.toggle", "timeline.zoomIn", ...). Widgets never hard-wire keys: they look actions up
// here (or MainWindow connects them), so shortcuts can be remapped in one place later.
#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>
#include <map>

namespace tacit {

class ActionRegistry : public QObject {
  Q_OBJECT
public:
  explicit ActionRegistry(QObject *parent = nullptr);

  // Creates (or returns the existing) action with this id. `category` groups it in the shortcuts dialog.
  QAction *add(const QString &id, const QString &text, const QString &category,
               const QList<QKeySequence> &shortcuts = {});
  QAction *action(const QString &id) const; // nullptr when unknown
  QStringList ids() const;                  // in registration order
  QString category(const QString &id) const;

  // Replaces an action's shortcuts (remapping); returns false for an unknown id.
  bool setShortcuts(const QString &id, const QList<QKeySequence> &shortcuts);
  // Actions whose shortcuts collide (same key sequence on two ids); empty when consistent.
  QStringList conflicts() const;

private:
  struct Entry {
    QAction *action = nullptr;
    QString category;
  };
  std::map<QString, Entry> m_entries;
  QStringList m_order;
};

} // namespace tacit
