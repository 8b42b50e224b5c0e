#include "widgets/common/TimeFormat.h"

#include "core/time/RecordingTime.h"

#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace tacit {

QString formatClock(Timestamp relativeNs) {
  return QString::fromStdString(formatRecordingTime(relativeNs));
}

std::optional<TimeInput> parseTimeInput(const QString &raw) {
  const QString text = raw.trimmed().toLower();
  if (text.isEmpty())
    return std::nullopt;
  static const QRegularExpression frameRe(QStringLiteral("^(?:#|f|frame\\s*)(\\d+)$|^(\\d+)\\s*f$"));
  if (auto m = frameRe.match(text); m.hasMatch()) {
    TimeInput in;
    in.kind = TimeInput::Frame;
    in.frame = (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLongLong();
    return in;
  }
  const QStringList parts = QString(text).remove(QLatin1Char('s')).split(QLatin1Char(':'));
  if (parts.size() > 3)
    return std::nullopt;
  double seconds = 0;
  for (const QString &p : parts) {
    bool ok = false;
    const double v = p.toDouble(&ok);
    if (!ok || v < 0)
      return std::nullopt;
    seconds = seconds * 60 + v;
  }
  TimeInput in;
  in.relativeNs = fromSeconds(seconds);
  return in;
}

Timestamp niceTimeStep(double pixelsPerNs, double minPixels) {
  if (pixelsPerNs <= 0)
    return kNsPerSecond;
  const double minNs = minPixels / pixelsPerNs;
  static const double kMults[] = {1, 2, 5};
  double base = 1;
  while (true) {
    for (double m : kMults)
      if (base * m >= minNs)
        return static_cast<Timestamp>(base * m);
    base *= 10;
    if (base > 1e15)
      return static_cast<Timestamp>(base);
  }
}

TimeRange zoomRange(TimeRange visible, double factor, Timestamp anchor, Timestamp minDuration, TimeRange bounds) {
  const double dur = static_cast<double>(visible.duration());
  double newDur = std::max(static_cast<double>(minDuration), dur * factor);
  if (!bounds.empty())
    newDur = std::min(newDur, static_cast<double>(bounds.duration()));
  const double frac = dur > 0 ? static_cast<double>(anchor - visible.begin) / dur : 0.5;
  TimeRange out;
  out.begin = anchor - static_cast<Timestamp>(frac * newDur);
  out.end = out.begin + static_cast<Timestamp>(newDur);
  return panRange(out, 0, bounds);
}

TimeRange panRange(TimeRange visible, Timestamp dt, TimeRange bounds) {
  TimeRange out{visible.begin + dt, visible.end + dt};
  if (bounds.empty())
    return out;
  if (out.duration() >= bounds.duration())
    return bounds;
  if (out.begin < bounds.begin)
    out = {bounds.begin, bounds.begin + visible.duration()};
  if (out.end > bounds.end)
    out = {bounds.end - visible.duration(), bounds.end};
  return out;
}

} // namespace tacit
