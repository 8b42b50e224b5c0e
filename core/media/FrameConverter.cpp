#include "core/media/FrameConverter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include "core/media/FfmpegUtil.h"

namespace tacit::media {

namespace {

// Copies one plane applying the orientation. Sizes are of the source plane.
void orientPlane(const std::uint8_t *src, int srcStride, int w, int h, int bps, std::uint8_t *dst, int dstStride,
                 const Orientation &o) {
  if (o.transpose) {
    // out(x, y) = in(c, r), c = flipX ? w-1-y : y, r = flipY ? h-1-x : x; output is h x w.
    for (int y = 0; y < w; ++y) {
      const int c = o.flipX ? w - 1 - y : y;
      std::uint8_t *out = dst + static_cast<std::ptrdiff_t>(y) * dstStride;
      for (int x = 0; x < h; ++x) {
        const int r = o.flipY ? h - 1 - x : x;
        std::memcpy(out + x * bps, src + static_cast<std::ptrdiff_t>(r) * srcStride + c * bps, bps);
      }
    }
    return;
  }
  for (int y = 0; y < h; ++y) {
    const std::uint8_t *in = src + static_cast<std::ptrdiff_t>(o.flipY ? h - 1 - y : y) * srcStride;
    std::uint8_t *out = dst + static_cast<std::ptrdiff_t>(y) * dstStride;
    if (!o.flipX) {
      std::memcpy(out, in, static_cast<std::size_t>(w) * bps);
      continue;
    }
    for (int x = 0; x < w; ++x)
      std::memcpy(out + x * bps, in + (w - 1 - x) * bps, bps);
  }
}

int stride64(int bytes) {
  return (bytes + 63) / 64 * 64;
}

// The colour matrix vf_scale picks for in_color_matrix=auto (libavfilter/vf_scale.c parse_yuv_type).
const int *autoCoefficients(AVColorSpace cs) {
  int space = cs;
  if (space < 1 || space > 10 || space == 8)
    space = AVCOL_SPC_BT470BG;
  return sws_getCoefficients(space);
}

} // namespace

Orientation Orientation::fromDisplayMatrix(const std::int32_t *m) {
  Orientation o;
  if (!m)
    return o;
  // fftools get_rotation(): clockwise degrees in [0, 360).
  double theta = -std::round(av_display_rotation_get(m));
  theta -= 360 * std::floor(theta / 360 + 0.9 / 360);
  if (std::fabs(theta - 90) < 1.0) {
    o = {true, false, !(m[3] > 0), 90}; // cclock_flip : clock
  } else if (std::fabs(theta - 180) < 1.0) {
    o = {false, m[0] < 0, m[4] < 0, 180};
  } else if (std::fabs(theta - 270) < 1.0) {
    o = {true, true, m[3] < 0, 270}; // clock_flip : cclock
  } else if (std::fabs(theta) < 1.0) {
    o = {false, false, m[4] < 0, 0};
  }
  return o;
}

FrameConverter::FrameConverter(PixelFormat out, Orientation orientation, int swsThreads)
    : m_out(out), m_orientation(orientation), m_swsThreads(swsThreads) {}

FrameConverter::~FrameConverter() {
  sws_freeContext(m_sws);
  av_frame_free(&m_rotated);
}

int FrameConverter::outputWidth(int w, int h) const {
  return m_orientation.transpose ? h : w;
}
int FrameConverter::outputHeight(int w, int h) const {
  return m_orientation.transpose ? w : h;
}

const AVFrame *FrameConverter::orient(const AVFrame *src, std::string &error) {
  if (m_orientation.isIdentity())
    return src;
  const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(src->format));
  const bool planar = desc && ((desc->flags & AV_PIX_FMT_FLAG_PLANAR) || desc->nb_components == 1) &&
                      !(desc->flags & (AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_PAL));
  if (!planar || (m_orientation.transpose && desc->log2_chroma_w != desc->log2_chroma_h)) {
    error = std::string("rotation of pixel format ") + (desc ? desc->name : "?") + " is not supported";
    return nullptr;
  }
  if (!m_rotated)
    m_rotated = av_frame_alloc();
  const int ow = outputWidth(src->width, src->height), oh = outputHeight(src->width, src->height);
  if (m_rotated->width != ow || m_rotated->height != oh || m_rotated->format != src->format) {
    av_frame_unref(m_rotated);
    m_rotated->width = ow;
    m_rotated->height = oh;
    m_rotated->format = src->format;
    if (av_frame_get_buffer(m_rotated, 64) < 0) {
      error = "out of memory";
      return nullptr;
    }
  }
  av_frame_copy_props(m_rotated, src);
  for (int c = 0; c < desc->nb_components; ++c) {
    const AVComponentDescriptor &comp = desc->comp[c];
    if (comp.offset != 0) // several components share this plane: done with the first one
      continue;
    const bool chroma = (c == 1 || c == 2) && !(desc->flags & AV_PIX_FMT_FLAG_RGB);
    const int pw = chroma ? AV_CEIL_RSHIFT(src->width, desc->log2_chroma_w) : src->width;
    const int ph = chroma ? AV_CEIL_RSHIFT(src->height, desc->log2_chroma_h) : src->height;
    orientPlane(src->data[comp.plane], src->linesize[comp.plane], pw, ph, comp.step, m_rotated->data[comp.plane],
                m_rotated->linesize[comp.plane], m_orientation);
  }
  return m_rotated;
}

