#include "core/curation/ProjectCuration.h"

#include <map>

#include "core/curation/AnalysisJson.h"

namespace tacit::curation {

Result<std::vector<SegmentInput>> segmentInputs(project::ProjectStore &store, project::Id recordingId) {
  using R = Result<std::vector<SegmentInput>>;
  auto segments = store.segments(recordingId);
  if (!segments)
    return R::failure(segments.error());
  auto labels = store.labels();
  if (!labels)
    return R::failure(labels.error());
  std::vector<SegmentInput> out;
  for (const auto &s : *segments)
    out.push_back({s.id, s.labelId ? project::labelPath(*labels, s.labelId) : std::string(), s.range()});
  return out;
}

Result<RecordingAnalysis> analyseProjectRecording(project::ProjectStore &store, const project::RecordingRecord &rec,
                                                  const AnalysisOptions &options, const AnalysisProgress &progress) {
  using R = Result<RecordingAnalysis>;
  auto hidden = hiddenForPixels(store, rec);
  if (!hidden)
    return R::failure(hidden.error());
  auto segments = segmentInputs(store, rec.id);
  if (!segments)
    return R::failure(segments.error());
  auto a = analyzeRecording(store.absoluteFolder(rec), *hidden, *segments, options, progress);
  if (!a)
    return a;
  if (!store.isReadOnly()) {
    project::CurationAnalysisRecord record{rec.id, rec.manifestHash, kAnalysisVersion, 0, analysisJson(*a).dump()};
    if (auto st = store.saveCurationAnalysis(record); !st)
      return R::failure(st.error());
  }
  return a;
}

Result<ProjectCurationReport> analyseProject(project::ProjectStore &store, bool refresh, const AnalysisOptions &options,
                                             const AnalysisProgress &progress) {
  using R = Result<ProjectCurationReport>;
  auto recordings = store.recordings();
  if (!recordings)
    return R::failure(recordings.error());
  auto stored = store.curationAnalyses();
  if (!stored)
    return R::failure(stored.error());
  std::map<project::Id, const project::CurationAnalysisRecord *> byId;
  for (const auto &a : *stored)
    byId[a.recordingId] = &a;
  ProjectCurationReport report;
  bool cancelled = false;
  const double n = static_cast<double>(std::max<std::size_t>(1, recordings->size()));
  for (std::size_t i = 0; i < recordings->size(); ++i) {
    const auto &rec = (*recordings)[i];
    const auto it = byId.find(rec.id);
    if (!refresh && it != byId.end() && it->second->manifestHash == rec.manifestHash &&
        it->second->version == kAnalysisVersion) {
      ++report.upToDate;
      continue;
    }
    const double base = static_cast<double>(i) / n;
    auto scaled = [&](double f, const std::string &stage) {
      if (progress && !progress(base + f / n, rec.relativePath + ": " + stage))
        cancelled = true;
      return !cancelled;
    };
    auto a = analyseProjectRecording(store, rec, options, scaled);
    if (cancelled)
      return R::failure(store.path().string() + ": cancelled");
    if (!a) {
      ++report.failed;
      report.problems.push_back(a.error());
      continue;
    }
    ++report.analysed;
  }
  if (progress)
    progress(1.0, "done");
  return report;
}

} // namespace tacit::curation
