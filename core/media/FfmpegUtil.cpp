#include "core/media/FfmpegUtil.h"

#include <mutex>

extern "C" {
#include <libavutil/imgutils.h>
}

namespace tacit::media {

std::string avErrorText(int code) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, buf, sizeof(buf));
  return buf;
}

Picture takePicture(AVFrame *frame) {
  AVFrame *owned = av_frame_alloc();
  if (!owned)
    return {};
  av_frame_move_ref(owned, frame);
  return Picture(owned, [](const AVFrame *f) {
    AVFrame *p = const_cast<AVFrame *>(f);
    av_frame_free(&p);
  });
}

std::size_t pictureBytes(const AVFrame *picture) {
  if (!picture)
    return 0;
  std::size_t bytes = 0;
  for (int i = 0; i < AV_NUM_DATA_POINTERS && picture->buf[i]; ++i)
    bytes += picture->buf[i]->size;
  if (bytes == 0) {
    const int n =
        av_image_get_buffer_size(static_cast<AVPixelFormat>(picture->format), picture->width, picture->height, 1);
    bytes = n > 0 ? static_cast<std::size_t>(n) : 0;
  }
  return bytes;
}

void initFfmpegLogging() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (av_log_get_level() > AV_LOG_ERROR)
      av_log_set_level(AV_LOG_FATAL);
  });
}

} // namespace tacit::media
