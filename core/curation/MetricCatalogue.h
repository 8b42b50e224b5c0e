#pragma once
// The demo-quality metrics (docs/curation.md "Metrics" defines each with its source): id, unit,
// direction, and the two anchors that turn a value into "badness" for the combined score:
//   badness = clamp((v - good) / (bad - good), 0, 2)   (v is the length-normalised value)
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tacit::curation {

struct MetricDef {
  const char *id;             // stable, used in --by, JSON and the project file
  const char *label;          // for people
  const char *unit;           // of the raw value
  const char *normalisedUnit; // of the length-normalised value
  bool higherIsWorse;
  double good, bad;         // anchors on the normalised value
  double weight;            // in the combined score (0 = shown, not scored)
  bool readsPixels = false; // computed from decoded frames (respects hidden spans)
};

const std::vector<MetricDef> &metricCatalogue();
const MetricDef *findMetric(std::string_view id);
// 0 (fine) .. 2 (twice as far past `bad` as `good` is from it); 0 for NaN.
double badness(const MetricDef &def, double normalisedValue);

} // namespace tacit::curation
