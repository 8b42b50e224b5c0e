#include "widgets/depth/DepthPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolBar>
#include <QVBoxLayout>

#include "widgets/depth/DepthView.h"

namespace tacit {

DepthPanel::DepthPanel(QWidget *parent) : QWidget(parent) {
  m_view = new DepthView(this);
  auto *bar = new QToolBar(this);
  bar->addAction(tr("Fit"), m_view, &ImageView::fit);
  auto *map = new QComboBox(bar);
  map->addItem(tr("Turbo"), int(Colormap::Turbo));
  map->addItem(tr("Grey"), int(Colormap::Grey));
  map->setFocusPolicy(Qt::NoFocus);
  connect(map, &QComboBox::currentIndexChanged, m_view,
          [this, map](int) { m_view->setColormap(Colormap(map->currentData().toInt())); });
  bar->addWidget(map);
  m_auto = new QCheckBox(tr("Auto"), bar);
  m_auto->setChecked(true);
  m_auto->setFocusPolicy(Qt::NoFocus);
  bar->addWidget(m_auto);
  auto makeSpin = [bar] {
    auto *s = new QSpinBox(bar);
    s->setRange(0, 65535);
    s->setSuffix(QStringLiteral(" mm"));
    s->setFocusPolicy(Qt::ClickFocus);
    s->setKeyboardTracking(false);
    return s;
  };
  m_min = makeSpin();
  m_max = makeSpin();
  m_max->setValue(5000);
  bar->addWidget(m_min);
  bar->addWidget(new QLabel(QStringLiteral("–"), bar));
  bar->addWidget(m_max);
  QAction *hands = bar->addAction(tr("Hands"));
  hands->setCheckable(true);
  hands->setChecked(true);
  connect(hands, &QAction::toggled, m_view, &DepthView::setShowHands);
  connect(m_auto, &QCheckBox::toggled, m_view, &DepthView::setAutoRange);
  auto applyManual = [this] { m_view->setRange(m_min->value(), m_max->value()); };
  connect(m_min, &QSpinBox::valueChanged, this, [this, applyManual] {
    if (!m_auto->signalsBlocked()) {
      QSignalBlocker b(m_auto);
      m_auto->setChecked(false);
      applyManual();
    }
  });
  connect(m_max, &QSpinBox::valueChanged, this, [this, applyManual] {
    if (!m_auto->signalsBlocked()) {
      QSignalBlocker b(m_auto);
      m_auto->setChecked(false);
      applyManual();
    }
  });
  connect(m_view, &DepthView::rangeChanged, this, [this](int lo, int hi) {
    QSignalBlocker a(m_min), b(m_max);
    m_min->setValue(lo);
    m_max->setValue(hi);
  });
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(bar);
  layout->addWidget(m_view, 1);
}

} // namespace tacit
