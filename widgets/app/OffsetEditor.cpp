#include "widgets/app/OffsetEditor.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace tacit {

OffsetEditor::OffsetEditor(QWidget *parent) : QWidget(parent) {
  auto *outer = new QVBoxLayout(this);
  m_grid = new QGridLayout;
  outer->addLayout(m_grid);
  outer->addStretch(1);
  setStreams({}, m_framePeriod);
}

void OffsetEditor::setStreams(const std::vector<Stream> &streams, Timestamp framePeriod) {
  while (QLayoutItem *item = m_grid->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  m_streams = streams;
  m_spins.clear();
  if (framePeriod > 0)
    m_framePeriod = framePeriod;
  if (streams.empty()) {
    m_grid->addWidget(new QLabel(tr("Open a recording to adjust stream offsets."), this), 0, 0);
    return;
  }
  const double frameMs = m_framePeriod / 1e6;
  for (std::size_t row = 0; row < streams.size(); ++row) {
    const int r = static_cast<int>(row);
    m_grid->addWidget(new QLabel(streams[row].name, this), r, 0);
    struct Nudge {
      QString text, tip;
      Timestamp delta;
    };
    const Nudge left[] = {
        {QStringLiteral("−1f"), tr("Earlier by one frame (%1 ms)").arg(frameMs, 0, 'f', 2), -m_framePeriod},
        {QStringLiteral("−1ms"), tr("Earlier by 1 ms"), -kNsPerMs}};
    const Nudge right[] = {
        {QStringLiteral("+1ms"), tr("Later by 1 ms"), kNsPerMs},
        {QStringLiteral("+1f"), tr("Later by one frame (%1 ms)").arg(frameMs, 0, 'f', 2), m_framePeriod}};
    int col = 1;
    auto addButton = [&](const Nudge &n) {
      auto *b = new QToolButton(this);
      b->setText(n.text);
      b->setToolTip(n.tip);
      b->setFocusPolicy(Qt::NoFocus);
      connect(b, &QToolButton::clicked, this, [this, row, d = n.delta] { nudge(row, d); });
      m_grid->addWidget(b, r, col++);
    };
    for (const auto &n : left)
      addButton(n);
    auto *spin = new QDoubleSpinBox(this);
    spin->setRange(-600000, 600000);
    spin->setDecimals(3);
    spin->setSuffix(tr(" ms"));
    spin->setValue(streams[row].offset / 1e6);
    spin->setFocusPolicy(Qt::ClickFocus);
    connect(spin, &QDoubleSpinBox::editingFinished, this,
            [this, row, spin] { setRowOffset(row, static_cast<Timestamp>(std::llround(spin->value() * 1e6)), true); });
    m_spins.push_back(spin);
    m_grid->addWidget(spin, r, col++);
    for (const auto &n : right)
      addButton(n);
    auto *reset = new QToolButton(this);
    reset->setText(tr("Reset"));
    reset->setFocusPolicy(Qt::NoFocus);
    connect(reset, &QToolButton::clicked, this, [this, row] { setRowOffset(row, 0, true); });
    m_grid->addWidget(reset, r, col++);
  }
}

Timestamp OffsetEditor::offset(const std::string &id) const {
  for (const auto &s : m_streams)
    if (s.id == id)
      return s.offset;
  return 0;
}

void OffsetEditor::setOffset(const std::string &id, Timestamp offsetNs) {
  for (std::size_t row = 0; row < m_streams.size(); ++row)
    if (m_streams[row].id == id)
      setRowOffset(row, offsetNs, false);
}

void OffsetEditor::nudge(std::size_t row, Timestamp delta) {
  setRowOffset(row, m_streams[row].offset + delta, true);
}

void OffsetEditor::setRowOffset(std::size_t row, Timestamp value, bool notify) {
  m_streams[row].offset = value;
  {
    QSignalBlocker block(m_spins[row]);
    m_spins[row]->setValue(value / 1e6);
  }
  if (notify)
    emit offsetChanged(m_streams[row].id, value);
}

} // namespace tacit
