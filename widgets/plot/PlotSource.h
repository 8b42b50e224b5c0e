#pragma once
// What a plot draws: a few channels of one time series, queried as min/max buckets over a global
// time range (DESIGN §3.3 windowQuery), so a 2-hour trace costs the same to draw as a 2-second one.
#include <QColor>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

#include "core/series/Series.h"
#include "core/time/Timestamp.h"

namespace tacit {

class PlotSource {
public:
  virtual ~PlotSource() = default;
  virtual QString title() const = 0;
  virtual QString unit() const = 0;
  virtual QStringList channelNames() const = 0;
  virtual std::vector<QColor> channelColors() const;
  // Global time (stream offset applied).
  virtual TimeRange timeRange() const = 0;
  // Rows in channel order; bucket times are global.
  virtual series::SeriesWindow window(TimeRange globalRange, std::size_t maxPoints) const = 0;
};

// Channels of a series::Series. `offset` is read on every query so offset edits apply at once.
class SeriesPlotSource : public PlotSource {
public:
  SeriesPlotSource(QString title, QString unit, std::shared_ptr<const series::Series> series, std::vector<int> channels,
                   QStringList names, std::function<Timestamp()> offset = {});
  QString title() const override { return m_title; }
  QString unit() const override { return m_unit; }
  QStringList channelNames() const override { return m_names; }
  std::vector<QColor> channelColors() const override;
  void setColors(std::vector<QColor> colors) { m_colors = std::move(colors); }
  // Spans (on the recording timeline: file time + `deviceOffset`, the stream's offset) whose
  // buckets are returned as NaN, i.e. drawn as gaps: redacted data is not shown to operators.
  void setBlanked(std::vector<TimeRange> deviceSpans, Timestamp deviceOffset);
  TimeRange timeRange() const override;
  series::SeriesWindow window(TimeRange globalRange, std::size_t maxPoints) const override;

private:
  QString m_title, m_unit;
  std::shared_ptr<const series::Series> m_series;
  std::vector<int> m_channels;
  QStringList m_names;
  std::vector<QColor> m_colors;
  std::function<Timestamp()> m_offset;
  std::vector<TimeRange> m_blanked; // file time
};

} // namespace tacit
