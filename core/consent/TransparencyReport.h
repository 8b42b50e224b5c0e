#pragma once
// Transparency report (DESIGN §7): a PDF for one worker listing, per recording, what was captured,
// what was removed or blurred and why, the consent history and every export that used their data.
// Rendering uses QTextDocument + QPdfWriter (Qt6::Gui): call with a QGuiApplication running
// (offscreen is fine). Strings go through QCoreApplication::translate("TransparencyReport", ...).
#include <QImage>
#include <QString>
#include <filesystem>
#include <map>
#include <string>

#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"

namespace tacit::consent {

struct TransparencyReportOptions {
  bool thumbnails = true; // a frame of each recording (spatial redactions blurred)
};

// The report as HTML plus the images it references (url -> image); used by writeTransparencyReport
// and by the GUI summary page.
struct ReportContent {
  QString html;
  std::map<QString, QImage> images;
  int recordings = 0, redactions = 0, exports = 0;
};
Result<ReportContent> buildTransparencyReport(project::ProjectStore &store, const std::string &workerId,
                                              const TransparencyReportOptions &options = {});
Status writeTransparencyReport(project::ProjectStore &store, const std::string &workerId,
                               const std::filesystem::path &pdfPath, const TransparencyReportOptions &options = {});

// A middle frame of the recording's main video, scaled to `width`, with its spatial redactions
// blurred (null image when the video cannot be read).
QImage recordingThumbnail(const RecordingContext &recording, int width = 320, double fraction = 0.5);
// The same, opening the project's recording.
QImage recordingThumbnail(project::ProjectStore &store, const project::RecordingRecord &rec, int width = 320,
                          double fraction = 0.5);

} // namespace tacit::consent
