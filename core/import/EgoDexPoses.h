#pragma once
// The HDF5 half of the EgoDex importer (FORMATS §4): intrinsics, the camera and joint transforms,
// confidences and the task attributes, read and validated before any output is written. Separate
// from importEgoDex so the fuzz harness (fuzz/fuzz_egodex_hdf5.cpp) reaches it without a video.
#include <Eigen/Core>
#include <map>
#include <string>
#include <vector>

#include "core/import/Hdf5File.h"

namespace tacit::import {

struct EgoDexPoses {
  double fx = 0, fy = 0, cx = 0, cy = 0;                      // /camera/intrinsic
  std::vector<Eigen::Matrix4d> camera;                        // /transforms/camera, per frame
  std::map<std::string, std::vector<Eigen::Matrix4d>> joints; // "leftThumbTip" ..., camera.size() each
  std::vector<double> confidenceLeft, confidenceRight;        // camera.size() each (1 when absent)
  std::string task;                                           // from the llm_* / task attributes
  std::vector<std::string> warnings;
};

// Errors name the file and the object ("ep.hdf5: /transforms/camera must have shape (N,4,4)").
Result<EgoDexPoses> readEgoDexPoses(const Hdf5File &file);

} // namespace tacit::import
