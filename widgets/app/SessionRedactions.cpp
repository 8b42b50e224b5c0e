#include "widgets/app/SessionRedactions.h"

#include <QCoreApplication>
#include <QPainter>

namespace tacit {

bool SessionRedactions::blanked(const std::string &stream, Timestamp t) const {
  for (const auto &r : m_redactions)
    if (!r.spatial() && r.coversStream(stream) && t >= r.startNs && t < r.endNs)
      return true;
  return false;
}

std::vector<TimeRange> SessionRedactions::blankedSpans(const std::string &stream) const {
  std::vector<TimeRange> out;
  for (const auto &r : m_redactions)
    if (!r.spatial() && r.coversStream(stream))
      out.push_back({r.startNs, r.endNs});
  return out;
}

std::vector<project::RedactionBox> SessionRedactions::boxesAt(Timestamp t) const {
  std::vector<project::RedactionBox> out;
  for (const auto &r : m_redactions) {
    const auto b = r.boxesAt(t);
    out.insert(out.end(), b.begin(), b.end());
  }
  return out;
}

TimelineLane SessionRedactions::lane(Timestamp shift) const {
  TimelineLane lane;
  lane.id = QStringLiteral("redactions");
  lane.name = QCoreApplication::translate("SessionRedactions", "Redactions");
  lane.kind = TimelineLane::Kind::Flags;
  lane.color = QColor(0x50, 0x50, 0x58);
  for (const auto &r : m_redactions) {
    QStringList streams;
    for (const auto &s : r.streams)
      streams << QString::fromStdString(s);
    const QString what =
        r.spatial() ? QCoreApplication::translate("SessionRedactions", "Blurred")
                    : QCoreApplication::translate("SessionRedactions", "Removed (%1)")
                          .arg(streams.isEmpty() ? QCoreApplication::translate("SessionRedactions", "all streams")
                                                 : streams.join(QStringLiteral(", ")));
    lane.spans.push_back({{r.startNs + shift, r.endNs + shift},
                          what,
                          r.spatial() ? QColor(0x8a, 0x8a, 0x9a) : QColor(0x30, 0x30, 0x38)});
  }
  return lane;
}

QImage SessionRedactions::blankFrame(const QSize &size) {
  QImage img(size.isValid() && !size.isEmpty() ? size : QSize(320, 240), QImage::Format_RGB32);
  img.fill(blankColour());
  QPainter p(&img);
  p.setPen(QColor(200, 200, 205));
  QFont f = p.font();
  f.setPixelSize(std::max(12, img.height() / 12));
  p.setFont(f);
  p.drawText(img.rect(), Qt::AlignCenter, QCoreApplication::translate("SessionRedactions", "Redacted"));
  return img;
}

} // namespace tacit
