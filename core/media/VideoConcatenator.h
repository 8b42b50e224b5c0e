#pragma once
// Joins MP4 files made by the same encoder settings into one MP4 by copying packets (no re-encode),
// each file's timestamps shifted to follow the previous one. LeRobot v3 stores many episodes per video
// file this way (episodes are encoded one by one, then appended to the current file or start a new
// one when the size limit would be passed). Every file must start with a keyframe.
#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/util/Result.h"

namespace tacit::media {

class VideoConcatenator {
public:
  explicit VideoConcatenator(std::filesystem::path output);
  ~VideoConcatenator();
  VideoConcatenator(const VideoConcatenator &) = delete;
  VideoConcatenator &operator=(const VideoConcatenator &) = delete;

  // Appends every packet of the first video stream of `file`. Returns the number of frames appended.
  Result<std::int64_t> append(const std::filesystem::path &file);
  // Writes the trailer and closes the output (nothing to do when nothing was appended).
  Status finish();

  std::int64_t frameCount() const { return m_frames; }
  const std::filesystem::path &path() const { return m_path; }

private:
  struct Impl;
  std::unique_ptr<Impl> d;
  std::filesystem::path m_path;
  std::int64_t m_frames = 0;
};

} // namespace tacit::media
