#pragma once
// Shared by the frame, index and bench commands: turn PATH [--stream ID] into an opened frame
// source. PATH is a recording folder (recording.json; default stream: the first video stream)
// or a plain media file / PNG folder. Plain files decoding to 16-bit grey, and PNG folders, are
// depth.
#include <filesystem>
#include <memory>
#include <string>

#include "core/media/FrameSource.h"
#include "core/time/Timestamp.h"
#include "core/util/Result.h"

namespace tacit::cli {

struct MediaStream {
  std::filesystem::path file;
  std::string id; // stream id in the recording; empty for a plain file
  Timestamp timeOffsetNs = 0;
  bool depth = false;
};

Result<MediaStream> resolveMediaStream(const std::filesystem::path &path, const std::string &streamId);
// decoderThreads: 2 for sequential throughput (frame threading).
Result<std::unique_ptr<media::FrameSource>> openMediaStream(const MediaStream &stream, int decoderThreads = 2,
                                                            int convertThreads = 2);

} // namespace tacit::cli
