#include "core/import/ImportStaging.h"

namespace tacit::import {

namespace fs = std::filesystem;

OutputFolderRules importOutputRules(const std::vector<fs::path> &inputs) {
  OutputFolderRules rules;
  rules.kind = "import";
  rules.forceOption = false;
  for (const auto &in : inputs)
    if (!in.empty())
      rules.protect.push_back({in, "an input of the import", true});
  return rules;
}

Result<StagingFolder> createImportStaging(const fs::path &destination, const std::vector<fs::path> &inputs) {
  return StagingFolder::create(destination, importOutputRules(inputs));
}

Status checkImportOutput(const fs::path &destination, const std::vector<fs::path> &inputs) {
  return checkOutputFolder(destination, importOutputRules(inputs));
}

Status linkOrCopy(const fs::path &source, const fs::path &target) {
  std::error_code ec;
  fs::create_hard_link(source, target, ec);
  if (!ec)
    return okStatus();
  ec.clear();
  fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
  if (ec)
    return Status::failure(source.filename().string() + ": cannot copy into the recording: " + ec.message());
  return okStatus();
}

} // namespace tacit::import
