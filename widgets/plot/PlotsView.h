#pragma once
// The Plots dock: a stack of PlotWidgets (accelerometer, gyroscope, hand confidence, hand speed)
// sharing one visible time range and the playhead.
#include <QWidget>
#include <memory>
#include <vector>

#include "widgets/plot/PlotWidget.h"

class QVBoxLayout;

namespace tacit {

class PlotsView : public QWidget {
  Q_OBJECT
public:
  explicit PlotsView(QWidget *parent = nullptr);

  void setSources(const std::vector<std::shared_ptr<PlotSource>> &sources, TimeRange bounds);
  // No plots yet: shows `text` (e.g. while the sensor series load) instead.
  void setLoading(const QString &text);
  // The range panning and fit() may reach (e.g. grown when the sensor series arrive).
  void setBounds(TimeRange bounds);
  const std::vector<PlotWidget *> &plots() const { return m_plots; }
  void setVisibleRange(TimeRange visible);
  TimeRange visibleRange() const { return m_visible; }

public slots:
  void setPlayhead(qint64 timeNs);
  void fit();

signals:
  void seekRequested(qint64 timeNs);

private:
  QVBoxLayout *m_layout = nullptr;
  std::vector<PlotWidget *> m_plots;
  TimeRange m_bounds;
  TimeRange m_visible;
  Timestamp m_playhead = 0;
};

} // namespace tacit
