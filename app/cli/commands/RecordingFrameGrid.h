#pragma once
// Frame times of a project recording's main video, for the CLI commands that validate or snap spans
// (labels import/export, redact). An empty grid when the folder or its video cannot be read.
#include "core/project/LabelsInterchange.h"

namespace tacit::cli {

project::FrameGrid recordingFrameGrid(project::ProjectStore &store, const project::RecordingRecord &record);
project::FrameGridProvider recordingFrameGrids(project::ProjectStore &store);

} // namespace tacit::cli