bool FrameConverter::ensureContext(const AVFrame *src, int dstW, int dstH) {
  if (m_sws && src->width == m_srcW && src->height == m_srcH && src->format == m_srcFormat &&
      src->colorspace == m_srcSpace && src->color_range == m_srcRange && dstW == m_dstW && dstH == m_dstH)
    return true;
  sws_freeContext(m_sws);
  m_sws = sws_alloc_context();
  if (!m_sws)
    return false;
  const AVPixelFormat dstFmt = m_out == PixelFormat::Rgb24   ? AV_PIX_FMT_RGB24
                               : m_out == PixelFormat::Rgb32 ? AV_PIX_FMT_BGRA
                                                             : AV_PIX_FMT_GRAY16;
  av_opt_set_int(m_sws, "srcw", src->width, 0);
  av_opt_set_int(m_sws, "srch", src->height, 0);
  av_opt_set_int(m_sws, "src_format", src->format, 0);
  av_opt_set_int(m_sws, "dstw", dstW, 0);
  av_opt_set_int(m_sws, "dsth", dstH, 0);
  av_opt_set_int(m_sws, "dst_format", dstFmt, 0);
  av_opt_set_int(m_sws, "threads", m_swsThreads, 0);
  if (m_exact) {
    // The same options vf_scale sets when ffmpeg auto-inserts it for -pix_fmt (flags=bicubic).
    av_opt_set_int(m_sws, "sws_flags", SWS_BICUBIC, 0);
    av_opt_set_int(m_sws, "src_h_chr_pos", -513, 0);
    av_opt_set_int(m_sws, "src_v_chr_pos", src->format == AV_PIX_FMT_YUV420P ? 128 : -513, 0);
    av_opt_set_int(m_sws, "dst_h_chr_pos", -513, 0);
    av_opt_set_int(m_sws, "dst_v_chr_pos", -513, 0);
  } else {
    av_opt_set_int(m_sws, "sws_flags", SWS_FAST_BILINEAR, 0);
  }
  if (sws_init_context(m_sws, nullptr, nullptr) < 0) {
    sws_freeContext(m_sws);
    m_sws = nullptr;
    return false;
  }
  int *invTable = nullptr, *table = nullptr;
  int inFull = 0, outFull = 0, brightness = 0, contrast = 0, saturation = 0;
  sws_getColorspaceDetails(m_sws, &invTable, &inFull, &table, &outFull, &brightness, &contrast, &saturation);
  const int *coeffs = autoCoefficients(src->colorspace);
  if (src->color_range != AVCOL_RANGE_UNSPECIFIED)
    inFull = src->color_range == AVCOL_RANGE_JPEG;
  sws_setColorspaceDetails(m_sws, coeffs, inFull, coeffs, outFull, brightness, contrast, saturation);
  m_srcW = src->width;
  m_srcH = src->height;
  m_srcFormat = src->format;
  m_srcSpace = src->colorspace;
  m_srcRange = src->color_range;
  m_dstW = dstW;
  m_dstH = dstH;
  return true;
}

