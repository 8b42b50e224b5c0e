// EgoDex HDF5 (readEgoDexPoses): structure-aware. The input does not go to libhdf5 as file bytes
// (that would fuzz libhdf5's own parser); it decides how a valid episode is damaged - each dataset
// kept, dropped, reshaped, retyped, given a huge declared extent or turned into a group, values
// NaN/inf/huge, the task attributes as fixed or variable strings, arrays, numbers or empty - and the
// harness writes that file with the HDF5 API and reads it back through Hdf5File and readEgoDexPoses,
// as `import egodex` does. The empty input is a valid 1-frame episode.
#include <hdf5.h>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/import/EgoDexImporter.h"
#include "core/import/EgoDexPoses.h"
#include "fuzz/FuzzSupport.h"

using namespace tacit;

namespace {

struct Writer {
  fuzz::ByteReader &in;
  hid_t file;

  hid_t group(const char *name) { return H5Gcreate2(file, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT); }

  // Element i of an undamaged dataset: identity matrices (and a 3x3 identity intrinsic), 1 elsewhere.
  static double base(std::size_t i, std::size_t rowLength) {
    if (rowLength == 3)
      return i % 4 == 0 ? 1.0 : 0.0;
    if (rowLength == 4)
      return (i % 16) % 5 == 0 ? 1.0 : 0.0;
    return 1.0;
  }

  double value(std::size_t i, std::size_t rowLength) {
    switch (in.byte() % 16) {
    case 1: return std::numeric_limits<double>::quiet_NaN();
    case 2: return std::numeric_limits<double>::infinity();
    case 3: return -std::numeric_limits<double>::max();
    case 4: return double(in.int64());
    case 5: return base(i, rowLength) + double(in.byte()) / 64.0 - 2.0;
    default: return base(i, rowLength);
    }
  }

  // A dataset meant to have `dims`; the input may change its shape, type or kind.
  void dataset(hid_t parent, const std::string &name, std::vector<hsize_t> dims) {
    const int variant = in.byte() % 32;
    if (variant == 1)
      return; // missing
    if (variant == 2) {
      H5Gclose(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT)); // a group
      return;
    }
    if (variant == 3 && !dims.empty())
      dims[in.upTo(dims.size() - 1)] = in.upTo(9);
    if (variant == 4)
      dims.resize(in.upTo(5), 2);
    // Huge declared extent, chunked, nothing written: refused, not allocated; 2^60 x 16 wraps to 0.
    const bool huge = variant == 5;
    if (huge && !dims.empty())
      dims[0] = hsize_t(1) << (20 + in.upTo(42));
    hid_t stored = variant == 6   ? H5Tcopy(H5T_STD_I16LE)
                   : variant == 7 ? H5Tcopy(H5T_IEEE_F64BE)
                   : variant == 8 ? H5Tcopy(H5T_C_S1)
                                  : H5Tcopy(H5T_IEEE_F32LE);
    if (variant == 8)
      H5Tset_size(stored, 8);
    hid_t space = dims.empty() ? H5Screate(H5S_SCALAR) : H5Screate_simple(int(dims.size()), dims.data(), nullptr);
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    if (huge) {
      std::vector<hsize_t> chunk(dims.size(), 1);
      H5Pset_chunk(dcpl, int(chunk.size()), chunk.data());
    }
    hid_t d = H5Dcreate2(parent, name.c_str(), stored, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    if (d >= 0 && !huge && variant != 8) {
      hsize_t count = 1;
      for (auto v : dims)
        count *= v;
      std::vector<double> values(count);
      const std::size_t rowLength = dims.empty() ? 0 : dims.back();
      for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = value(i, rowLength);
      H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
    }
    if (d >= 0)
      H5Dclose(d);
    H5Pclose(dcpl);
    H5Sclose(space);
    H5Tclose(stored);
  }

