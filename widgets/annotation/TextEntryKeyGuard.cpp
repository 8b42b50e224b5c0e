#include "widgets/annotation/TextEntryKeyGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace tacit {

TextEntryKeyGuard::TextEntryKeyGuard(QObject *parent) : QObject(parent) {}

bool TextEntryKeyGuard::isTextEntry(const QObject *o) {
  if (qobject_cast<const QLineEdit *>(o) || qobject_cast<const QAbstractSpinBox *>(o) ||
      qobject_cast<const QTextEdit *>(o) || qobject_cast<const QPlainTextEdit *>(o))
    return true;
  const auto *combo = qobject_cast<const QComboBox *>(o);
  return combo && combo->isEditable();
}

bool TextEntryKeyGuard::eventFilter(QObject *watched, QEvent *event) {
  if (event->type() == QEvent::ShortcutOverride && isTextEntry(watched)) {
    const auto *k = static_cast<QKeyEvent *>(event);
    if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && k->modifiers() == Qt::NoModifier) {
      event->accept(); // the text field gets the key press, no shortcut fires
      return true;
    }
  }
  return QObject::eventFilter(watched, event);
}

} // namespace tacit
