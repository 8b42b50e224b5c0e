// bench_export RECORDING_DIR WORK_DIR [FORMAT] [HxW] [DEFLATE]: puts the recording in a fresh project (approved,
// consent granted), exports it whole and prints {"seconds", "frames", "video_seconds", "realtime_factor"}.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/export/ExportRunner.h"
#include "core/project/ProjectStore.h"

using namespace tacit;
namespace fs = std::filesystem;

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_export RECORDING_DIR WORK_DIR [FORMAT] [HxW]\n");
    return 2;
  }
  const fs::path rec = fs::absolute(argv[1]), work = fs::absolute(argv[2]);
  fs::remove_all(work);
  fs::create_directories(work);
  auto store = project::ProjectStore::create(work / "bench.tacit");
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().c_str());
    return 1;
  }
  auto r = (*store)->addRecording(rec);
  if (!r) {
    std::fprintf(stderr, "%s\n", r.error().c_str());
    return 1;
  }
  (*store)->addReview(r->id, project::ReviewStatus::Approved, "bench");
  project::ConsentEvent c;
  c.workerId = r->workerId;
  c.scope = R"({"uses":["model_training"]})";
  c.signature = "bench";
  (*store)->appendConsent(c);

  exporting::ExportOptions o;
  o.format = exporting::exportFormatFromName(argc > 3 ? argv[3] : "robomimic-hdf5")
                 .value_or(exporting::ExportFormat::RobomimicHdf5);
  if (argc > 4)
    std::sscanf(argv[4], "%dx%d", &o.height, &o.width);
  if (argc > 5)
    o.imageDeflateLevel = std::atoi(argv[5]); // robomimic image gzip level (0 = none)
  o.out = work / "out";
  o.gate.wholeRecordings = true;
  const auto t0 = std::chrono::steady_clock::now();
  auto rep = exporting::runExport(**store, o);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!rep) {
    std::fprintf(stderr, "%s\n", rep.error().c_str());
    return 1;
  }
  std::int64_t frames = 0;
  double videoSeconds = 0;
  for (const auto &e : rep->episodes) {
    frames += e.frames;
    videoSeconds += toSeconds(e.exportedRange.duration());
  }
  std::printf("%s\n", nlohmann::json{{"format", exporting::exportFormatName(o.format)},
                                     {"size", {o.height, o.width}},
                                     {"seconds", s},
                                     {"frames", frames},
                                     {"video_seconds", videoSeconds},
                                     {"realtime_factor", videoSeconds / s}}
                          .dump()
                          .c_str());
  return 0;
}
