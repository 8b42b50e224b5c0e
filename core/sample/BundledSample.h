#pragma once
// The default synthetic recording the GUI opens when started with no arguments.
#include <filesystem>

#include "core/sample/SampleGenerator.h"

namespace tacit::sample {

// $XDG_CACHE_HOME/tacit/sample, or ~/.cache/tacit/sample.
std::filesystem::path bundledSamplePath();

// Returns the folder of the default sample, generating it first (about 15 s) when it is missing
// or was written by another generator version. Generation goes to a temporary sibling folder
// that is renamed into place, so a concurrent or interrupted run never leaves a half sample.
Result<std::filesystem::path> ensureBundledSample(const SampleProgress &progress = {});

// The same for any folder and options: regenerates unless `folder` holds a complete sample of
// this generator version written with these options.
Result<std::filesystem::path> ensureSample(const std::filesystem::path &folder, const SampleOptions &options,
                                           const SampleProgress &progress = {});

} // namespace tacit::sample
