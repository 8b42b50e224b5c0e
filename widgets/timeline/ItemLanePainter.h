#pragma once
// Paints one lane of TimelineItems in time order, touching only the visible ones: items at least
// kMinBoxPx wide are boxes (colour, text when wide enough, selection outline); narrower ones merge,
// one pixel column at a time, into coverage bars, so the cost is O(log n + min(visible, pixels)).
#include <QColor>
#include <QPainter>
#include <QString>
#include <functional>

#include "widgets/common/TimeFormat.h"
#include "widgets/timeline/TimelineItems.h"

namespace tacit {

struct ItemLaneStyle {
  std::function<QColor(std::int64_t key)> colour;
  std::function<QString(std::int64_t key)> text; // empty function = no text
  // Text by item id (e.g. a flag's reason); used instead of `text` when set.
  std::function<QString(std::int64_t id, std::int64_t key)> idText;
  // Told about every text drawn (accessible text of the lane, tests).
  std::function<void(std::int64_t id, const QString &text)> drawnText;
  bool translucent = false; // flags: see-through fill, solid left edge
  bool overlapping = false; // items may overlap (changes the merge bound)
  std::int64_t selectedId = 0;
};

constexpr double kMinBoxPx = 3.0;
constexpr double kMinTextPx = 28.0; // narrower boxes show their text as a tooltip

// Returns the number of rectangles drawn (boxes + coverage bars).
int paintItemLane(QPainter &p, const TimeAxis &ax, const TimelineItems &items, const QRectF &area,
                  const ItemLaneStyle &style);

} // namespace tacit
