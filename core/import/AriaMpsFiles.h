#pragma once
// Finds the Aria MPS outputs in an MPS folder (current and older file names, FORMATS §1.1),
// validates each with the shared series parsers (hands v1/v2 and wrist_and_palm, trajectories,
// every gaze column variant) and puts it into the recording folder under its native name.
// MPS CSV columns are Tacit's native columns (DESIGN §4), so files are linked/copied unchanged.
#include <filesystem>
#include <optional>
#include <vector>

#include "core/import/AriaCalibration.h"
#include "core/recording/RecordingManifest.h"
#include "core/util/Result.h"

namespace tacit::import {

struct MpsImport {
  std::vector<StreamDescriptor> streams;
  std::vector<std::string> files;                     // names written into the folder
  std::optional<aria::OnlineCalibrationEntry> online; // first online calibration entry
  Timestamp earliestNs = kInvalidTime;                // first sample over all imported series
};

// Missing files are warnings; a file with the wrong columns is an error naming the expected ones.
Result<MpsImport> importMpsOutputs(const std::filesystem::path &mpsDir, const std::filesystem::path &folder);

} // namespace tacit::import
