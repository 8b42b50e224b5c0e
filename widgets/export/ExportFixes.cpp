#include "widgets/export/ExportFixes.h"

#include <QCoreApplication>
#include <algorithm>

namespace tacit {

std::vector<ExportFix> exportFixes(const exporting::GateInput &in, const exporting::GateOptions &opt,
                                   const exporting::GateCandidate &c) {
  using Kind = ExportFix::Kind;
  std::vector<ExportFix> out;
  if (c.included())
    return out;
  const auto rec = std::find_if(in.recordings.begin(), in.recordings.end(),
                                [&](const exporting::GateRecording &r) { return r.id == c.recordingId; });
  if (rec == in.recordings.end())
    return out;
  if (rec->reviewStatus != "approved")
    out.push_back({Kind::Review, rec->id, 0, QCoreApplication::translate("ExportFixes", "Review recording…")});
  if (rec->workerId.empty()) {
    out.push_back({Kind::Worker, rec->id, 0, QCoreApplication::translate("ExportFixes", "Set worker…")});
  } else {
    // The latest ledger event for this worker that covers the recording decides (as in the gate).
    const exporting::GateConsent *latest = nullptr;
    for (const auto &e : in.consent)
      if (e.workerId == rec->workerId && (e.recordingId == 0 || e.recordingId == rec->id) &&
          (!latest || e.id > latest->id))
        latest = &e;
    bool allowed = latest && latest->kind != "withdrawn";
    if (allowed && !(latest->kind == "granted" && latest->scope.find_first_not_of(" \t") == std::string::npos)) {
      const auto uses = exporting::parseConsentScope(latest->scope);
      allowed = std::find(uses.begin(), uses.end(), opt.purpose) != uses.end();
    }
    if (!allowed)
      out.push_back({Kind::Consent, rec->id, 0, QCoreApplication::translate("ExportFixes", "Worker consent review…")});
  }
  for (const auto &f : in.flags)
    if (f.recordingId == rec->id && f.severity >= opt.maxSeverity && (f.wholeRecording || f.range.overlaps(c.range)))
      out.push_back({Kind::Flag, rec->id, f.id,
                     QCoreApplication::translate("ExportFixes", "Show flag “%1” (severity %2)…")
                         .arg(QString::fromStdString(f.reason))
                         .arg(f.severity)});
  return out;
}

} // namespace tacit
