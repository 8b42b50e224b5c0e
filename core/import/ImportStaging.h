#pragma once
// Import outputs: the shared staging folder (core/util/StagingFolder.h) with the import's rule (no
// --force; never one of the inputs, inside one or around one), and linkOrCopy for big media.
#include <filesystem>
#include <vector>

#include "core/util/StagingFolder.h"

namespace tacit::import {

// The output folder rule of an import whose sources are `inputs`.
OutputFolderRules importOutputRules(const std::vector<std::filesystem::path> &inputs);
// StagingFolder::create with importOutputRules(inputs).
Result<StagingFolder> createImportStaging(const std::filesystem::path &destination,
                                          const std::vector<std::filesystem::path> &inputs);
// What createImportStaging would refuse, without creating anything (the import forms).
Status checkImportOutput(const std::filesystem::path &destination,
                         const std::vector<std::filesystem::path> &inputs = {});

// Puts `source` into the folder as `name`: a hard link when possible (big media are not copied),
// else a copy. Never modifies the source.
Status linkOrCopy(const std::filesystem::path &source, const std::filesystem::path &target);

} // namespace tacit::import
