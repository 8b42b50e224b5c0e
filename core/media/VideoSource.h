#pragma once
// Exact frame access to one video stream of a media file (libavformat/libavcodec).
// Frame i is exactly the i-th picture `ffmpeg -i F -vsync 0 -pix_fmt rgb24` outputs, rotated
// upright as the ffmpeg CLI does. Works by presentation-order index (FrameIndex, cached on
// disk), seeking to the key frame at or before and decoding forward; consecutive requests
// (i, i+1, ...) continue decoding without seeking. Every packet sent to the decoder carries its
// decode index as pts, so each decoded picture is identified whatever the container's timestamps
// (AVI, raw streams) say.
// Not thread-safe: use one instance per thread (the FrameEngine owns one on its worker).
#include <QSize>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/media/BufferPool.h"
#include "core/media/FfmpegUtil.h"
#include "core/media/FrameConverter.h"
#include "core/media/FrameIndex.h"
#include "core/media/FrameSource.h"

namespace tacit::media {

class VideoSource : public FrameSource {
public:
  struct Options {
    PixelFormat output = PixelFormat::Rgb24;
    Timestamp timeOffsetNs = 0; // StreamDescriptor::timeOffsetNs, added to every frame time
    int decoderThreads = 2;     // frame threading
    int convertThreads = 2;     // swscale slice threads, as the ffmpeg CLI scale filter uses
    bool useIndexCache = true;
    std::filesystem::path indexCacheDir; // empty: FrameIndexCache::defaultDirectory()
  };

  static Result<std::unique_ptr<VideoSource>> open(const std::filesystem::path &path, const Options &options);
  static Result<std::unique_ptr<VideoSource>> open(const std::filesystem::path &path) { return open(path, Options{}); }
  ~VideoSource() override;

  std::int64_t frameCount() const override { return m_index.frameCount(); }
  Timestamp ptsNs(std::int64_t index) const override;
  TimeRange timeRange() const override;
  std::int64_t indexAt(Timestamp t) const override;
  Result<VideoFrame> frame(std::int64_t index) override;
  // Colour output: scaled down to fit (never up) and Rgb32. Gray16 output: same as frame().
  Result<VideoFrame> displayFrame(std::int64_t index, int maxWidth, int maxHeight) override;
  PixelFormat pixelFormat() const override { return m_options.output; }
  int width() const override { return m_width; }
  int height() const override { return m_height; }
  std::string path() const override { return m_path.string(); }
  const std::vector<std::string> &warnings() const override { return m_warnings; }

  // The frame after the last one returned (sequential playback / export).
  Result<VideoFrame> next();

  // Lower level, for the frame engine: the decoded picture of frame i (decoder pixel format, not
  // rotated). onPicture sees every picture decoded on the way, in presentation order (frame, picture),
  // and returns false to give up before the target (an error "cancelled"); skipDisposable = false
  // decodes non-reference pictures before the target too (so onPicture sees every frame from the key
  // frame on, e.g. to cache a GOP for backward steps).
  using PictureVisitor = std::function<bool(std::int64_t frame, const Picture &picture)>;
  Result<Picture> picture(std::int64_t i, const PictureVisitor &onPicture = {}, bool skipDisposable = true);
  // Exact conversion (what frame() returns) and display conversion (what displayFrame() returns).
  Result<VideoFrame> convertExact(const Picture &picture, std::int64_t i);
  Result<VideoFrame> convertDisplay(const Picture &picture, std::int64_t i, int maxWidth, int maxHeight);
  // Size a display frame fitting maxWidth x maxHeight has (aspect kept, never larger than the frame).
  QSize displaySize(int maxWidth, int maxHeight) const;
  // True when frame i is reached by decoding on from where the decoder is (no seek).
  bool isPositionedFor(std::int64_t i) const;
  const FrameIndex &index() const { return m_index; }
  bool indexFromCache() const { return m_indexFromCache; }
  int rotationDeg() const { return m_orientation.rotationDeg; }
  std::string codecName() const;
  // True when the stream stores 16-bit grey pixels (depth video, e.g. FFV1 gray16le).
  bool isGray16() const;
  // Pictures the decoder has produced so far (tests/benchmarks: a cache hit decodes nothing).
  std::int64_t decodedPictureCount() const { return m_decodedPictures; }

private:
  VideoSource() = default;
  Status openDemuxer();
  Status openDecoder();
  bool canContinueTo(std::int64_t frame) const;
  Status seekTo(std::int64_t frame);
  Status rewindToStart();
  Status scanDecodedOrder();
  int identifyPacket(const AVPacket *packet);
  bool isContinuation(const AVPacket *packet) const;
  std::int64_t frameOfPicture(const AVFrame *picture) const;
  Result<Picture> decodeUntil(std::int64_t frame, const PictureVisitor &onPicture, bool skipDisposable);
  Result<VideoFrame> finishFrame(Result<VideoFrame> out, std::int64_t i) const;
  void addWarning(std::string w);
  std::string name() const;

  std::filesystem::path m_path;
  Options m_options;
  FormatContextPtr m_fmt;
  CodecContextPtr m_dec;
  PacketPtr m_packet;
  FramePtr m_frame;
  int m_stream = -1;
  FrameIndex m_index;
  bool m_indexFromCache = false;
  std::vector<Timestamp> m_times; // per frame, ns including offset
  Orientation m_orientation;
  std::unique_ptr<FrameConverter> m_converter;
  std::unique_ptr<FrameConverter> m_displayConverter; // Rgb32, fast scaling (displayFrame)
  bool m_byteSeek = false;                            // raw stream: seek by byte position
  BufferPool m_pool{4};
  int m_width = 0, m_height = 0;
  std::vector<std::string> m_warnings;

  // Decoder position. m_nextPacket: decode index of the next packet to read (-1: must seek).
  int m_startPacket = -1; // key packet decoding started from
  int m_nextPacket = -1;
  int m_syncPacket = -1;     // after a seek: drop packets until this one
  int m_readCount = -1;      // >= 0 while reading from the file start: packets read so far
  int m_lastPacketSeen = -1; // decode index of the last packet read (continuations repeat it)
  bool m_lastPacketSkipped = false;
  bool m_inputEnded = false;
  bool m_draining = false;
  std::int64_t m_lastOutput = -1;   // last frame the decoder produced
  std::int64_t m_lastReturned = -1; // last frame returned to the caller
  std::int64_t m_decodedPictures = 0;
};

} // namespace tacit::media
