// recording.json (RecordingReader::parseManifest): any text gives a manifest or one error naming the file.
#include "core/recording/RecordingReader.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  tacit::fuzz::quietLogs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  auto manifest = tacit::RecordingReader::parseManifest(text, "rec/recording.json");
  tacit::fuzz::checkFailure(manifest, "rec/recording.json");
  if (manifest)
    for (const auto &s : manifest->streams)
      (void)tacit::streamKindName(s.kind);
  return 0;
}
