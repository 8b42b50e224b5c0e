#pragma once
// Label interchange (tacit-cli labels export/import): segments, quality flags and review history.
// JSON ("tacit-labels" v1) round-trips exactly: export -> import --replace -> export gives the same
// bytes. CSV has one row per segment/flag/review event with ns, seconds and frame numbers.
// Import validates every item first and reports all problems (CSV: with line numbers, JSON: with
// JSON pointers) before changing anything; the change itself is one transaction.
#include <functional>
#include <string>

#include "core/project/FrameGrid.h"
#include "core/project/ProjectStore.h"

namespace tacit::project {

// Frame times of a recording's main video (empty grid = unknown: frame columns stay empty).
using FrameGridProvider = std::function<FrameGrid(const RecordingRecord &)>;

Result<std::string> exportLabelsJson(ProjectStore &store);
Result<std::string> exportLabelsCsv(ProjectStore &store, const FrameGridProvider &grids = {});

struct LabelsImportSummary {
  int recordings = 0, segments = 0, flags = 0, reviewEvents = 0;
};

enum class LabelsFormat { Auto, Json, Csv };

// replace: the recordings named in the file lose their segments, flags and review history first
// (and a JSON taxonomy replaces the project's); otherwise items are added and taxonomies merged.
Result<LabelsImportSummary> importLabels(ProjectStore &store, const std::string &text, const std::string &source,
                                         bool replace, LabelsFormat format = LabelsFormat::Auto,
                                         const FrameGridProvider &grids = {});

// CSV column order (header row).
const std::vector<std::string> &labelsCsvColumns();

} // namespace tacit::project
