#pragma once
// Shared by the operator-workflow GUI tests (issue #15): real key and mouse events on the real main
// window. Keys go to whatever has the keyboard focus (through the shortcut map, as QTest sends a
// ShortcutOverride first), so a focus trap shows up as a failing test.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QToolButton>
#include <QtTest>

#include "core/project/ProjectStore.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/transport/TransportBar.h"

namespace optest {

// A key press as the user makes it: to the focused widget of the focused window.
// The widget a key press reaches: the focus widget, else the active window (no focus widget).
inline QWidget *keyTarget() {
  if (QWidget *f = QApplication::focusWidget())
    return f;
  if (QWidget *w = QApplication::activeWindow())
    return w;
  qWarning("no focus widget and no active window: nothing receives keys");
  return nullptr;
}
inline void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
  if (QWidget *w = keyTarget())
    QTest::keyClick(w, k, mods);
  QCoreApplication::processEvents();
}
inline void type(const QString &text) {
  if (QWidget *w = keyTarget())
    QTest::keyClicks(w, text);
  QCoreApplication::processEvents();
}

// The keyboard is with the window's shortcuts: not in the transport's time field or any text entry.
inline bool keysWithWindow(tacit::MainWindow &w) {
  QWidget *f = QApplication::focusWidget();
  return f != w.transport()->timeField() && !qobject_cast<QLineEdit *>(f);
}

// A left click in an empty part of the timeline's first track lane (seeks there).
inline void clickTimelineAt(tacit::TimelineWidget *tl, tacit::Timestamp t) {
  const QRect lane = tl->trackLaneRect(tl->activeTrack());
  QTest::mouseClick(tl, Qt::LeftButton, {}, QPoint(int(tl->xOf(t)), lane.center().y()));
  QCoreApplication::processEvents();
}

inline QToolButton *toolButton(QWidget *parent, const QString &text) {
  for (QToolButton *b : parent->findChildren<QToolButton *>())
    if (b->defaultAction() && b->defaultAction()->text() == text)
      return b;
  return nullptr;
}

// A second, read-only look at the project file: what is on disk, not what the window holds.
inline std::unique_ptr<tacit::project::ProjectStore> readProject(const QString &path) {
  tacit::project::ProjectOpenOptions o;
  o.readOnly = true;
  auto s = tacit::project::ProjectStore::open(path.toStdString(), o);
  return s ? s.takeValue() : nullptr;
}

} // namespace optest
