#pragma once
// What the operator view must hide (DESIGN §7): a recording's redactions as queries the session asks
// on every tick. Times are on the recording timeline (RecordingContext: the main video's clock; a
// stream's reader time + its streamOffset), the same clock the exporter cuts on. The operator view only reads
// redactions; the consent mode writes them.
#include <QImage>
#include <string>
#include <vector>

#include "core/project/ProjectTypes.h"
#include "widgets/timeline/TimelineLane.h"

namespace tacit {

class SessionRedactions {
public:
  void set(std::vector<project::Redaction> redactions) { m_redactions = std::move(redactions); }
  const std::vector<project::Redaction> &all() const { return m_redactions; }
  bool empty() const { return m_redactions.empty(); }

  // A removal over `stream` ("video", "depth", "imu", "hands", "trajectory", "gaze") covers t.
  bool blanked(const std::string &stream, Timestamp t) const;
  // Removals over `stream` as timeline spans.
  std::vector<TimeRange> blankedSpans(const std::string &stream) const;
  // Blur boxes (normalised) at timeline time t.
  std::vector<project::RedactionBox> boxesAt(Timestamp t) const;
  // The "Redactions" timeline lane; `shift` moves device time to global (the video's user nudge).
  TimelineLane lane(Timestamp shift) const;

  // The picture shown instead of a removed frame: flat grey with "Redacted" in the middle.
  static QImage blankFrame(const QSize &size);
  static QColor blankColour() { return {48, 48, 52}; }

private:
  std::vector<project::Redaction> m_redactions;
};

} // namespace tacit
