#pragma once
// Small RAII and error helpers around the FFmpeg C API, shared by the media readers.
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace tacit::media {

struct FormatContextDeleter {
  void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
struct CodecContextDeleter {
  void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct PacketDeleter {
  void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct FrameDeleter {
  void operator()(AVFrame *f) const { av_frame_free(&f); }
};
using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

// A decoded picture shared between the decoder thread and caches (refcounted planes, never written).
using Picture = std::shared_ptr<const AVFrame>;
// Moves `frame`'s references into a new shared Picture (frame is left empty).
Picture takePicture(AVFrame *frame);
// Bytes the picture's planes hold (for cache budgets).
std::size_t pictureBytes(const AVFrame *picture);

// "Invalid data found when processing input" for an AVERROR code.
std::string avErrorText(int code);

// Quiets libav* logging to errors only, once per process (our own warnings say what matters).
void initFfmpegLogging();

} // namespace tacit::media
