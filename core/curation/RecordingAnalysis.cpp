#include "core/curation/RecordingAnalysis.h"

#include "core/util/Logging.h"

namespace tacit::curation {

RecordingAnalysis analyzeSignals(const RecordingSignals &sig, const HiddenSpans &hidden,
                                 const std::vector<SegmentInput> &segments, const AnalysisOptions &o,
                                 const AnalysisProgress &progress) {
  RecordingAnalysis a;
  a.recordingUuid = sig.manifest.id;
  a.span = sig.span();
  bool stop = false;
  auto step = [&](double f, const char *stage) {
    if (progress && !stop && !progress(f, stage))
      stop = a.cancelled = true;
    return !stop;
  };
  auto cancelled = [&] { return stop; };
  if (o.runIntegrity && step(0.05, "integrity"))
    a.integrity = analyzeIntegrity(sig, o.integrity, cancelled);
  if (!step(0.4, "motion"))
    return a;
  const MotionSignals motion = computeMotion(sig, o.motion);
  if (o.pixelMetrics && step(0.55, "frames")) {
    if (hidden.everything)
      a.pixelNote = "pixel metrics skipped: " + hidden.reason;
    else if (!sig.video)
      a.pixelNote = "pixel metrics skipped: no video stream";
    else
      a.frames = sampleFrameQuality(sig, hidden, o.pixels, cancelled);
  }
  if (!step(0.85, "metrics"))
    return a;
  a.recording = computeMetrics(motion, a.span, a.frames, o.metrics);
  if (o.runIntegrity) {
    // Timing and clock problems (tracking dropouts count in tracking_loss instead).
    double count = 0;
    TimeRange first;
    for (const IntegrityIssue &i : a.integrity.issues)
      if (i.kind != IssueKind::TrackingDropout && i.kind != IssueKind::GazeInvalid) {
        ++count;
        if (first.empty())
          first = i.range;
      }
    const double minutes = toSeconds(a.span.duration()) / 60;
    a.recording.values["integrity_issues"] = {count, minutes > 0 ? count / minutes : 0, first};
  }
  for (const SegmentInput &s : segments)
    a.segments.push_back({s, computeMetrics(motion, s.range, a.frames, o.metrics)});
  if (o.suggestions && step(0.95, "suggestions"))
    a.suggestions = suggestBoundaries(motion, o.suggest);
  step(1.0, "done");
  return a;
}

Result<RecordingAnalysis> analyzeRecording(const std::filesystem::path &folder, const HiddenSpans &hidden,
                                           const std::vector<SegmentInput> &segments, const AnalysisOptions &o,
                                           const AnalysisProgress &progress) {
  SignalsOptions so;
  so.loadVideo = true;
  auto sig = loadRecordingSignals(folder, so, [&](double f) { return !progress || progress(0.3 * f, "loading"); });
  if (!sig)
    return Result<RecordingAnalysis>::failure(sig.error());
  auto scaled = [&](double f, const std::string &stage) { return !progress || progress(0.3 + 0.7 * f, stage); };
  Result<RecordingAnalysis> out(analyzeSignals(*sig, hidden, segments, o, scaled));
  if (out->cancelled)
    return Result<RecordingAnalysis>::failure(folder.generic_string() + ": cancelled");
  out.warnings() = sig.warnings();
  logging::get("tacit.curation")
      ->info("{}: {} integrity issues, {} suggestions", folder.generic_string(), out->integrity.issues.size(),
             out->suggestions.size());
  return out;
}

} // namespace tacit::curation
