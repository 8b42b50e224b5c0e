#include "widgets/plot/PlotsView.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tacit {

PlotsView::PlotsView(QWidget *parent) : QWidget(parent) {
  m_layout = new QVBoxLayout(this);
  m_layout->setContentsMargins(0, 0, 0, 0);
  m_layout->setSpacing(1);
  auto *empty = new QLabel(tr("No sensor streams"), this);
  empty->setAlignment(Qt::AlignCenter);
  m_layout->addWidget(empty);
}

void PlotsView::setSources(const std::vector<std::shared_ptr<PlotSource>> &sources, TimeRange bounds) {
  while (QLayoutItem *item = m_layout->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  m_plots.clear();
  m_bounds = bounds;
  m_visible = bounds;
  for (const auto &src : sources) {
    auto *plot = new PlotWidget(this);
    plot->setSource(src);
    plot->setBounds(bounds);
    plot->setVisibleRange(bounds);
    plot->setPlayhead(m_playhead);
    connect(plot, &PlotWidget::visibleRangeRequested, this, &PlotsView::setVisibleRange);
    connect(plot, &PlotWidget::seekRequested, this, &PlotsView::seekRequested);
    m_layout->addWidget(plot, 1);
    m_plots.push_back(plot);
  }
  if (sources.empty()) {
    auto *empty = new QLabel(tr("No sensor streams"), this);
    empty->setAlignment(Qt::AlignCenter);
    m_layout->addWidget(empty);
  }
}

void PlotsView::setLoading(const QString &text) {
  setSources({}, m_bounds);
  if (auto *label = findChild<QLabel *>())
    label->setText(text);
}

void PlotsView::setBounds(TimeRange bounds) {
  m_bounds = bounds;
  for (PlotWidget *p : m_plots)
    p->setBounds(bounds);
}

void PlotsView::setVisibleRange(TimeRange visible) {
  m_visible = visible;
  for (PlotWidget *p : m_plots)
    p->setVisibleRange(visible);
}

void PlotsView::fit() {
  setVisibleRange(m_bounds);
}

void PlotsView::setPlayhead(qint64 t) {
  m_playhead = t;
  // Follow the playhead when it leaves a zoomed-in view.
  if (!m_visible.empty() && !m_visible.contains(t) && m_visible.duration() < m_bounds.duration()) {
    const Timestamp d = m_visible.duration();
    setVisibleRange(panRange({t - d / 10, t - d / 10 + d}, 0, m_bounds));
  }
  for (PlotWidget *p : m_plots)
    p->setPlayhead(t);
}

} // namespace tacit
