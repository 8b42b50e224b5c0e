// Damaged media: the bytes as a video file through VideoSource (demuxer, FrameIndex::scan, decoder),
// a few exact frames (first, middle, last and a sequential step), and the index's cache form
// round-tripped through FrameIndex::serialize/deserialize.
#include "core/media/VideoSource.h"
#include "fuzz/FuzzSupport.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const auto path = fuzz::writeScratch("media", data, size);
  media::VideoSource::Options o;
  o.useIndexCache = false; // the cache would turn every later run into a cache read
  o.decoderThreads = 1;    // deterministic, and libFuzzer workers already use the cores
  o.convertThreads = 1;
  auto source = media::VideoSource::open(path, o);
  fuzz::checkFailure(source, path.string());
  if (!source)
    return 0;
  media::VideoSource &v = **source;
  const std::int64_t n = v.frameCount();
  for (std::int64_t i : {std::int64_t(0), n / 2, n - 1}) {
    (void)v.frame(i);
    (void)v.next();
  }
  (void)v.indexAt(v.timeRange().begin);
  const media::FrameIndex &index = v.index();
  auto back = media::FrameIndex::deserialize(index.serialize(), "media.idx");
  if (!back || back->frameCount() != index.frameCount()) {
    std::fprintf(stderr, "frame index does not round-trip: %s\n", back ? "frame count differs" : back.error().c_str());
    std::abort();
  }
  return 0;
}
