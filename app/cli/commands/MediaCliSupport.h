#pragma once
// Shared by the frame, index and bench commands: turn PATH [--stream ID] into an opened frame
// source through the one loader (RecordingContext). PATH is a recording folder (recording.json;
// default stream: the main colour video) or a plain media file / PNG folder (plain files decoding
// to 16-bit grey, and PNG folders, are depth).
#include <filesystem>
#include <memory>
#include <string>

#include "core/media/FrameSource.h"
#include "core/recording/RecordingContext.h"
#include "core/util/Result.h"

class QCommandLineParser;
class QString;

namespace tacit::cli {

Result<MediaStream> resolveMediaStream(const std::filesystem::path &path, const std::string &streamId);
// decoderThreads: 2 for sequential throughput (frame threading).
Result<std::unique_ptr<media::FrameSource>> openMediaStream(const MediaStream &stream, int decoderThreads = 2,
                                                            int convertThreads = 2);

// The PATH positional and --stream ID option of frame and index (one wording for both commands).
void addMediaPathArguments(QCommandLineParser &parser);
// -1 when exactly one PATH was given, else prints the usage error and returns kExitUsage.
int checkMediaPathArguments(const QCommandLineParser &parser, const QString &command);

struct OpenedMedia {
  MediaStream stream;
  std::unique_ptr<media::FrameSource> source;
};
// Resolves PATH [--stream ID] and opens it with one decoder thread (exact single-frame work).
// -1 with `out` filled, else prints the error (naming the file) and returns kExitDataError.
int openMediaPathArguments(const QCommandLineParser &parser, OpenedMedia &out);

} // namespace tacit::cli
