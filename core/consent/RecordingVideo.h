#pragma once
// Where a project recording's colour video is, so each thread can open its own VideoSource
// (readers are single-threaded: the GUI keeps one for frame times, workers open their own).
#include <filesystem>
#include <memory>

#include "core/media/VideoSource.h"
#include "core/project/ProjectStore.h"

namespace tacit::consent {

struct RecordingVideo {
  std::filesystem::path path;
  Timestamp timeOffsetNs = 0;
  Result<std::unique_ptr<media::VideoSource>> open() const;
};

// The first video stream of the recording; error names recording.json when there is none.
Result<RecordingVideo> recordingVideo(project::ProjectStore &store, const project::RecordingRecord &recording);

} // namespace tacit::consent
