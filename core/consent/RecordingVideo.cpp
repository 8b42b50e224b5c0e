#include "core/consent/RecordingVideo.h"

#include "core/recording/RecordingReader.h"

namespace tacit::consent {

Result<std::unique_ptr<media::VideoSource>> RecordingVideo::open() const {
  media::VideoSource::Options o;
  o.timeOffsetNs = timeOffsetNs;
  return media::VideoSource::open(path, o);
}

Result<RecordingVideo> recordingVideo(project::ProjectStore &store, const project::RecordingRecord &recording) {
  using R = Result<RecordingVideo>;
  auto manifest = RecordingReader::read(store.absoluteFolder(recording));
  if (!manifest)
    return R::failure(manifest.error());
  for (const auto &s : manifest->streams)
    if (s.kind == StreamKind::Video)
      return R(RecordingVideo{manifest->folder / s.path, s.timeOffsetNs});
  return R::failure((manifest->folder / "recording.json").string() + ": no video stream");
}

} // namespace tacit::consent
