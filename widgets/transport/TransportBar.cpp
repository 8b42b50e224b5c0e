#include "widgets/transport/TransportBar.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <cmath>

#include "widgets/app/ActionRegistry.h"
#include "widgets/common/TimeFormat.h"

namespace tacit {

TransportBar::TransportBar(ActionRegistry &actions, QWidget *parent) : QWidget(parent), m_actions(actions) {
  auto *layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  layout->setSpacing(4);
  const QStringList ids = {"playback.start",     "playback.back100",    "playback.back10",  "playback.stepBack",
                           "playback.reverse",   "playback.toggle",     "playback.forward", "playback.stepForward",
                           "playback.forward10", "playback.forward100", "playback.end",     "playback.loop"};
  for (const QString &id : ids) {
    if (QAction *a = m_actions.action(id)) {
      auto *b = new QToolButton(this);
      b->setDefaultAction(a);
      b->setAutoRaise(true);
      b->setFocusPolicy(Qt::NoFocus);
      b->setObjectName(QStringLiteral("button:") + id);
      layout->addWidget(b);
    }
  }
  layout->addSpacing(12);
  m_timeField = new QLineEdit(this);
  m_timeField->setObjectName(QStringLiteral("timeField"));
  m_timeField->setToolTip(
      tr("Current time (Ctrl+G). Type a time (1:02.5, 62.5) or a frame (#120) and press Enter; Esc cancels."));
  m_timeField->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000__")));
  m_timeField->setAlignment(Qt::AlignRight);
  m_timeField->setFocusPolicy(Qt::ClickFocus); // not in the Tab chain: Qt never parks the focus here
  m_timeField->installEventFilter(this);
  layout->addWidget(m_timeField);
  m_frameLabel = new QLabel(this);
  m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
  m_frameLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("#000000 / 000000")));
  layout->addWidget(m_frameLabel);
  layout->addSpacing(12);
  layout->addWidget(new QLabel(tr("Speed"), this));
  m_direction = new QLabel(QStringLiteral("▶"), this);
  layout->addWidget(m_direction);
  m_speed = new QDoubleSpinBox(this);
  m_speed->setObjectName(QStringLiteral("speed"));
  m_speed->setRange(0.1, 10.0);
  m_speed->setDecimals(2);
  m_speed->setSingleStep(0.25);
  m_speed->setSuffix(QStringLiteral("×"));
  m_speed->setValue(1.0);
  m_speed->setFocusPolicy(Qt::ClickFocus);
  layout->addWidget(m_speed);
  layout->addStretch(1);

  connect(m_timeField, &QLineEdit::returnPressed, this, &TransportBar::commitTimeField);
  connect(m_timeField, &QLineEdit::textEdited, this, [this] { m_editing = true; });
  connect(m_timeField, &QLineEdit::editingFinished, this, [this] { m_editing = false; });
  connect(m_speed, &QDoubleSpinBox::valueChanged, this, [this](double v) { emit speedChosen(v); });
}

void TransportBar::commitTimeField() {
  m_editing = false;
  const QString text = m_timeField->text();
  const auto in = parseTimeInput(text);
  if (!in) {
    m_timeField->setStyleSheet(QStringLiteral("background:#5a2a2a"));
    emit inputRejected(text);
    return;
  }
  m_timeField->setStyleSheet({});
  if (in->kind == TimeInput::Frame)
    emit frameEntered(in->frame);
  else
    emit timeEntered(in->relativeNs);
  m_editing = false;
  emit editingDone();
}

void TransportBar::focusTimeField() {
  m_timeField->setFocus(Qt::ShortcutFocusReason);
  m_timeField->selectAll();
}

void TransportBar::resetTimeField() {
  m_editing = false;
  m_timeField->setStyleSheet({});
  m_timeField->setText(m_shown);
}

bool TransportBar::eventFilter(QObject *watched, QEvent *event) {
  if (watched == m_timeField && event->type() == QEvent::KeyPress &&
      static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
    resetTimeField();
    emit editingDone();
    return true;
  }
  if (watched == m_timeField && event->type() == QEvent::FocusIn)
    QTimer::singleShot(0, m_timeField, [f = m_timeField] { f->selectAll(); }); // after the click placed the cursor
  if (watched == m_timeField && event->type() == QEvent::FocusOut)
    resetTimeField(); // leaving the field: it shows the playhead again, nothing half-typed stays
  return QWidget::eventFilter(watched, event);
}

void TransportBar::setTime(Timestamp relativeNs, qint64 frame, qint64 frameCount) {
  m_shown = formatClock(relativeNs);
  if (!m_editing && !m_timeField->hasFocus())
    m_timeField->setText(m_shown);
  m_frameLabel->setText(frame >= 0 ? QStringLiteral("#%1 / %2").arg(frame).arg(std::max<qint64>(0, frameCount - 1))
                                   : QString());
}

QString TransportBar::timeText() const {
  return m_timeField->text();
}

void TransportBar::setPlaying(bool playing) {
  if (QAction *a = m_actions.action(QStringLiteral("playback.toggle")))
    a->setText(playing ? tr("Pause") : tr("Play"));
}

void TransportBar::setSpeed(double signedSpeed) {
  QSignalBlocker block(m_speed);
  m_speed->setValue(std::abs(signedSpeed));
  m_direction->setText(signedSpeed < 0 ? QStringLiteral("◀") : QStringLiteral("▶"));
}

double TransportBar::speed() const {
  return m_speed->value();
}

} // namespace tacit