Result<VideoFrame> FrameConverter::convert(const AVFrame *frame, BufferPool &pool) {
  if (!m_exact)
    m_srcW = -1; // switching settings: rebuild the context
  m_exact = true;
  return convertTo(frame, pool, 0, 0);
}

Result<VideoFrame> FrameConverter::convertScaled(const AVFrame *frame, BufferPool &pool, int dstWidth, int dstHeight) {
  if (m_exact)
    m_srcW = -1; // switching settings: rebuild the context
  m_exact = false;
  return convertTo(frame, pool, std::max(1, dstWidth), std::max(1, dstHeight));
}

Result<VideoFrame> FrameConverter::convertTo(const AVFrame *frame, BufferPool &pool, int dstW, int dstH) {
  std::string error;
  const AVFrame *src = orient(frame, error);
  if (!src)
    return Result<VideoFrame>::failure(error);
  if (dstW <= 0 || dstH <= 0) {
    dstW = src->width;
    dstH = src->height;
  }
  VideoFrame out;
  out.width = dstW;
  out.height = dstH;
  out.format = m_out;
  out.stride = stride64(dstW * bytesPerPixel(m_out));
  auto buffer = pool.acquire(static_cast<std::size_t>(out.stride) * out.height);
  if (m_out == PixelFormat::Gray16 && src->format == AV_PIX_FMT_GRAY16 && dstW == src->width && dstH == src->height) {
    for (int y = 0; y < src->height; ++y)
      std::memcpy(buffer->data() + static_cast<std::ptrdiff_t>(y) * out.stride,
                  src->data[0] + static_cast<std::ptrdiff_t>(y) * src->linesize[0],
                  static_cast<std::size_t>(src->width) * 2);
  } else {
    if (!ensureContext(src, dstW, dstH))
      return Result<VideoFrame>::failure(std::string("cannot convert pixel format ") +
                                         (av_get_pix_fmt_name(static_cast<AVPixelFormat>(src->format))
                                              ? av_get_pix_fmt_name(static_cast<AVPixelFormat>(src->format))
                                              : "?"));
    // sws_scale_frame (unlike sws_scale) runs the slice threads, as vf_scale does. The
    // destination wraps our buffer with a no-op free so swscale writes into it directly.
    FramePtr dst(av_frame_alloc());
    dst->width = dstW;
    dst->height = dstH;
    dst->format = m_out == PixelFormat::Rgb24   ? AV_PIX_FMT_RGB24
                  : m_out == PixelFormat::Rgb32 ? AV_PIX_FMT_BGRA
                                                : AV_PIX_FMT_GRAY16;
    dst->data[0] = buffer->data();
    dst->linesize[0] = out.stride;
    dst->buf[0] = av_buffer_create(
        buffer->data(), static_cast<int>(buffer->size()), [](void *, std::uint8_t *) {}, nullptr, 0);
    if (!dst->buf[0])
      return Result<VideoFrame>::failure("out of memory");
    if (int ret = sws_scale_frame(m_sws, dst.get(), src); ret < 0)
      return Result<VideoFrame>::failure("pixel conversion failed (" + avErrorText(ret) + ")");
  }
  out.buffer = std::move(buffer);
  return out;
}

} // namespace tacit::media
