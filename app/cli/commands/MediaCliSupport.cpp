#include "app/cli/commands/MediaCliSupport.h"

#include <QCommandLineParser>

#include "app/cli/CommandRegistry.h"
#include "core/recording/RecordingReader.h"

namespace fs = std::filesystem;

namespace tacit::cli {

Result<MediaStream> resolveMediaStream(const fs::path &path, const std::string &streamId) {
  using R = Result<MediaStream>;
  RecordingContext::Options o;
  o.series = false; // frames only, and only the stream asked for
  o.allowEmpty = true;
  o.mainVideoOnly = streamId.empty();
  o.onlyMedia = streamId;
  auto ctx = RecordingContext::open(path, o);
  if (!ctx)
    return R::failure(ctx.error());
  const RecordingManifest &m = (*ctx)->manifest();
  const std::string manifestPath = (m.folder / kRecordingFileName).string();
  if ((*ctx)->isPlainFile()) {
    if (!streamId.empty())
      return R::failure(path.string() + ": --stream needs a recording folder (recording.json)");
    MediaStream plain = (*ctx)->media().front();
    plain.id.clear(); // a plain file has no stream id (the commands print "stream": "")
    return plain;
  }
  if (streamId.empty()) {
    if (const MediaStream *v = (*ctx)->video())
      return *v;
    const StreamDescriptor *s = m.firstOfKind(StreamKind::Video);
    return R::failure(s ? (*ctx)->mediaErrors().at(s->id) : manifestPath + ": no video stream");
  }
  const StreamDescriptor *s = m.stream(streamId);
  if (!s)
    return R::failure(manifestPath + ": no stream with id \"" + streamId + "\"");
  if (s->kind != StreamKind::Video && s->kind != StreamKind::Depth)
    return R::failure(manifestPath + ": stream \"" + s->id + "\" is " + streamKindName(s->kind) +
                      ", not video or depth");
  if (const MediaStream *media = (*ctx)->mediaStream(streamId))
    return *media;
  return R::failure((*ctx)->mediaErrors().at(streamId));
}

Result<std::unique_ptr<media::FrameSource>> openMediaStream(const MediaStream &stream, int decoderThreads,
                                                            int convertThreads) {
  return stream.open(decoderThreads, convertThreads);
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
