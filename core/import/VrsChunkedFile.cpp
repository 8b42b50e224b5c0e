#include "core/import/VrsChunkedFile.h"

#include <algorithm>
#include <cstring>
#include <system_error>

namespace tacit::vrs {

Result<ChunkedFile> ChunkedFile::open(const std::filesystem::path &path) {
  ChunkedFile f;
  for (int i = 0;; ++i) {
    std::filesystem::path p = i == 0 ? path : std::filesystem::path(path.string() + "_" + std::to_string(i));
    std::error_code ec;
    if (i > 0 && !std::filesystem::is_regular_file(p, ec))
      break;
    std::uint64_t sz = std::filesystem::file_size(p, ec);
    if (ec)
      return Result<ChunkedFile>::failure(path.filename().string() + ": cannot open: " + ec.message());
    std::FILE *raw = std::fopen(p.c_str(), "rb");
    if (!raw)
      return Result<ChunkedFile>::failure(p.filename().string() + ": cannot open: " + std::strerror(errno));
    f.m_chunks.push_back({p, f.m_totalSize, sz, std::shared_ptr<std::FILE>(raw, &std::fclose)});
    f.m_paths.push_back(p);
    f.m_totalSize += sz;
  }
  return f;
}

const std::vector<std::filesystem::path> &ChunkedFile::chunks() const {
  return m_paths;
}

std::string ChunkedFile::displayName() const {
  return m_paths.empty() ? std::string("<vrs>") : m_paths.front().filename().string();
}

bool ChunkedFile::read(std::uint64_t offset, void *dest, std::size_t size) const {
  if (offset > m_totalSize || size > m_totalSize - offset)
    return false;
  auto *out = static_cast<char *>(dest);
  for (const Chunk &c : m_chunks) {
    if (size == 0)
      break;
    if (offset >= c.begin + c.size)
      continue;
    std::uint64_t local = offset - c.begin;
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(size, c.size - local));
    if (std::fseek(c.file.get(), static_cast<long>(local), SEEK_SET) != 0)
      return false;
    if (std::fread(out, 1, n, c.file.get()) != n)
      return false;
    out += n;
    offset += n;
    size -= n;
  }
  return size == 0;
}

} // namespace tacit::vrs
