#include "core/media/FfmpegUtil.h"

#include <mutex>

namespace tacit::media {

std::string avErrorText(int code) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, buf, sizeof(buf));
  return buf;
}

void initFfmpegLogging() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (av_log_get_level() > AV_LOG_ERROR)
      av_log_set_level(AV_LOG_FATAL);
  });
}

} // namespace tacit::media
