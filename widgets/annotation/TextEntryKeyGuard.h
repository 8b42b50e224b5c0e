#pragma once
// Application-wide shortcuts (ActionRegistry) would steal Return/Enter from text fields (QLineEdit
// lets shortcuts override them). Installed on qApp, this gives those keys back to the focused text
// entry, so "Enter creates a segment" never breaks typing a time into the transport bar.
#include <QObject>

namespace tacit {

class TextEntryKeyGuard : public QObject {
  Q_OBJECT
public:
  explicit TextEntryKeyGuard(QObject *parent = nullptr);
  static bool isTextEntry(const QObject *o);

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace tacit
