#pragma once
// Turns VRS image blocks into QImages: JPEG via OpenCV imdecode, PNG via Qt, raw pixel formats by hand,
// H.264/HEVC video blocks via FFmpeg (frames must be fed in record order from a key frame).
// One decoder per stream; not thread-safe.
#include <QImage>
#include <memory>

#include "core/import/VrsRecordDecoder.h"
#include "core/util/Result.h"

namespace tacit::vrs {

class ImageDecoder {
public:
  ImageDecoder();
  ~ImageDecoder();
  ImageDecoder(const ImageDecoder &) = delete;
  ImageDecoder &operator=(const ImageDecoder &) = delete;

  // Error text has no file name (caller adds it). Grey formats give Format_Grayscale8/16,
  // colour gives Format_RGB888 or Format_RGBA8888.
  Result<QImage> decode(const ImageBlock &block);

private:
  Result<QImage> decodeVideo(const ImageBlock &block);
  struct Video;
  std::unique_ptr<Video> m_video;
};

// Raw pixel conversion only (no state); exposed for tests.
Result<QImage> rawToImage(const ImageBlock &block);

} // namespace tacit::vrs
