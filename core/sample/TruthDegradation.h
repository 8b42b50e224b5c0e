#pragma once
// truth.json's "degradation" block: every knob of DegradationOptions and the exact spans, frames and
// rows it produced (docs/curation.md lists the fields). Written only when a knob is on.
#include <nlohmann/json.hpp>
#include <vector>

#include "core/sample/SampleOptions.h"
#include "core/sample/SceneScript.h"
#include "core/sample/StreamArtifacts.h"

namespace tacit::sample {

struct DegradationTruth {
  const VideoPlan &video;
  const RowTiming &imu;
  const RowTiming &trajectory;
  const std::vector<Timestamp> &handTimes; // hands.csv rows (the nominal frame times)
};

// The knobs as truth.json's degradation.options (also compared by ensureSample).
nlohmann::ordered_json degradationOptionsJson(const DegradationOptions &options);

nlohmann::ordered_json degradationJson(const SampleOptions &options, const SceneScript &script,
                                       const DegradationTruth &truth);

} // namespace tacit::sample
