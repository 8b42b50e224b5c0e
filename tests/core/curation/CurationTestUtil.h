#pragma once
// Generates short synthetic samples for the curation tests (small frames keep the suite fast).
#include <QDir>
#include <QString>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/sample/SampleGenerator.h"

namespace curationtest {

inline tacit::sample::SampleOptions smallOptions(std::uint64_t seed, double seconds = 4) {
  tacit::sample::SampleOptions o;
  o.durationSec = seconds;
  o.width = 256;
  o.height = 192;
  o.seed = seed;
  return o;
}

// Writes the sample into dir/name; returns the folder ("" on failure, with the error in `error`).
inline std::string makeSample(const QString &dir, const QString &name, const tacit::sample::SampleOptions &o,
                              std::string *error = nullptr) {
  const std::string folder = (dir + "/" + name).toStdString();
  auto r = tacit::sample::generateSample(o, folder);
  if (!r) {
    if (error)
      *error = r.error();
    return {};
  }
  return folder;
}

inline nlohmann::json readTruth(const std::string &folder) {
  std::ifstream in(folder + "/truth.json");
  return nlohmann::json::parse(in, nullptr, false);
}

} // namespace curationtest
