#include "core/import/Hdf5File.h"

#include <hdf5.h>

namespace tacit::import {

namespace {
// 64 Mi doubles (512 MiB): far beyond any real EgoDex array (a 10-minute episode's transform is 300 k).
constexpr std::uint64_t kMaxArrayElements = std::uint64_t(1) << 26;

void quietErrors() {
  static bool done = false;
  if (!done) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); // we report our own one-line errors
    done = true;
  }
}
} // namespace

Result<Hdf5File> Hdf5File::open(const std::filesystem::path &path) {
  quietErrors();
  Hdf5File f;
  f.m_name = path.filename().string();
  if (!std::filesystem::is_regular_file(path))
    return Result<Hdf5File>::failure(f.m_name + ": file does not exist");
  if (H5Fis_hdf5(path.c_str()) <= 0)
    return Result<Hdf5File>::failure(f.m_name + ": not an HDF5 file");
  f.m_file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f.m_file < 0)
    return Result<Hdf5File>::failure(f.m_name + ": cannot open HDF5 file");
  return f;
}

Hdf5File::Hdf5File(Hdf5File &&o) noexcept : m_file(o.m_file), m_name(std::move(o.m_name)) {
  o.m_file = -1;
}

Hdf5File::~Hdf5File() {
  if (m_file >= 0)
    H5Fclose(m_file);
}

bool Hdf5File::exists(const std::string &p) const {
  // Check each path component: H5Lexists fails on a missing intermediate group.
  std::string partial;
  std::size_t start = 1;
  while (start <= p.size()) {
    std::size_t slash = p.find('/', start);
    partial = p.substr(0, slash);
    if (H5Lexists(m_file, partial.c_str(), H5P_DEFAULT) <= 0)
      return false;
    if (slash == std::string::npos)
      break;
    start = slash + 1;
  }
  return true;
}

std::vector<std::string> Hdf5File::members(const std::string &groupPath) const {
  std::vector<std::string> out;
  if (!exists(groupPath))
    return out;
  hid_t g = H5Gopen2(m_file, groupPath.c_str(), H5P_DEFAULT);
  if (g < 0)
    return out;
  H5G_info_t info;
  if (H5Gget_info(g, &info) >= 0) {
    for (hsize_t i = 0; i < info.nlinks; ++i) {
      ssize_t n = H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
      if (n <= 0)
        continue;
      std::string name(std::size_t(n) + 1, '\0');
      H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
      name.resize(std::size_t(n));
      out.push_back(name);
    }
  }
  H5Gclose(g);
  return out;
}

Result<Hdf5Array> Hdf5File::readArray(const std::string &p) const {
  using R = Result<Hdf5Array>;
  if (!exists(p))
    return R::failure(m_name + ": " + p + " is missing");
  hid_t d = H5Dopen2(m_file, p.c_str(), H5P_DEFAULT);
  if (d < 0)
    return R::failure(m_name + ": " + p + " is not a dataset");
  Hdf5Array a;
  hid_t space = H5Dget_space(d);
  hid_t type = H5Dget_type(d);
  const bool numeric = H5Tget_class(type) == H5T_FLOAT || H5Tget_class(type) == H5T_INTEGER;
  int rank = H5Sget_simple_extent_ndims(space);
  std::string error;
  if (!numeric) {
    error = p + " is not numeric";
  } else if (rank < 0 || rank > 8) {
    error = p + " has an unreadable shape";
  } else {
    std::vector<hsize_t> dims(std::size_t(rank) + 1, 0);
    H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    // Checked product: a declared extent can be huge (chunked, never written) and wrap around.
    std::uint64_t total = 1;
    bool tooLarge = false;
    for (int i = 0; i < rank; ++i) {
      const std::uint64_t d = dims[std::size_t(i)];
      a.dims.push_back(d);
      if (d != 0 && total > kMaxArrayElements / d)
        tooLarge = true;
      total *= d;
    }
    if (tooLarge || total > kMaxArrayElements) {
      error = p + " is too large";
    } else {
      a.values.resize(total);
      if (total > 0 && H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, a.values.data()) < 0)
        error = p + " cannot be read";
    }
  }
  H5Tclose(type);
  H5Sclose(space);
  H5Dclose(d);
  if (!error.empty())
    return R::failure(m_name + ": " + error);
  return a;
}

std::optional<std::string> Hdf5File::attribute(const std::string &name) const {
  if (H5Aexists(m_file, name.c_str()) <= 0)
    return std::nullopt;
  hid_t attr = H5Aopen(m_file, name.c_str(), H5P_DEFAULT);
  if (attr < 0)
    return std::nullopt;
  hid_t type = H5Aget_type(attr);
  hid_t space = H5Aget_space(attr);
  // One value only: H5Aread writes every element, and an array or empty attribute is no text.
  const bool single = space >= 0 && H5Sget_simple_extent_npoints(space) == 1;
  std::optional<std::string> out;
  if (!single) {
    // nullopt
  } else if (H5Tget_class(type) == H5T_STRING) {
    if (H5Tis_variable_str(type) > 0) {
      hid_t mem = H5Tcopy(H5T_C_S1);
      H5Tset_size(mem, H5T_VARIABLE);
      H5Tset_cset(mem, H5Tget_cset(type));
      char *text = nullptr;
      if (H5Aread(attr, mem, &text) >= 0 && text) {
        out = std::string(text);
        H5free_memory(text);
      }
      H5Tclose(mem);
    } else {
      std::size_t n = H5Tget_size(type);
      std::string buf(n, '\0');
      hid_t mem = H5Tcopy(H5T_C_S1);
      H5Tset_size(mem, n);
      if (H5Aread(attr, mem, buf.data()) >= 0)
        out = std::string(buf.c_str());
      H5Tclose(mem);
    }
  } else if (H5Tget_class(type) == H5T_INTEGER || H5Tget_class(type) == H5T_FLOAT) {
    double v = 0;
    if (H5Aread(attr, H5T_NATIVE_DOUBLE, &v) >= 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", v);
      out = std::string(buf);
    }
  }
  if (space >= 0)
    H5Sclose(space);
  H5Tclose(type);
  H5Aclose(attr);
  return out;
}

} // namespace tacit::import
