#include "core/export/GateExplain.h"

#include <algorithm>
#include <map>

namespace tacit::exporting {
namespace {

std::string plural(std::size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "track 'task'", "label 'pour water'", or "track or label 'x'" when the project has neither.
std::string labelsText(const GateInput &in, const std::vector<std::string> &labels) {
  std::string out;
  for (const auto &l : labels) {
    const bool track = std::find(in.tracks.begin(), in.tracks.end(), l) != in.tracks.end();
    const bool label = std::any_of(in.segments.begin(), in.segments.end(),
                                   [&](const GateSegment &s) { return s.label == l || s.labelPath == l; });
    out += (out.empty() ? "" : " or ") +
           std::string(track   ? "track '"
                       : label ? "label '"
                               : "track or label '") +
           l + "'";
  }
  return out;
}

} // namespace

std::vector<std::string> explainNoEpisodes(const GateInput &in, const GateOptions &opt, const GateResult &result) {
  if (!result.episodes().empty())
    return {};
  if (in.recordings.empty())
    return {"the project has no recordings — add them with tacit-cli project add"};
  if (result.candidates.empty()) {
    if (opt.wholeRecordings)
      return {"no recording has a video time range to export"};
    return {"no segments on " + labelsText(in, opt.labels) + " in " + plural(in.recordings.size(), "recording") +
            " — label segments or use --whole-recordings"};
  }
  // Every candidate is excluded: the commonest reasons first.
  std::map<std::string, std::size_t> counts;
  for (const auto &c : result.candidates)
    for (const auto &r : c.reasons)
      ++counts[r];
  std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
  std::vector<std::string> out = {"none of the " + plural(result.candidates.size(), "candidate") +
                                  " passes the gate (--dry-run lists each one):"};
  for (std::size_t i = 0; i < sorted.size() && i < 5; ++i)
    out.push_back(sorted[i].first + " (" + plural(sorted[i].second, "candidate") + ")");
  if (sorted.size() > 5)
    out.push_back("and " + plural(sorted.size() - 5, "other reason"));
  return out;
}

} // namespace tacit::exporting
