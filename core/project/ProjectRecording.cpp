#include "core/project/ProjectRecording.h"

namespace tacit::project {

Status addProjectState(ProjectStore &store, Id recordingId, RecordingContext::Options &options) {
  auto offsets = store.streamOffsets(recordingId);
  if (!offsets)
    return Status::failure(offsets.error());
  auto redactions = store.redactions(recordingId);
  if (!redactions)
    return Status::failure(redactions.error());
  options.offsets = offsets.takeValue();
  options.redactions = redactions.takeValue();
  return okStatus();
}

Result<std::unique_ptr<RecordingContext>> openProjectRecording(ProjectStore &store, const RecordingRecord &recording,
                                                               RecordingContext::Options options) {
  if (auto st = addProjectState(store, recording.id, options); !st)
    return Result<std::unique_ptr<RecordingContext>>::failure(st.error());
  return RecordingContext::open(store.absoluteFolder(recording), options);
}

Result<MediaStream> projectVideoStream(ProjectStore &store, const RecordingRecord &recording) {
  RecordingContext::Options o;
  o.series = false;
  auto ctx = openProjectRecording(store, recording, o);
  if (!ctx)
    return Result<MediaStream>::failure(ctx.error());
  const MediaStream *video = (*ctx)->video();
  if (!video)
    return Result<MediaStream>::failure(((*ctx)->manifest().folder / "recording.json").string() + ": no video stream");
  return *video;
}

} // namespace tacit::project
