#include "core/sample/BundledSample.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/sample/TruthDegradation.h"
#include "core/util/AtomicFile.h"

namespace tacit::sample {

namespace fs = std::filesystem;

fs::path bundledSamplePath() {
  const char *xdg = std::getenv("XDG_CACHE_HOME");
  fs::path base;
  if (xdg && *xdg)
    base = xdg;
  else if (const char *home = std::getenv("HOME"); home && *home)
    base = fs::path(home) / ".cache";
  else
    base = fs::temp_directory_path();
  return base / "tacit" / "sample";
}

namespace {
bool sameDegradation(const nlohmann::json &truth, const DegradationOptions &d) {
  if (!d.any())
    return !truth.contains("degradation");
  return truth.contains("degradation") && truth["degradation"].is_object() &&
         truth["degradation"].value("options", nlohmann::json()) ==
             nlohmann::json::parse(degradationOptionsJson(d).dump());
}

bool isCurrent(const fs::path &folder, const SampleOptions &o) {
  std::error_code ec;
  if (!fs::exists(folder / "recording.json", ec))
    return false;
  auto text = readSmallFile(folder / "truth.json");
  if (!text)
    return false;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  const auto version = j.is_object() ? j.find("generator_version") : j.end();
  if (!j.is_object() || version == j.end() || !version->is_number_integer() || *version != kSampleGeneratorVersion ||
      !j.contains("options"))
    return false;
  const auto &opt = j["options"];
  if (!opt.is_object())
    return false;
  try { // json::value throws type_error when a key holds another type: then the sample is not current
    return opt.value("duration_s", 0.0) == o.durationSec && opt.value("fps", 0) == o.fps &&
           opt.value("width", 0) == o.width && opt.value("height", 0) == o.height &&
           opt.value("seed", std::uint64_t(0)) == o.seed && opt.value("imu_hz", 0) == o.imuHz &&
           opt.value("codec", std::string()) == o.codec && opt.value("gop", 0) == o.gop &&
           opt.value("bframes", -1) == o.bframes && sameDegradation(j, o.degradation);
  } catch (const nlohmann::json::type_error &) {
    return false;
  }
}
} // namespace

Result<fs::path> ensureBundledSample(const SampleProgress &progress) {
  return ensureSample(bundledSamplePath(), SampleOptions{}, progress);
}

Result<fs::path> ensureSample(const fs::path &target, const SampleOptions &options, const SampleProgress &progress) {
  if (isCurrent(target, options))
    return target;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  const fs::path tmp = target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  auto report = generateSample(options, tmp, progress);
  if (!report) {
    fs::remove_all(tmp, ec);
    return Result<fs::path>::failure(report.error());
  }
  // Another process may have finished first; keep whichever is current.
  if (isCurrent(target, options)) {
    fs::remove_all(tmp, ec);
    return target;
  }
  fs::remove_all(target, ec);
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove_all(tmp, ec);
    if (isCurrent(target, options))
      return target;
    return Result<fs::path>::failure(target.generic_string() + ": cannot move the sample into place: " + ec.message());
  }
  return target;
}

} // namespace tacit::sample
