#include "core/import/VrsDecompress.h"

#include <lz4frame.h>
#include <memory>
#include <zstd.h>

namespace tacit::vrs {

using Bytes = std::vector<std::uint8_t>;

static Result<Bytes> unzstd(const std::uint8_t *src, std::size_t srcSize, std::size_t expected) {
  Bytes out(expected);
  // Reserved space after the frame (front index) is not a second frame: decode the first one only.
  std::size_t frame = ZSTD_findFrameCompressedSize(src, srcSize);
  if (ZSTD_isError(frame))
    return Result<Bytes>::failure(std::string("zstd payload is damaged (") + ZSTD_getErrorName(frame) + ")");
  std::size_t n = ZSTD_decompress(out.data(), out.size(), src, frame);
  if (ZSTD_isError(n))
    return Result<Bytes>::failure(std::string("zstd payload is damaged (") + ZSTD_getErrorName(n) + ")");
  if (n != expected)
    return Result<Bytes>::failure("zstd payload has " + std::to_string(n) + " bytes, header says " +
                                  std::to_string(expected));
  return out;
}

static Result<Bytes> unlz4(const std::uint8_t *src, std::size_t srcSize, std::size_t expected) {
  LZ4F_dctx *raw = nullptr;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&raw, LZ4F_VERSION)))
    return Result<Bytes>::failure("lz4: cannot create a decompression context");
  std::unique_ptr<LZ4F_dctx, decltype(&LZ4F_freeDecompressionContext)> ctx(raw, &LZ4F_freeDecompressionContext);
  Bytes out(expected);
  std::size_t inPos = 0, outPos = 0;
  while (inPos < srcSize) {
    std::size_t inLen = srcSize - inPos, outLen = out.size() - outPos;
    std::size_t hint = LZ4F_decompress(ctx.get(), out.data() + outPos, &outLen, src + inPos, &inLen, nullptr);
    if (LZ4F_isError(hint))
      return Result<Bytes>::failure(std::string("lz4 payload is damaged (") + LZ4F_getErrorName(hint) + ")");
    inPos += inLen;
    outPos += outLen;
    if (hint == 0)
      break; // frame complete
    if (inLen == 0 && outLen == 0)
      return Result<Bytes>::failure("lz4 payload is larger than the size in its record header");
  }
  if (outPos != expected)
    return Result<Bytes>::failure("lz4 payload has " + std::to_string(outPos) + " bytes, header says " +
                                  std::to_string(expected));
  return out;
}

Result<Bytes> decompress(Compression type, const std::uint8_t *src, std::size_t srcSize, std::size_t expectedSize) {
  constexpr std::size_t kMaxRecord = std::size_t(1) << 31; // a bogus header must not allocate terabytes
  if (expectedSize > kMaxRecord)
    return Result<Bytes>::failure("uncompressed size " + std::to_string(expectedSize) + " is implausible");
  switch (type) {
  case Compression::None: return Bytes(src, src + srcSize);
  case Compression::Zstd: return unzstd(src, srcSize, expectedSize);
  case Compression::Lz4: return unlz4(src, srcSize, expectedSize);
  }
  return Result<Bytes>::failure("unknown compression type " + std::to_string(int(type)));
}

} // namespace tacit::vrs
