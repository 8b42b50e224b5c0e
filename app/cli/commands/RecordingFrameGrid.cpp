#include "app/cli/commands/RecordingFrameGrid.h"

#include "core/project/ProjectRecording.h"

namespace tacit::cli {

// Through the one loader (core/project/ProjectRecording), so the grid carries the project's stream
// offsets exactly as the window's timeline does.
project::FrameGrid recordingFrameGrid(project::ProjectStore &store, const project::RecordingRecord &r) {
  auto video = project::projectVideoStream(store, r);
  return video && video->frameTimes ? project::FrameGrid(*video->frameTimes) : project::FrameGrid();
}

project::FrameGridProvider recordingFrameGrids(project::ProjectStore &store) {
  return [&store](const project::RecordingRecord &r) { return recordingFrameGrid(store, r); };
}

} // namespace tacit::cli
