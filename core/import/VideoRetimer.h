#pragma once
// Raw elementary streams (.h264, .hevc, .mjpeg ...) carry no timestamps: FFmpeg invents them.
// With a frame-rate hint the pictures are copied (no re-encoding) into Matroska with pts = i / fps.
#include <filesystem>
#include <string>

#include "core/util/Result.h"

namespace tacit::import {

// True when the file's container is a raw elementary stream without its own timestamps.
Result<bool> hasNoContainerTimestamps(const std::filesystem::path &path);
// Copies the first video stream of `source` into `target` (.mkv) with pts = index / fps.
// Pictures must be in presentation order (no B-frames). Returns the packet count.
Result<std::int64_t> retimeVideo(const std::filesystem::path &source, const std::filesystem::path &target, double fps);

} // namespace tacit::import
