#pragma once
// Curation over a project: analyses every recording whose stored analysis is missing or stale
// (recording changed, curation version changed) and stores the result; the queue then reads only
// what is stored. Long work: run it on the job runner (progress can cancel).
#include <functional>
#include <string>
#include <vector>

#include "core/curation/RecordingAnalysis.h"
#include "core/project/ProjectStore.h"

namespace tacit::curation {

struct ProjectCurationReport {
  int analysed = 0, upToDate = 0, failed = 0;
  std::vector<std::string> problems; // one line per recording that could not be analysed
};

// The labelled segments of a recording as analysis input (label paths from the taxonomy).
Result<std::vector<SegmentInput>> segmentInputs(project::ProjectStore &store, project::Id recordingId);

// Analyses one recording of the project and stores the result.
Result<RecordingAnalysis> analyseProjectRecording(project::ProjectStore &store, const project::RecordingRecord &rec,
                                                  const AnalysisOptions &options = {},
                                                  const AnalysisProgress &progress = {});

// refresh = analyse everything again. progress(fraction, stage) returns false to cancel.
Result<ProjectCurationReport> analyseProject(project::ProjectStore &store, bool refresh,
                                             const AnalysisOptions &options = {},
                                             const AnalysisProgress &progress = {});

} // namespace tacit::curation
