#pragma once
// Label taxonomy interchange: {"format":"tacit-taxonomy","version":1,"labels":[{"name","colour","key",
// "description","children":[...]}]}. Ids in the returned labels are local (1..n) and parentIds refer
// to them; ProjectStore::replaceTaxonomy assigns real ids.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/project/ProjectTypes.h"
#include "core/util/Result.h"

namespace tacit::project {

nlohmann::ordered_json taxonomyToJson(const std::vector<Label> &labels); // keys in a readable order
// source names the file in error messages.
Result<std::vector<Label>> taxonomyFromJson(const nlohmann::json &json, const std::string &source);
// Parses the text first (recording::parseJsonText: UTF-8, depth, syntax with the line). Never throws.
Result<std::vector<Label>> taxonomyFromJsonText(const std::string &text, const std::string &source);

} // namespace tacit::project
