#include "core/import/VrsImageDecoder.h"

#include <cstring>
#include <limits>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

namespace tacit::vrs {

namespace {

QImage matToImage(const cv::Mat &m) {
  if (m.channels() == 1 && m.depth() == CV_8U) {
    QImage img(m.cols, m.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < m.rows; ++y)
      std::memcpy(img.scanLine(y), m.ptr(y), std::size_t(m.cols));
    return img;
  }
  if (m.channels() == 1 && m.depth() == CV_16U) {
    QImage img(m.cols, m.rows, QImage::Format_Grayscale16);
    for (int y = 0; y < m.rows; ++y)
      std::memcpy(img.scanLine(y), m.ptr(y), std::size_t(m.cols) * 2);
    return img;
  }
  cv::Mat rgb;
  if (m.channels() == 4)
    cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB);
  else
    cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB);
  QImage img(rgb.cols, rgb.rows, QImage::Format_RGB888);
  for (int y = 0; y < rgb.rows; ++y)
    std::memcpy(img.scanLine(y), rgb.ptr(y), std::size_t(rgb.cols) * 3);
  return img;
}

// Qt's PNG reader, not OpenCV's: OpenCV lets libpng print its warnings straight to stderr ("libpng
// warning: iCCP: ..."), and its colour conversion throws on grey+alpha images.
Result<QImage> decodePng(const ImageBlock &b) {
  if (b.bytes.empty())
    return Result<QImage>::failure("empty png image block");
  if (b.bytes.size() > std::size_t(std::numeric_limits<int>::max()))
    return Result<QImage>::failure("png image block too large (" + std::to_string(b.bytes.size()) + " bytes)");
  QImage img;
  if (!img.loadFromData(b.bytes.data(), int(b.bytes.size()), "PNG"))
    return Result<QImage>::failure("png image block cannot be decoded (" + std::to_string(b.bytes.size()) + " bytes)");
  if (img.format() == QImage::Format_Grayscale8 || img.format() == QImage::Format_Grayscale16)
    return img;
  return img.convertToFormat(img.hasAlphaChannel() ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
}

template <typename T> T load(const std::uint8_t *p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

} // namespace

Result<QImage> rawToImage(const ImageBlock &b) {
  const int w = b.width, h = b.height, pf = b.pixelFormat;
  const int stride = b.stride > 0 ? b.stride : defaultStride(pf, w);
  if (rawImageBytes(pf, w, h, stride) == 0 || b.bytes.size() < rawImageBytes(pf, w, h, stride))
    return Result<QImage>::failure("raw image of " + std::to_string(b.bytes.size()) + " bytes does not match " +
                                   std::to_string(w) + "x" + std::to_string(h) + " pixel format " + std::to_string(pf));
  const std::uint8_t *src = b.bytes.data();
  auto row = [&](int y) { return src + std::size_t(y) * std::size_t(stride); };
  switch (pf) {
  case 1:
  case 5:
  case 15:
  case 17:
  case 21:
  case 22:
  case 24:
  case 26: { // 8-bit luma / bayer mosaic as grey
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
      std::memcpy(img.scanLine(y), row(y), std::size_t(w));
    return img;
  }
  case 2:
  case 4: { // BGR8 / RGB8
    QImage img(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
      std::memcpy(img.scanLine(y), row(y), std::size_t(w) * 3);
      if (pf == 2)
        for (int x = 0; x < w; ++x)
          std::swap(img.scanLine(y)[3 * x], img.scanLine(y)[3 * x + 2]);
    }
    return img;
  }
  case 6: {
    QImage img(w, h, QImage::Format_RGBA8888);
    for (int y = 0; y < h; ++y)
      std::memcpy(img.scanLine(y), row(y), std::size_t(w) * 4);
    return img;
  }
  case 9:
  case 10:
  case 11:
  case 25: { // GREY10/12/16 in 16-bit containers: scale to 16 bit
    const int shift = pf == 9 || pf == 25 ? 6 : pf == 10 ? 4 : 0;
    QImage img(w, h, QImage::Format_Grayscale16);
    for (int y = 0; y < h; ++y) {
      auto *dst = reinterpret_cast<std::uint16_t *>(img.scanLine(y));
      for (int x = 0; x < w; ++x)
        dst[x] = std::uint16_t(load<std::uint16_t>(row(y) + 2 * x) << shift);
    }
    return img;
  }
  case 18:
  case 19:
  case 20:
  case 23: { // 10-bit packed: 4 pixels in 5 bytes, high bits first
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        img.scanLine(y)[x] = row(y)[(x / 4) * 5 + (x % 4)];
    return img;
  }
  case 3: { // DEPTH32F: normalise to the frame's range for display
    float lo = 0, hi = 0;
    bool first = true;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        float v = load<float>(row(y) + 4 * x);
        if (v != v)
          continue;
        lo = first ? v : std::min(lo, v);
        hi = first ? v : std::max(hi, v);
        first = false;
      }
    QImage img(w, h, QImage::Format_Grayscale16);
    for (int y = 0; y < h; ++y) {
      auto *dst = reinterpret_cast<std::uint16_t *>(img.scanLine(y));
      for (int x = 0; x < w; ++x) {
        float v = load<float>(row(y) + 4 * x);
        dst[x] = hi > lo && v == v ? std::uint16_t((v - lo) / (hi - lo) * 65535.0f) : 0;
      }
    }
    return img;
  }
  case 7:
  case 8: { // RGB10/12 in 16-bit containers -> RGB888
    const int shift = pf == 7 ? 2 : 4;
    QImage img(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < 3 * w; ++x)
        img.scanLine(y)[x] = std::uint8_t(std::min(255, load<std::uint16_t>(row(y) + 2 * x) >> shift));
    return img;
  }
  case 14: { // YUY2: take luma
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        img.scanLine(y)[x] = row(y)[2 * x];
    return img;
  }
  default: return Result<QImage>::failure("raw pixel format " + std::to_string(pf) + " is not supported");
  }
}

