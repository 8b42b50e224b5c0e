#pragma once
// Transport controls: play/pause, reverse, frame step, loop, speed (0.1x-10x) and a time/frame field
// that accepts typed input. Buttons are the registry's QActions (no keys hard-wired here); the bar
// only reports what the user typed or chose, and MainWindow turns that into TimeControl verbs.
// The time field takes the keyboard only when clicked or with focusTimeField() (Ctrl+G), never by
// Tab or when another widget hides; Return (after a valid entry) and Escape (restoring the shown
// time) give it back through editingDone(), so single-key shortcuts are never typed into it.
#include <QWidget>

#include "core/time/Timestamp.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace tacit {

class ActionRegistry;

class TransportBar : public QWidget {
  Q_OBJECT
public:
  // Uses the actions "playback.*" of the registry when present.
  explicit TransportBar(ActionRegistry &actions, QWidget *parent = nullptr);

  // Display state (from TimeControl). frame < 0: no frame stream.
  void setTime(Timestamp relativeNs, qint64 frame, qint64 frameCount);
  void setPlaying(bool playing);
  void setSpeed(double signedSpeed);
  double speed() const; // the spin box value, always positive
  QLineEdit *timeField() const { return m_timeField; }
  QString timeText() const;
  // Shows the current time again and drops anything typed (a new recording, Escape).
  void resetTimeField();

public slots:
  void focusTimeField(); // Ctrl+G: focus and select the field

signals:
  void timeEntered(qint64 relativeNs);
  void frameEntered(qint64 frame);
  void speedChosen(double speed); // positive magnitude; direction stays with the reverse action
  void inputRejected(const QString &text);
  void editingDone(); // the field is done with the keyboard: give it back to the window

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  void commitTimeField();

  ActionRegistry &m_actions;
  QLineEdit *m_timeField = nullptr;
  QLabel *m_frameLabel = nullptr;
  QDoubleSpinBox *m_speed = nullptr;
  QLabel *m_direction = nullptr;
  bool m_editing = false;
  QString m_shown; // the last time text set from the playhead
};

} // namespace tacit
