// Sensor CSVs (imu.csv, hands.csv, gaze CSV, trajectory.csv): the same bytes through each reader.
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"
#include "fuzz/FuzzSupport.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  return 0;
}

template <typename S> static void load(const std::uint8_t *data, std::size_t size, const char *name) {
  const auto path = fuzz::writeScratch(name, data, size).string();
  auto series = S::load(path);
  fuzz::checkFailure(series, name);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  load<series::ImuSeries>(data, size, "imu.csv");
  load<series::HandSeries>(data, size, "hands.csv");
  load<series::GazeSeries>(data, size, "gaze.csv");
  load<series::TrajectorySeries>(data, size, "trajectory.csv");
  return 0;
}
