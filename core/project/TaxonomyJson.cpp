#include "core/project/TaxonomyJson.h"

#include <functional>
#include <regex>
#include <set>

#include "core/recording/JsonValidator.h"

namespace tacit::project {

nlohmann::ordered_json taxonomyToJson(const std::vector<Label> &labels) {
  using oj = nlohmann::ordered_json;
  std::function<oj(Id)> children = [&](Id parent) {
    auto arr = oj::array();
    for (const auto &l : labels) // labels are parents-first, siblings in order
      if (l.parentId == parent) {
        oj j{{"name", l.name}, {"colour", l.colour}, {"key", l.key}, {"description", l.description}};
        auto kids = children(l.id);
        if (!kids.empty())
          j["children"] = std::move(kids);
        arr.push_back(std::move(j));
      }
    return arr;
  };
  return oj{{"format", "tacit-taxonomy"}, {"version", 1}, {"labels", children(0)}};
}

Result<std::vector<Label>> taxonomyFromJson(const nlohmann::json &json, const std::string &source) {
  using R = Result<std::vector<Label>>;
  const nlohmann::json *list = &json;
  if (json.is_object()) {
    auto it = json.find("labels");
    if (it == json.end())
      return R::failure(source + ": missing \"labels\"");
    list = &*it;
  }
  std::vector<Label> out;
  std::vector<std::string> errors;
  static const std::regex colourRe("^#[0-9a-fA-F]{6}$");
  std::function<void(const nlohmann::json &, Id, const std::string &)> walk = [&](const nlohmann::json &arr, Id parent,
                                                                                  const std::string &where) {
    if (!arr.is_array()) {
      errors.push_back(source + ": " + where + ": expected an array of labels");
      return;
    }
    std::set<std::string> siblings;
    int order = 0;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const auto &j = arr[i];
      const std::string at = where + "/" + std::to_string(i);
      if (!j.is_object() || !j.contains("name") || !j["name"].is_string()) {
        errors.push_back(source + ": " + at + ": label needs a string \"name\"");
        continue;
      }
      Label l;
      l.id = static_cast<Id>(out.size()) + 1;
      l.parentId = parent;
      l.name = j["name"].get<std::string>();
      l.order = order++;
      if (l.name.empty() || l.name.find('/') != std::string::npos)
        errors.push_back(source + ": " + at + ": label name \"" + l.name + "\" must be non-empty without '/'");
      if (!siblings.insert(l.name).second)
        errors.push_back(source + ": " + at + ": duplicate label name \"" + l.name + "\"");
      if (auto c = j.find("colour"); c != j.end()) {
        if (!c->is_string() || !std::regex_match(c->get<std::string>(), colourRe))
          errors.push_back(source + ": " + at + ": colour must look like \"#rrggbb\"");
        else
          l.colour = c->get<std::string>();
      }
      if (auto k = j.find("key"); k != j.end() && !k->is_null()) {
        if (!k->is_number_unsigned() || k->get<std::uint64_t>() > 9)
          errors.push_back(source + ": " + at + ": key must be 0-9");
        else
          l.key = static_cast<int>(k->get<std::uint64_t>());
      }
      if (auto d = j.find("description"); d != j.end() && !d->is_null()) {
        if (d->is_string())
          l.description = d->get<std::string>();
        else
          errors.push_back(source + ": " + at + ": description must be a string");
      }
      out.push_back(l);
      if (auto c = j.find("children"); c != j.end())
        walk(*c, l.id, at + "/children");
    }
  };
  if (recording::jsonDeeperThan(*list, recording::kMaxJsonDepth))
    return R::failure(source + ": labels are nested deeper than " + std::to_string(recording::kMaxJsonDepth) +
                      " levels");
  walk(*list, 0, "labels");
  if (!errors.empty()) {
    std::string msg;
    for (const auto &e : errors)
      msg += (msg.empty() ? "" : "\n") + e;
    return R::failure(msg);
  }
  return out;
}

Result<std::vector<Label>> taxonomyFromJsonText(const std::string &text, const std::string &source) {
  auto json = recording::parseJsonText(text, source);
  if (!json)
    return Result<std::vector<Label>>::failure(json.error());
  return taxonomyFromJson(*json, source);
}

} // namespace tacit::project
