#include "core/consent/TransparencyReport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <set>

#include "core/consent/ConsentLedger.h"
#include "core/consent/FaceBlur.h"
#include "core/project/ProjectRecording.h"
#include "core/util/AtomicFile.h"

namespace tacit::consent {

namespace {

QString tr(const char *text) {
  return QCoreApplication::translate("TransparencyReport", text);
}

QString esc(const std::string &s) {
  return QString::fromStdString(s).toHtmlEscaped();
}

QString when(std::int64_t ms) {
  return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd hh:mm 'UTC'"));
}

std::string joined(const std::vector<std::string> &v) {
  std::string out;
  for (const auto &s : v)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

QString seconds(Timestamp ns) {
  return QString::number(static_cast<double>(ns) / 1e9, 'f', 2) + QStringLiteral(" s");
}

} // namespace

QImage recordingThumbnail(const RecordingContext &recording, int width, double fraction) {
  const MediaStream *video = recording.video();
  if (!video || video->frameCount() == 0)
    return {};
  auto reader = video->open(1);
  if (!reader)
    return {};
  const auto n = static_cast<std::int64_t>(video->frameCount());
  const auto idx = std::clamp<std::int64_t>(static_cast<std::int64_t>(fraction * static_cast<double>(n)), 0, n - 1);
  auto f = (*reader)->frame(idx);
  if (!f)
    return {};
  QImage img = f->image().copy();
  img = blurBoxes(img, boxesAt(recording.redactions(), f->ptsNs + recording.streamOffset(video->id)));
  return img.scaledToWidth(width, Qt::SmoothTransformation);
}

QImage recordingThumbnail(project::ProjectStore &store, const project::RecordingRecord &rec, int width,
                          double fraction) {
  RecordingContext::Options o;
  o.series = false;
  auto ctx = project::openProjectRecording(store, rec, o);
  return ctx ? recordingThumbnail(**ctx, width, fraction) : QImage();
}

Result<ReportContent> buildTransparencyReport(project::ProjectStore &store, const std::string &workerId,
                                              const TransparencyReportOptions &options) {
  using R = Result<ReportContent>;
  auto consent = recordingConsent(store, workerId);
  if (!consent)
    return R::failure(consent.error());
  if (consent->empty())
    return R::failure(store.path().string() + ": no recordings of worker '" + workerId + "'");
  auto events = store.consentEvents();
  if (!events)
    return R::failure(events.error());
  auto uses = exportsContainingWorker(store, workerId);
  if (!uses)
    return R::failure(uses.error());

  ReportContent out;
  const std::string workerName = consent->front().recording.workerName;
  QString h;
  h += QStringLiteral("<html><body style='font-family:sans-serif'>");
  h += QStringLiteral("<h1>%1</h1>").arg(tr("Transparency report"));
  h += QStringLiteral("<p>%1: <b>%2</b> (%3)<br/>%4: %5</p>")
           .arg(tr("Worker"), esc(workerName.empty() ? workerId : workerName), esc(workerId), tr("Generated"),
                when(project::nowMs()));

  for (const auto &c : *consent) {
    const auto &r = c.recording;
    ++out.recordings;
    h += QStringLiteral("<h2>%1 %2</h2>").arg(tr("Recording"), esc(r.uuid));
    RecordingContext::Options openOptions;
    openOptions.series = false;
    auto opened = project::openProjectRecording(store, r, openOptions);
    if (options.thumbnails && opened) {
      const QImage thumb = recordingThumbnail(**opened, 320);
      if (!thumb.isNull()) {
        const QString url = QStringLiteral("thumb://%1").arg(r.id);
        out.images[url] = thumb;
        h += QStringLiteral("<p><img src='%1' width='%2'/></p>").arg(url).arg(thumb.width());
      }
    }
    QStringList streams;
    if (opened)
      for (const auto &s : (*opened)->manifest().streams)
        streams << QString::fromLatin1(streamKindName(s.kind));
    h += QStringLiteral("<p>%1: %2<br/>%3: %4<br/>%5: %6<br/>%7: %8</p>")
             .arg(tr("Task"), esc(r.task), tr("Started"), esc(r.startedAt), tr("Duration"), seconds(r.durationNs),
                  tr("Captured streams"), streams.isEmpty() ? tr("unknown") : streams.join(QStringLiteral(", ")));
    // What was removed or blurred, and why.
    h += QStringLiteral("<h3>%1</h3>").arg(tr("Removed or blurred"));
    auto reds = store.redactions(r.id);
    if (!reds)
      return R::failure(reds.error());
    if (reds->empty())
      h += QStringLiteral("<p>%1</p>").arg(tr("Nothing was removed or blurred."));
    else {
      h += QStringLiteral("<table border='1' cellpadding='3'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
               .arg(tr("What"), tr("When"), tr("Streams"), tr("Why"));
      for (const auto &x : *reds) {
        ++out.redactions;
        QStringList st;
        for (const auto &s : x.streams)
          st << QString::fromStdString(s);
        h += QStringLiteral("<tr><td>%1</td><td>%2 – %3</td><td>%4</td><td>%5 (%6, %7)</td></tr>")
                 .arg(x.boxes.empty()           ? tr("Removed")
                      : x.boxes.front().keyed() ? tr("Blurred (box followed over %1 frames)").arg(x.boxes.size())
                                                : tr("Blurred"),
                      seconds(x.startNs), seconds(x.endNs), st.isEmpty() ? tr("all") : st.join(QStringLiteral(", ")),
                      esc(x.reason), esc(x.author), when(x.createdAtMs));
      }
      h += QStringLiteral("</table>");
    }
    h += QStringLiteral("<p>%1: <b>%2</b>%3</p>")
             .arg(tr("Consent now"),
                  c.state == "granted"     ? tr("granted")
                  : c.state == "withdrawn" ? tr("withdrawn")
                                           : tr("not recorded"),
                  c.uses.empty() ? QString()
                                 : QStringLiteral(" (") + QString::fromStdString(joined(c.uses)) + QStringLiteral(")"));
  }

  h += QStringLiteral("<h2>%1</h2>").arg(tr("Consent history"));
  h += QStringLiteral("<table border='1' cellpadding='3'><tr><th>#</th><th>%1</th><th>%2</th><th>%3</th><th>%4</th>"
                      "<th>%5</th></tr>")
           .arg(tr("When"), tr("Event"), tr("Recording"), tr("Uses"), tr("Signed"));
  for (const auto &e : *events) {
    if (e.workerId != workerId)
      continue;
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
             .arg(e.id)
             .arg(when(e.atMs), QString::fromLatin1(project::consentKindName(e.kind)),
                  e.recordingId ? QString::number(e.recordingId) : tr("all"),
                  QString::fromStdString(joined(scopeUses(e.scope))).toHtmlEscaped(), esc(e.signature));
  }
  h += QStringLiteral("</table>");

  h += QStringLiteral("<h2>%1</h2>").arg(tr("Where your data went"));
  if (uses->empty())
    h += QStringLiteral("<p>%1</p>").arg(tr("No export has used your data."));
  for (const auto &u : *uses) {
    ++out.exports;
    h += QStringLiteral("<p>%1 #%2 (%3) %4 %5: %6<br/>%7: %8</p>")
             .arg(tr("Export"))
             .arg(u.record.id)
             .arg(esc(u.record.format), tr("on"), when(u.record.atMs), esc(u.record.destination), tr("Episodes"))
             .arg(u.episodes.empty() ? QString::number(u.items.size())
                                     : QString::fromStdString(joined(u.episodes)).toHtmlEscaped());
  }
  h += QStringLiteral("</body></html>");
  out.html = h;
  return R(std::move(out));
}

Status writeTransparencyReport(project::ProjectStore &store, const std::string &workerId,
                               const std::filesystem::path &pdfPath, const TransparencyReportOptions &options) {
  auto content = buildTransparencyReport(store, workerId, options);
  if (!content)
    return Status::failure(content.error());
  // Rendered in memory and written atomically: a full disk gives an error, never a truncated PDF.
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  {
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(150);
    pdf.setTitle(tr("Transparency report"));
    pdf.setCreator(QStringLiteral("Tacit"));
    QTextDocument doc;
    for (const auto &[url, img] : content->images)
      doc.addResource(QTextDocument::ImageResource, QUrl(url), img);
    doc.setHtml(content->html);
    doc.print(&pdf);
  } // the writer is done with the buffer
  buffer.close();
  if (buffer.data().isEmpty())
    return Status::failure(pdfPath.string() + ": could not render the PDF");
  return writeFileAtomically(
      pdfPath, std::string_view(buffer.data().constData(), static_cast<std::size_t>(buffer.data().size())));
}

} // namespace tacit::consent
