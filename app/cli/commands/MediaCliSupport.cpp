#include "app/cli/commands/MediaCliSupport.h"

#include <QCommandLineParser>
#include <system_error>

#include "app/cli/CommandRegistry.h"

#include "core/media/DepthSource.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"

namespace fs = std::filesystem;

namespace tacit::cli {

Result<MediaStream> resolveMediaStream(const fs::path &path, const std::string &streamId) {
  std::error_code ec;
  const bool isRecording = (fs::is_directory(path, ec) && fs::exists(path / kRecordingFileName, ec)) ||
                           path.filename() == kRecordingFileName;
  MediaStream out;
  if (!isRecording) {
    if (!streamId.empty())
      return Result<MediaStream>::failure(path.string() + ": --stream needs a recording folder (recording.json)");
    if (!fs::exists(path, ec))
      return Result<MediaStream>::failure(path.string() + ": no such file or folder");
    out.file = path;
    out.depth = fs::is_directory(path, ec);
    if (out.depth) { // a folder is a recording (recording.json) or a folder of PNG depth frames
      bool anyPng = false;
      for (const auto &e : fs::directory_iterator(path, ec))
        if (e.path().extension() == ".png") {
          anyPng = true;
          break;
        }
      if (!anyPng)
        return Result<MediaStream>::failure((path / kRecordingFileName).string() +
                                            ": not found; the folder is not a recording (and has no .png depth "
                                            "images)");
    }
    return out;
  }
  auto manifest = RecordingReader::read(path);
  if (!manifest)
    return Result<MediaStream>::failure(manifest.error());
  const StreamDescriptor *s = streamId.empty() ? manifest->firstOfKind(StreamKind::Video) : manifest->stream(streamId);
  if (!s)
    return Result<MediaStream>::failure(
        (manifest->folder / kRecordingFileName).string() + ": " +
        (streamId.empty() ? std::string("no video stream") : "no stream with id \"" + streamId + "\""));
  if (s->kind != StreamKind::Video && s->kind != StreamKind::Depth)
    return Result<MediaStream>::failure((manifest->folder / kRecordingFileName).string() + ": stream \"" + s->id +
                                        "\" is " + streamKindName(s->kind) + ", not video or depth");
  out.file = manifest->absolutePath(*s);
  out.id = s->id;
  out.timeOffsetNs = s->timeOffsetNs;
  out.depth = s->kind == StreamKind::Depth;
  return out;
}

Result<std::unique_ptr<media::FrameSource>> openMediaStream(const MediaStream &stream, int decoderThreads,
                                                            int convertThreads) {
  using R = Result<std::unique_ptr<media::FrameSource>>;
  if (stream.depth) {
    media::DepthSource::Options o;
    o.timeOffsetNs = stream.timeOffsetNs;
    auto d = media::DepthSource::open(stream.file, o);
    if (!d)
      return R::failure(d.error());
    return R(std::unique_ptr<media::FrameSource>(d.takeValue()));
  }
  media::VideoSource::Options o;
  o.timeOffsetNs = stream.timeOffsetNs;
  o.decoderThreads = decoderThreads;
  o.convertThreads = convertThreads;
  auto v = media::VideoSource::open(stream.file, o);
  if (!v)
    return R::failure(v.error());
  if ((*v)->isGray16()) { // a plain 16-bit grey video is depth: keep its values exact
    MediaStream depth = stream;
    depth.depth = true;
    return openMediaStream(depth, decoderThreads, convertThreads);
  }
  return R(std::unique_ptr<media::FrameSource>(v.takeValue()));
}

void addMediaPathArguments(QCommandLineParser &p) {
  p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Recording folder or video file."));
  p.addOption({QStringLiteral("stream"), QStringLiteral("Stream id in the recording (default: first video)."),
               QStringLiteral("ID")});
}

int checkMediaPathArguments(const QCommandLineParser &p, const QString &command) {
  if (p.positionalArguments().size() != 1)
    return usageError(command, QStringLiteral("expected one PATH"));
  return -1;
}

int openMediaPathArguments(const QCommandLineParser &p, OpenedMedia &out) {
  auto stream = resolveMediaStream(p.positionalArguments().value(0).toStdString(),
                                   p.value(QStringLiteral("stream")).toStdString());
  if (!stream)
    return dataError(stream.error());
  auto source = openMediaStream(*stream, 1);
  if (!source)
    return dataError(source.error());
  out.stream = stream.takeValue();
  out.source = source.takeValue();
  return -1;
}

} // namespace tacit::cli
