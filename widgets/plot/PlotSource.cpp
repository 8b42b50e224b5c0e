#include "widgets/plot/PlotSource.h"

#include <limits>

namespace tacit {

std::vector<QColor> PlotSource::channelColors() const {
  static const std::vector<QColor> kPalette = {QColor(0xff, 0x5f, 0x56), QColor(0x4c, 0xd9, 0x64),
                                               QColor(0x3a, 0x9b, 0xff), QColor(0xff, 0xcc, 0x00),
                                               QColor(0xbf, 0x5a, 0xf2), QColor(0x64, 0xd2, 0xff)};
  std::vector<QColor> out;
  for (int i = 0; i < channelNames().size(); ++i)
    out.push_back(kPalette[i % kPalette.size()]);
  return out;
}

SeriesPlotSource::SeriesPlotSource(QString title, QString unit, std::shared_ptr<const series::Series> series,
                                   std::vector<int> channels, QStringList names, std::function<Timestamp()> offset)
    : m_title(std::move(title)), m_unit(std::move(unit)), m_series(std::move(series)), m_channels(std::move(channels)),
      m_names(std::move(names)), m_offset(std::move(offset)) {}

std::vector<QColor> SeriesPlotSource::channelColors() const {
  return m_colors.empty() ? PlotSource::channelColors() : m_colors;
}

TimeRange SeriesPlotSource::timeRange() const {
  if (!m_series || m_series->empty())
    return {};
  const Timestamp off = m_offset ? m_offset() : 0;
  const TimeRange r = m_series->timeRange();
  return {r.begin + off, r.end + off};
}

void SeriesPlotSource::setBlanked(std::vector<TimeRange> deviceSpans, Timestamp deviceOffset) {
  for (auto &s : deviceSpans)
    s = {s.begin - deviceOffset, s.end - deviceOffset};
  m_blanked = std::move(deviceSpans);
}

series::SeriesWindow SeriesPlotSource::window(TimeRange range, std::size_t maxPoints) const {
  if (!m_series || m_series->empty())
    return {};
  const Timestamp off = m_offset ? m_offset() : 0;
  series::SeriesWindow w = m_series->windowQuery({range.begin - off, range.end - off}, maxPoints, m_channels);
  for (std::size_t b = 0; b < w.bucketCount() && !m_blanked.empty(); ++b) {
    const TimeRange bucket{w.begin[b], w.end[b] + 1};
    for (const auto &span : m_blanked)
      if (span.overlaps(bucket)) {
        for (std::size_t r = 0; r < w.min.size(); ++r)
          w.min[r][b] = w.max[r][b] = std::numeric_limits<float>::quiet_NaN();
        break;
      }
  }
  if (off != 0) {
    for (auto &t : w.begin)
      t += off;
    for (auto &t : w.end)
      t += off;
  }
  return w;
}

} // namespace tacit
