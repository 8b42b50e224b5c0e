#pragma once
// Writes a small synthetic EgoDex episode with the HDF5 C API (FORMATS §4 layout): camera/intrinsic,
// transforms/<joint> (N,4,4) float32 incl. camera (ARKit convention: looks down -Z), confidences,
// llm_* attributes. Joint j of side s sits at a known world point (see jointWorld()).
#include <hdf5.h>
#include <string>
#include <vector>

#include "core/import/EgoDexImporter.h"

namespace egodextest {

inline const char *kDescription = "Fold the towel and put it in the basket.";

// World position of a joint at frame i: hands in front of the camera (negative Z in ARKit).
inline void jointWorld(int side, int landmark, int frame, double out[3]) {
  out[0] = (side == 0 ? -0.15 : 0.15) + 0.001 * landmark;
  out[1] = -0.1 + 0.002 * landmark + 0.001 * frame;
  out[2] = -0.45 - 0.003 * landmark;
}

inline void writeAttr(hid_t file, const char *name, const std::string &value) {
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  hid_t space = H5Screate(H5S_SCALAR);
  hid_t attr = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  const char *p = value.c_str();
  H5Awrite(attr, type, &p);
  H5Aclose(attr);
  H5Sclose(space);
  H5Tclose(type);
}

inline void writeDataset(hid_t group, const std::string &name, const std::vector<hsize_t> &dims,
                         const std::vector<float> &values) {
  hid_t space = H5Screate_simple(int(dims.size()), dims.data(), nullptr);
  hid_t d = H5Dcreate2(group, name.c_str(), H5T_IEEE_F32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(d, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Dclose(d);
  H5Sclose(space);
}

// skipJoint: leave one joint out (damaged-input tests).
inline bool writeEpisode(const std::string &path, int frames, const std::string &skipJoint = {}) {
  hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (f < 0)
    return false;
  hid_t cam = H5Gcreate2(f, "camera", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  writeDataset(cam, "intrinsic", {3, 3}, {736.6339f, 0, 160, 0, 736.6339f, 120, 0, 0, 1});
  H5Gclose(cam);
  hid_t tr = H5Gcreate2(f, "transforms", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  hid_t conf = H5Gcreate2(f, "confidences", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  auto pose = [&](auto position) {
    std::vector<float> v(std::size_t(frames) * 16, 0.f);
    for (int i = 0; i < frames; ++i) {
      double p[3];
      position(i, p);
      float *m = v.data() + std::size_t(i) * 16;
      m[0] = m[5] = m[10] = m[15] = 1;
      m[3] = float(p[0]);
      m[7] = float(p[1]);
      m[11] = float(p[2]);
    }
    return v;
  };
  const hsize_t n = hsize_t(frames);
  writeDataset(tr, "camera", {n, 4, 4}, pose([](int, double p[3]) { p[0] = p[1] = p[2] = 0; }));
  for (int side = 0; side < 2; ++side) {
    const std::string prefix = side == 0 ? "left" : "right";
    for (int l = 0; l < 20; ++l) {
      const std::string joint = prefix + tacit::import::egoDexJointForLandmark(l);
      if (joint == skipJoint)
        continue;
      writeDataset(tr, joint, {n, 4, 4}, pose([&](int i, double p[3]) { jointWorld(side, l, i, p); }));
    }
    // Joints Tacit does not map must not disturb the import.
    writeDataset(tr, prefix + "Forearm", {n, 4, 4}, pose([](int, double p[3]) { p[0] = p[1] = p[2] = 1; }));
    writeDataset(conf, prefix + "Hand", {n}, std::vector<float>(std::size_t(frames), side == 0 ? 0.75f : 0.5f));
  }
  H5Gclose(conf);
  H5Gclose(tr);
  writeAttr(f, "llm_description", kDescription);
  writeAttr(f, "llm_type", "standard");
  writeAttr(f, "task", "fold_towel");
  H5Fclose(f);
  return true;
}

} // namespace egodextest
