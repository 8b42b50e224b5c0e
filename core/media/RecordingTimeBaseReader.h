#pragma once
// The recording time base (core/time/RecordingTime.h) of a recording folder, for code that shows
// times without the recording open in a window (export dialog, report, CLI): the first video
// stream's frame times with its manifest offset, read from the cached frame index. Without a video
// the origin is 0 and no frame numbers are shown.
#include <filesystem>

#include "core/time/RecordingTime.h"
#include "core/util/Result.h"

namespace tacit::media {

Result<RecordingTimeBase> readRecordingTimeBase(const std::filesystem::path &recordingFolder);

} // namespace tacit::media
