#pragma once
// A VRS file may be split into chunks name.vrs, name.vrs_1, name.vrs_2 ... that form one logical
// byte stream (FORMATS §2.1). This class reads that stream; it never writes.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit::vrs {

class ChunkedFile {
public:
  ChunkedFile() = default;
  ChunkedFile(ChunkedFile &&) = default;
  ChunkedFile &operator=(ChunkedFile &&) = default;

  // Opens path and any following chunks (path_1, path_2, ...).
  static Result<ChunkedFile> open(const std::filesystem::path &path);

  std::uint64_t size() const { return m_totalSize; }
  const std::vector<std::filesystem::path> &chunks() const;
  std::string displayName() const; // file name of the first chunk, for error messages
  // Reads exactly `size` bytes at logical `offset`; false if the range is past the end or a read fails.
  bool read(std::uint64_t offset, void *dest, std::size_t size) const;

private:
  struct Chunk {
    std::filesystem::path path;
    std::uint64_t begin = 0, size = 0;
    std::shared_ptr<std::FILE> file;
  };
  std::vector<Chunk> m_chunks;
  std::vector<std::filesystem::path> m_paths;
  std::uint64_t m_totalSize = 0;
};

} // namespace tacit::vrs
