#pragma once
// Parses VRS RecordFormat strings ("data_layout/size=24+image/raw", "data_layout+audio/pcm/int32le/
// channels=7/rate=48000", "image/video/codec=H.264") into content blocks (FORMATS §2.2).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit::vrs {

enum class BlockKind { DataLayout, Image, Audio, Custom, Empty };

struct ContentBlock {
  BlockKind kind = BlockKind::Custom;
  std::string format;                        // image: raw|jpg|png|jxl|video; audio: pcm|opus...; else ""
  std::optional<std::size_t> size;           // "size=N" when given
  std::map<std::string, std::string> params; // other key=value tokens (codec, channels, rate, pixel ...)
  std::vector<std::string> tokens;           // all remaining tokens, e.g. "int32le", "640x480"
};

struct RecordFormat {
  std::vector<ContentBlock> blocks;
  static Result<RecordFormat> parse(const std::string &text);
};

} // namespace tacit::vrs
