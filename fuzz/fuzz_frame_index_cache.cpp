// The on-disk frame index cache file (FrameIndex::deserialize): a damaged cache entry must be
// refused (and rebuilt by the caller), never trusted. Accepted ones answer every query in range.
#include "core/media/FrameIndex.h"
#include "fuzz/FuzzSupport.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  auto index = media::FrameIndex::deserialize(std::string(reinterpret_cast<const char *>(data), size), "x.idx");
  fuzz::checkFailure(index, "x.idx");
  if (!index)
    return 0;
  const std::int64_t n = index->frameCount();
  for (std::int64_t f = 0; f < n && f < 4096; ++f) {
    const auto seek = index->seekPointFor(f);
    (void)index->packetFlags(seek.decodeIndex);
    (void)index->frameOfPtsAfter(index->pts(f), f - 1);
    (void)index->isKeyFrame(f);
  }
  (void)index->keyFrames();
  (void)index->decodeIndexOfPts(0);
  return 0;
}
