#include "core/media/RecordingTimeBaseReader.h"

#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"

namespace tacit::media {

Result<RecordingTimeBase> readRecordingTimeBase(const std::filesystem::path &recordingFolder) {
  using R = Result<RecordingTimeBase>;
  auto manifest = RecordingReader::read(recordingFolder);
  if (!manifest)
    return R::failure(manifest.error());
  const StreamDescriptor *video = manifest->firstOfKind(StreamKind::Video);
  if (!video)
    return R(RecordingTimeBase());
  VideoSource::Options o;
  o.timeOffsetNs = video->timeOffsetNs;
  auto source = VideoSource::open(manifest->absolutePath(*video), o);
  if (!source)
    return R::failure(source.error());
  std::vector<Timestamp> times;
  times.reserve(static_cast<std::size_t>((*source)->frameCount()));
  for (std::int64_t i = 0; i < (*source)->frameCount(); ++i)
    times.push_back((*source)->ptsNs(i));
  return R(RecordingTimeBase::fromFrames(std::move(times)));
}

} // namespace tacit::media
