// Taxonomy JSON, through the path `labels taxonomy import` takes: parse, taxonomyFromJson, then
// replaceTaxonomy on a fresh project and a read back.
#include <nlohmann/json.hpp>

#include "core/project/TaxonomyJson.h"
#include "fuzz/ProjectFixture.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  (void)fuzz::templateProject();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  // As the CLI does: a parse error is a message, not a crash (nlohmann's parser is iterative).
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded())
    return 0;
  auto labels = project::taxonomyFromJson(j, "taxonomy.json");
  fuzz::checkFailure(labels, "taxonomy.json");
  if (!labels)
    return 0;
  auto store = fuzz::freshProject();
  if (auto st = store->replaceTaxonomy(*labels); st.ok()) {
    auto back = store->labels();
    if (!back) {
      std::fprintf(stderr, "labels() after an accepted taxonomy failed: %s\n", back.error().c_str());
      std::abort();
    }
    (void)project::taxonomyToJson(*back).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  }
  return 0;
}