struct ImageDecoder::Video {
  AVCodecContext *ctx = nullptr;
  AVPacket *pkt = nullptr;
  AVFrame *frame = nullptr;
  std::string codec;
  ~Video() {
    av_frame_free(&frame);
    av_packet_free(&pkt);
    avcodec_free_context(&ctx);
  }
};

ImageDecoder::ImageDecoder() = default;
ImageDecoder::~ImageDecoder() = default;

Result<QImage> ImageDecoder::decode(const ImageBlock &b) {
  if (b.format == "raw")
    return rawToImage(b);
  if (b.format == "video")
    return decodeVideo(b);
  if (b.format == "png")
    return decodePng(b);
  if (b.format == "jpg") {
    if (b.bytes.empty())
      return Result<QImage>::failure("empty " + b.format + " image block");
    cv::Mat buf(1, int(b.bytes.size()), CV_8U, const_cast<std::uint8_t *>(b.bytes.data()));
    cv::Mat m = cv::imdecode(buf, cv::IMREAD_UNCHANGED);
    if (m.empty())
      return Result<QImage>::failure(b.format + " image block cannot be decoded (" + std::to_string(b.bytes.size()) +
                                     " bytes)");
    return matToImage(m);
  }
  return Result<QImage>::failure("image format '" + b.format + "' is not supported");
}

Result<QImage> ImageDecoder::decodeVideo(const ImageBlock &b) {
  if (!m_video || m_video->codec != b.codec) {
    AVCodecID id = b.codec == "H.264" || b.codec == "h264"                        ? AV_CODEC_ID_H264
                   : b.codec == "H.265" || b.codec == "hevc" || b.codec == "HEVC" ? AV_CODEC_ID_HEVC
                                                                                  : AV_CODEC_ID_NONE;
    const AVCodec *codec = id == AV_CODEC_ID_NONE ? nullptr : avcodec_find_decoder(id);
    if (!codec)
      return Result<QImage>::failure("video codec '" + b.codec + "' is not supported");
    auto v = std::make_unique<Video>();
    v->codec = b.codec;
    v->ctx = avcodec_alloc_context3(codec);
    v->pkt = av_packet_alloc();
    v->frame = av_frame_alloc();
    if (v->ctx) {
      // One picture per record: no frame threading and no reorder delay, so each packet yields its frame.
      v->ctx->thread_count = 1;
      v->ctx->flags |= AV_CODEC_FLAG_LOW_DELAY;
    }
    if (!v->ctx || !v->pkt || !v->frame || avcodec_open2(v->ctx, codec, nullptr) < 0)
      return Result<QImage>::failure("cannot open the " + b.codec + " decoder");
    m_video = std::move(v);
  }
  Video &v = *m_video;
  av_packet_unref(v.pkt);
  if (av_new_packet(v.pkt, int(b.bytes.size())) < 0)
    return Result<QImage>::failure("out of memory");
  std::memcpy(v.pkt->data, b.bytes.data(), b.bytes.size());
  int rc = avcodec_send_packet(v.ctx, v.pkt);
  if (rc < 0)
    return Result<QImage>::failure(b.codec + " frame cannot be decoded");
  rc = avcodec_receive_frame(v.ctx, v.frame);
  if (rc == AVERROR(EAGAIN))
    return Result<QImage>::failure(b.codec + " decoder produced no picture for this record yet");
  if (rc < 0)
    return Result<QImage>::failure(b.codec + " frame cannot be decoded (needs the frames since the key frame)");
  QImage img(v.frame->width, v.frame->height, QImage::Format_RGB888);
  SwsContext *sws = sws_getContext(v.frame->width, v.frame->height, AVPixelFormat(v.frame->format), img.width(),
                                   img.height(), AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr, nullptr);
  if (!sws)
    return Result<QImage>::failure("cannot convert the decoded " + b.codec + " frame");
  std::uint8_t *dst[4] = {img.bits(), nullptr, nullptr, nullptr};
  int dstStride[4] = {int(img.bytesPerLine()), 0, 0, 0};
  sws_scale(sws, v.frame->data, v.frame->linesize, 0, v.frame->height, dst, dstStride);
  sws_freeContext(sws);
  av_frame_unref(v.frame);
  return img;
}

} // namespace tacit::vrs
