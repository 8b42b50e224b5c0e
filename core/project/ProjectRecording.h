#pragma once
// A project's recording through the one loader: RecordingContext::open on its folder with the
// project's per-stream offsets and redactions (docs/recording-context.md). Used by the worker consent
// mode, face QA, the transparency report, export and the CLI.
#include <memory>

#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"

namespace tacit::project {

// options.offsets and options.redactions are replaced by the project's.
Result<std::unique_ptr<RecordingContext>> openProjectRecording(ProjectStore &store, const RecordingRecord &recording,
                                                               RecordingContext::Options options = {});

// The main colour video of a project recording (its frame times and a way to open readers on any
// thread); the error names recording.json when there is none.
Result<MediaStream> projectVideoStream(ProjectStore &store, const RecordingRecord &recording);

// The project's part of the options alone (the window reads it on the GUI thread, then opens on a job).
Status addProjectState(ProjectStore &store, Id recordingId, RecordingContext::Options &options);

} // namespace tacit::project
