#include "app/cli/commands/RecordingFrameGrid.h"

#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"

namespace tacit::cli {

project::FrameGrid recordingFrameGrid(project::ProjectStore &store, const project::RecordingRecord &r) {
  auto manifest = RecordingReader::read(store.absoluteFolder(r));
  if (!manifest)
    return {};
  const StreamDescriptor *video = manifest->firstOfKind(StreamKind::Video);
  if (!video)
    return {};
  media::VideoSource::Options o;
  o.timeOffsetNs = video->timeOffsetNs;
  auto source = media::VideoSource::open(manifest->absolutePath(*video), o);
  if (!source)
    return {};
  std::vector<Timestamp> times;
  times.reserve(static_cast<std::size_t>((*source)->frameCount()));
  for (std::int64_t i = 0; i < (*source)->frameCount(); ++i)
    times.push_back((*source)->ptsNs(i));
  return project::FrameGrid(std::move(times));
}

project::FrameGridProvider recordingFrameGrids(project::ProjectStore &store) {
  return [&store](const project::RecordingRecord &r) { return recordingFrameGrid(store, r); };
}

} // namespace tacit::cli