  void attribute(const char *name) {
    const int variant = in.byte() % 8; // 0: a scalar variable-length string, as EgoDex writes them
    if (variant == 1)
      return;
    std::string text = in.text(64);
    if (text.empty() && variant == 0)
      text = name;
    const hsize_t n = in.upTo(6);
    hid_t space = variant == 6                     ? H5Screate(H5S_NULL)
                  : (variant == 3 || variant == 5) ? H5Screate_simple(1, &n, nullptr)
                                                   : H5Screate(H5S_SCALAR);
    hid_t type;
    const bool vlen = variant == 0 || variant == 3, fixed = variant == 2 || variant == 7;
    if (vlen) {
      type = H5Tcopy(H5T_C_S1);
      H5Tset_size(type, H5T_VARIABLE);
      H5Tset_cset(type, in.flag() ? H5T_CSET_UTF8 : H5T_CSET_ASCII);
    } else if (fixed) {
      type = H5Tcopy(H5T_C_S1);
      H5Tset_size(type, std::max<std::size_t>(1, text.size()));
      H5Tset_strpad(type, variant == 7 ? H5T_STR_NULLPAD : H5T_STR_NULLTERM);
    } else {
      type = H5Tcopy(in.flag() ? H5T_NATIVE_DOUBLE : H5T_NATIVE_INT64);
    }
    hid_t attr = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    if (attr >= 0 && variant != 6) {
      if (vlen) {
        std::vector<const char *> ptrs(variant == 3 ? n : 1, text.c_str());
        if (!ptrs.empty())
          H5Awrite(attr, type, ptrs.data());
      } else if (fixed) {
        text.resize(std::max<std::size_t>(1, text.size()), '\0');
        H5Awrite(attr, type, text.data());
      } else {
        std::vector<std::int64_t> raw(std::max<hsize_t>(1, n), in.int64());
        H5Awrite(attr, type, raw.data());
      }
    }
    if (attr >= 0)
      H5Aclose(attr);
    H5Tclose(type);
    H5Sclose(space);
  }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); // the writer's own refusals are not findings
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  fuzz::ByteReader in(data, size);
  const auto path = (fuzz::scratchDir() / "episode.hdf5").string();
  hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (file < 0)
    std::abort();
  {
    Writer w{in, file};
    const hsize_t frames = 1 + in.upTo(11);
    hid_t camera = w.group("camera");
    w.dataset(camera, "intrinsic", {3, 3});
    H5Gclose(camera);
    hid_t transforms = w.group("transforms");
    w.dataset(transforms, "camera", {frames, 4, 4});
    for (const char *side : {"left", "right"})
      for (int l = 0; l < 20; ++l)
        w.dataset(transforms, std::string(side) + import::egoDexJointForLandmark(l), {frames, 4, 4});
    H5Gclose(transforms);
    if (!in.flag()) {
      hid_t confidences = w.group("confidences");
      w.dataset(confidences, "leftHand", {frames});
      w.dataset(confidences, "rightHand", {frames});
      H5Gclose(confidences);
    }
    for (const char *name : {"llm_description", "llm_type", "which_llm_description", "llm_description2", "task"})
      w.attribute(name);
  }
  H5Fclose(file);

  auto f = import::Hdf5File::open(path);
  fuzz::checkFailure(f, "episode.hdf5");
  if (!f)
    return 0;
  auto poses = import::readEgoDexPoses(*f);
  fuzz::checkFailure(poses, "episode.hdf5");
  if (poses) {
    const std::size_t n = poses->camera.size();
    for (const auto &[name, track] : poses->joints)
      if (track.size() != n)
        std::abort(); // the importer indexes every joint track with the camera's frame numbers
    if (poses->confidenceLeft.size() != n || poses->confidenceRight.size() != n)
      std::abort();
    (void)nlohmann::json(poses->task).dump(); // recording.json must hold it (throws if not UTF-8)
  } else if (size == 0) {
    std::fprintf(stderr, "the undamaged episode was refused: %s\n", poses.error().c_str());
    std::abort();
  }
  return 0;
}
