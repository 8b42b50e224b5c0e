#pragma once
// calibration.json <-> Calibration (docs/recording-format.md "calibration.json").
#include <nlohmann/json.hpp>

#include "core/recording/JsonValidator.h"
#include "core/recording/RecordingManifest.h"

namespace tacit::recording {

// Throws JsonError naming the JSON path of the first problem.
Calibration calibrationFromJson(const nlohmann::json &root, const JsonValidator &check);
Rigid rigidFromJson(const nlohmann::json &value, const std::string &path, const JsonValidator &check);

nlohmann::ordered_json calibrationToJson(const Calibration &calibration);
nlohmann::ordered_json rigidToJson(const Rigid &rigid);

} // namespace tacit::recording
