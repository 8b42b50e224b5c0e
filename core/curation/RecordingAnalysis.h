#pragma once
// Everything curation computes for one recording in one pass: the integrity lane, the motion
// signals' metrics for the whole recording and each labelled segment, pixel metrics on sampled
// frames (outside hidden spans), and boundary suggestions. Used by `tacit-cli curate`, the queue
// and the window (on the job runner).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/curation/BoundarySuggester.h"
#include "core/curation/DemoMetrics.h"
#include "core/curation/HiddenSpans.h"
#include "core/curation/Integrity.h"
#include "core/curation/PixelMetrics.h"

namespace tacit::curation {

// Bumped when a stored analysis must be recomputed (the project keeps one per recording).
constexpr int kAnalysisVersion = 1;

struct SegmentInput {
  std::int64_t id = 0; // project segment id
  std::string label;   // label path ("" = unlabelled)
  TimeRange range;
};

struct SegmentMetrics {
  SegmentInput segment;
  MetricSet metrics;
};

struct AnalysisOptions {
  IntegrityOptions integrity;
  MotionOptions motion;
  MetricOptions metrics;
  PixelOptions pixels;
  SuggestOptions suggest;
  bool pixelMetrics = true;
  bool runIntegrity = true;
  bool suggestions = true;
};

struct RecordingAnalysis {
  std::string recordingUuid;
  TimeRange span;
  IntegrityReport integrity;
  MetricSet recording;
  std::vector<SegmentMetrics> segments;
  std::vector<BoundarySuggestion> suggestions;
  std::vector<FrameQuality> frames;
  std::string pixelNote;  // why pixel metrics are missing ("" when computed)
  bool cancelled = false; // progress returned false: the analysis is incomplete
};

// progress(fraction, stage) returns false to cancel.
using AnalysisProgress = std::function<bool(double, const std::string &)>;

Result<RecordingAnalysis> analyzeRecording(const std::filesystem::path &folder, const HiddenSpans &hidden,
                                           const std::vector<SegmentInput> &segments,
                                           const AnalysisOptions &options = {}, const AnalysisProgress &progress = {});
// The same on signals already loaded.
RecordingAnalysis analyzeSignals(const RecordingSignals &recording, const HiddenSpans &hidden,
                                 const std::vector<SegmentInput> &segments, const AnalysisOptions &options = {},
                                 const AnalysisProgress &progress = {});

} // namespace tacit::curation
