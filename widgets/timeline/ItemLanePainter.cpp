#include "widgets/timeline/ItemLanePainter.h"

#include <algorithm>
#include <cmath>

namespace tacit {

namespace {
QColor textColourOn(const QColor &c) {
  return c.lightnessF() > 0.55 ? QColor(0x10, 0x10, 0x10) : QColor(0xf4, 0xf4, 0xf4);
}
} // namespace

int paintItemLane(QPainter &p, const TimeAxis &ax, const TimelineItems &items, const QRectF &area,
                  const ItemLaneStyle &style) {
  if (items.empty())
    return 0;
  const TimeRange vis = ax.visible;
  std::size_t i = items.firstEndingAfter(vis.begin);
  const std::size_t endIdx = items.firstStartingAtOrAfter(vis.end, i);
  int drawn = 0;
  const QFontMetrics fm = p.fontMetrics();

  // Current coverage bar (merged sub-pixel items of one colour).
  bool runOpen = false;
  double runX0 = 0, runX1 = 0;
  QColor runColour;
  auto fill = [&](double x0, double x1, const QColor &c) {
    const QRectF r(x0, area.top(), x1 - x0, area.height());
    if (style.translucent) {
      p.fillRect(r, QColor(c.red(), c.green(), c.blue(), 140));
      p.fillRect(QRectF(x0, area.top(), std::min(2.0, x1 - x0), area.height()), c);
    } else {
      p.fillRect(r, c);
    }
    ++drawn;
  };
  auto flush = [&] {
    if (runOpen)
      fill(runX0, runX1, runColour);
    runOpen = false;
  };

  while (i < endIdx) {
    const TimelineItem &it = items[i];
    const double x0 = std::max(area.left() - 2, ax.xOf(it.start));
    const double x1 = std::min(area.right() + 2, ax.xOf(it.end));
    const QColor c = style.colour(it.key);
    if (x1 - x0 >= kMinBoxPx) {
      flush();
      fill(x0, x1, c);
      // A darker first column separates abutting items of the same colour.
      if (!style.translucent)
        p.fillRect(QRectF(x0, area.top(), 1, area.height()), c.darker(150));
      if (it.id == style.selectedId) {
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x0 + 1, area.top() + 1, x1 - x0 - 2, area.height() - 2));
      }
      if ((style.text || style.idText) && x1 - x0 >= kMinTextPx) {
        const QString t = style.idText ? style.idText(it.id, it.key) : style.text(it.key);
        if (!t.isEmpty()) {
          p.setPen(style.translucent ? QColor(0xf4, 0xf4, 0xf4) : textColourOn(c));
          const QRectF tr(x0 + 4, area.top(), x1 - x0 - 7, area.height());
          const QString shown = fm.elidedText(t, Qt::ElideRight, int(tr.width()));
          p.drawText(tr, Qt::AlignVCenter | Qt::AlignLeft, shown);
          if (style.drawnText)
            style.drawnText(it.id, shown);
        }
      }
      ++i;
      continue;
    }
    // Narrow item: everything starting in the same pixel column joins it; skip them with one search.
    const double col = std::floor(x0);
    std::size_t j = items.firstStartingAtOrAfter(ax.timeAt(col + 1), i + 1);
    j = std::max(j, i + 1);
    const Timestamp lastEnd = style.overlapping ? std::max(it.end, items[j - 1].end) : items[j - 1].end;
    const double cx1 = std::min(area.right() + 2, std::max(col + 1, ax.xOf(lastEnd)));
    if (runOpen && c == runColour && col <= runX1 + 0.5) {
      runX1 = std::max(runX1, cx1);
    } else {
      flush();
      runOpen = true;
      runX0 = col;
      runX1 = cx1;
      runColour = c;
    }
    i = j;
  }
  flush();
  return drawn;
}

} // namespace tacit
