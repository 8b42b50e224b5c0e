#pragma once
// The stable JSON of curation results (`tacit-cli curate ... --json`, and what the project file
// stores per recording). Field names are documented in docs/curation.md; additions only.
#include <nlohmann/json.hpp>

#include "core/curation/RecordingAnalysis.h"

namespace tacit::curation {

nlohmann::ordered_json issueJson(const IntegrityIssue &issue);
nlohmann::ordered_json integrityJson(const IntegrityReport &report);
nlohmann::ordered_json metricsJson(const MetricSet &metrics);
nlohmann::ordered_json suggestionsJson(const std::vector<BoundarySuggestion> &suggestions);
// Everything, as stored in the project.
nlohmann::ordered_json analysisJson(const RecordingAnalysis &analysis);

// Back from metricsJson (unknown metric ids are kept; malformed entries are skipped).
MetricSet metricsFromJson(const nlohmann::json &j);
std::vector<IntegrityIssue> issuesFromJson(const nlohmann::json &j);
std::vector<BoundarySuggestion> suggestionsFromJson(const nlohmann::json &j);

} // namespace tacit::curation
