#pragma once
// Minimal read-only HDF5 access over the C API (tacit::hdf5): numeric datasets as doubles, string
// attributes, group member names. Errors name the file and the object path.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit::import {

struct Hdf5Array {
  std::vector<std::uint64_t> dims;
  std::vector<double> values; // row-major
};

class Hdf5File {
public:
  static Result<Hdf5File> open(const std::filesystem::path &path);
  Hdf5File(Hdf5File &&other) noexcept;
  Hdf5File &operator=(Hdf5File &&) = delete;
  ~Hdf5File();

  bool exists(const std::string &objectPath) const;
  std::vector<std::string> members(const std::string &groupPath) const; // empty when not a group
  Result<Hdf5Array> readArray(const std::string &datasetPath) const;
  // Root attribute as text (string attributes; numbers are formatted); nullopt when absent or not one value.
  std::optional<std::string> attribute(const std::string &name) const;
  std::string name() const { return m_name; }

private:
  Hdf5File() = default;
  std::int64_t m_file = -1;
  std::string m_name;
};

} // namespace tacit::import
