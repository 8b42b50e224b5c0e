#pragma once
// `tacit-cli import egodex`: an EgoDex episode (HDF5 + MP4, FORMATS §4) -> native recording:
// the video (linked/copied), pinhole intrinsics from camera/intrinsic, ARKit joints mapped to
// Aria's 21 hand landmarks in the camera (= device) frame as hands.csv (MPS v1 columns, mapping
// table in docs/importers.md), the camera pose as trajectory.csv, the task description.
#include <filesystem>
#include <string>

#include "core/import/AriaImporter.h"

namespace tacit::import {

struct EgoDexImportOptions {
  std::filesystem::path hdf5, video, out;
  std::string task, workerId, workerName, site; // task overrides the HDF5 description
  Progress progress;
};

Result<ImportSummary> importEgoDex(const EgoDexImportOptions &options);

// ARKit joint name (without the left/right prefix) for each Aria landmark 0..20; "" for the palm
// centre (20), which is derived as the midpoint of the wrist and the middle-finger knuckle.
const char *egoDexJointForLandmark(int landmark);

} // namespace tacit::import
