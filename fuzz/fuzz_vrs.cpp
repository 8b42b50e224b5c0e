// VRS files: Reader::open (header, description, index or sequential rebuild, lz4/zstd payloads),
// then, per stream, the records through RecordDecoder (RecordFormat + DataLayout) and image blocks
// through ImageDecoder, as the Aria importer reads them. Work per input is capped, not the input.
#include "core/import/VrsImageDecoder.h"
#include "core/import/VrsReader.h"
#include "core/import/VrsRecordDecoder.h"
#include "fuzz/FuzzSupport.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const auto path = fuzz::writeScratch("f.vrs", data, size);
  auto reader = vrs::Reader::open(path);
  fuzz::checkFailure(reader, "f.vrs");
  if (!reader)
    return 0;
  const vrs::Reader &r = *reader;
  (void)r.fileTag("calib_json");
  std::size_t streams = 0;
  for (const auto &stream : r.streams()) {
    if (++streams > 8)
      break;
    (void)stream.name();
    vrs::RecordDecoder decoder(r, stream.id);
    vrs::ImageDecoder images;
    int records = 0;
    for (const auto &info : r.records()) {
      if (info.stream != stream.id || ++records > 12)
        continue;
      auto decoded = decoder.read(info);
      if (!decoded)
        continue;
      (void)decoded->numbers("accelerometer");
      (void)decoded->integer("capture_timestamp_ns");
      (void)decoded->string("factory_calibration");
      if (decoded->image)
        (void)images.decode(*decoded->image);
    }
  }
  return 0;
}
