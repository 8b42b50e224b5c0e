#pragma once
// Formatting and parsing of playhead times for the GUI. Times shown to users are recording time
// (core/time/RecordingTime.h: "1:02.345"); frame numbers are 0-based like the FrameCode burned into samples.
#include <QString>
#include <optional>

#include "core/time/Timestamp.h"

namespace tacit {

// formatRecordingTime as a QString: "m:ss.mmm" (or "h:mm:ss.mmm" past an hour), "-" when negative.
QString formatClock(Timestamp relativeNs);

struct TimeInput {
  enum Kind { Time, Frame } kind = Time;
  Timestamp relativeNs = 0; // Kind::Time
  qint64 frame = 0;         // Kind::Frame
};
// Accepts "12.5" (seconds), "1:02.5", "1:02:03.25", "#120" / "f120" / "frame 120" (frame number),
// "120f". nullopt when the text is not understood.
std::optional<TimeInput> parseTimeInput(const QString &text);

// A 1-2-5 step (ns) so that `pixelsPerNs * step >= minPixels`.
Timestamp niceTimeStep(double pixelsPerNs, double minPixels);

// Maps a visible time range onto a pixel span [left, left + width).
struct TimeAxis {
  TimeRange visible{0, 1};
  double left = 0;
  double width = 1;
  double xOf(Timestamp t) const {
    return left + (static_cast<double>(t - visible.begin) / static_cast<double>(visible.duration())) * width;
  }
  Timestamp timeAt(double x) const {
    return visible.begin + static_cast<Timestamp>((x - left) / width * static_cast<double>(visible.duration()));
  }
  double pixelsPerNs() const { return width / static_cast<double>(visible.duration()); }
};

// Zooms `visible` by `factor` (< 1 zooms in) around `anchor`, keeping the anchor's screen position,
// clamped to at least minDuration and at most `bounds` (when bounds is not empty).
TimeRange zoomRange(TimeRange visible, double factor, Timestamp anchor, Timestamp minDuration, TimeRange bounds);
// Shifts `visible` by dt, kept inside bounds (when not empty).
TimeRange panRange(TimeRange visible, Timestamp dt, TimeRange bounds);

} // namespace tacit
