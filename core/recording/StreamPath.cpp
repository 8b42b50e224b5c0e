#include "core/recording/StreamPath.h"

#include <nlohmann/json.hpp>

namespace tacit::recording {

namespace fs = std::filesystem;

namespace {
std::string jsonQuoted(const std::string &s) {
  return nlohmann::json(s).dump();
}
} // namespace

std::string relativePathProblem(const std::string &path) {
  if (path.empty())
    return "expected a non-empty relative path";
  const fs::path p(path);
  // Backslashes and drive letters would be absolute (or escaping) on Windows.
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory() || path.find('\\') != std::string::npos ||
      (path.size() >= 2 && path[1] == ':'))
    return "must be relative to the recording folder, got " + jsonQuoted(path);
  const fs::path normal = p.lexically_normal();
  if (normal.empty() || normal == "." || *normal.begin() == "..")
    return "escapes the recording folder: " + jsonQuoted(path);
  return {};
}

std::string symlinkEscapeProblem(const fs::path &canonicalFolder, const std::string &relativePath) {
  std::error_code ec;
  const fs::path real = fs::canonical(canonicalFolder / relativePath, ec);
  if (ec)
    return "cannot resolve " + jsonQuoted(relativePath) + ": " + ec.message();
  const fs::path rel = real.lexically_relative(canonicalFolder);
  if (rel.empty() || *rel.begin() == ".." || rel == ".")
    return jsonQuoted(relativePath) + " resolves outside the recording folder (to " + jsonQuoted(real.string()) + ")";
  return {};
}

} // namespace tacit::recording
