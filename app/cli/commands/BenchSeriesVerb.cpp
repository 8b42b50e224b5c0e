// tacit-cli bench series REC_DIR [--json] [--points N] [--repeat N]: load speed of the sensor CSVs of a
// recording folder (imu.csv, hands.csv, trajectory.csv, gaze.csv when present) and windowQuery cost
// at five zoom levels on the IMU series. Timing is wall and CPU time of this process; peak RSS from
// getrusage. bench/series.sh generates a 2-hour recording and compares against wc -l / Python.
#include <QCommandLineParser>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/BenchVerbs.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"

namespace tacit::cli {

namespace {

using nlohmann::ordered_json;

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double wallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double peakRssMiB() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

struct Timed {
  double wall = 0, cpu = 0;
};

template <typename F> Timed timed(F &&f) {
  const double w0 = wallSeconds(), c0 = cpuSeconds();
  f();
  return {wallSeconds() - w0, cpuSeconds() - c0};
}

ordered_json fileReport(const std::string &file, const char *kind, const series::CsvLoadStats &stats, Timed t,
                        std::size_t memoryBytes) {
  ordered_json j;
  j["file"] = file;
  j["kind"] = kind;
  j["rows"] = stats.rows;
  j["skipped_rows"] = stats.skippedRows;
  j["bytes"] = stats.bytes;
  j["seconds"] = t.wall;
  j["cpu_seconds"] = t.cpu;
  j["rows_per_second"] = t.wall > 0 ? static_cast<double>(stats.rows) / t.wall : 0.0;
  j["rows_per_cpu_second"] = t.cpu > 0 ? static_cast<double>(stats.rows) / t.cpu : 0.0;
  j["megabytes_per_second"] = t.wall > 0 ? static_cast<double>(stats.bytes) / t.wall / 1e6 : 0.0;
  j["memory_bytes"] = memoryBytes;
  return j;
}

} // namespace

// args: ["series", REC_DIR, options...] (a leading "bench" is dropped, so both the bench command's full
// argument list and the verb's own are accepted).
int runBenchSeries(const QStringList &argsIn) {
  QStringList args = argsIn;
  if (!args.isEmpty() && args.front() == QLatin1String("bench"))
    args.removeFirst();
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Sensor series load speed and plot window-query cost."));
  p.addPositionalArgument(QStringLiteral("REC_DIR"), QStringLiteral("Recording folder with imu.csv (and optionally "
                                                                    "hands.csv, trajectory.csv, gaze.csv)."));
  p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output on stdout.")});
  p.addOption({QStringLiteral("points"), QStringLiteral("Buckets per window query (default 2000)."),
               QStringLiteral("N"), QStringLiteral("2000")});
  p.addOption({QStringLiteral("repeat"), QStringLiteral("Window queries per zoom level (default 50)."),
               QStringLiteral("N"), QStringLiteral("50")});
  if (int rc = parseArguments(p, args, QStringLiteral("bench series")); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 1)
    return usageError(QStringLiteral("bench series"), QStringLiteral("expected: bench series REC_DIR"));
  bool okPoints = false, okRepeat = false;
  const int points = p.value(QStringLiteral("points")).toInt(&okPoints);
  const int repeat = p.value(QStringLiteral("repeat")).toInt(&okRepeat);
  if (!okPoints || points < 3 || !okRepeat || repeat < 1)
    return usageError(QStringLiteral("bench series"), QStringLiteral("--points must be >= 3 and --repeat >= 1"));
  const std::filesystem::path dir = pos[0].toStdString();
  const std::string imuPath = (dir / "imu.csv").string();
  if (!std::filesystem::is_regular_file(imuPath))
    return dataError(imuPath + ": not found (bench series needs a recording folder with imu.csv)");

  ordered_json out;
  out["recording"] = dir.string();
  ordered_json files = ordered_json::array();

  series::CsvLoadStats imuStats;
  Result<series::ImuSeries> imu = Error{""};
  const Timed imuTime = timed([&] { imu = series::ImuSeries::load(imuPath, &imuStats); });
  if (!imu)
    return dataError(imu.error());
  files.push_back(fileReport(imuPath, "imu", imuStats, imuTime, imu->series().memoryBytes()));

  // Other native sensor files, when present.
  auto optional = [&](const char *name, const char *kind, auto loader) -> int {
    const std::string path = (dir / name).string();
    if (!std::filesystem::is_regular_file(path))
      return 0;
    series::CsvLoadStats stats;
    std::size_t memory = 0;
    std::string error;
    const Timed t = timed([&] {
      auto r = loader(path, &stats);
      if (r)
        memory = r->series().memoryBytes();
      else
        error = r.error();
    });
    if (!error.empty())
      return dataError(error);
    files.push_back(fileReport(path, kind, stats, t, memory));
    return 0;
  };
  if (int rc = optional("hands.csv", "hands",
                        [](const std::string &f, series::CsvLoadStats *s) { return series::HandSeries::load(f, s); }))
    return rc;
  if (int rc = optional("trajectory.csv", "trajectory", [](const std::string &f, series::CsvLoadStats *s) {
        return series::TrajectorySeries::load(f, s);
      }))
    return rc;
  if (int rc = optional("gaze.csv", "gaze",
                        [](const std::string &f, series::CsvLoadStats *s) { return series::GazeSeries::load(f, s); }))
    return rc;
  out["files"] = files;
  out["imu_rows"] = imuStats.rows;
  out["imu_rows_per_second"] = files[0]["rows_per_second"];
  out["imu_rows_per_cpu_second"] = files[0]["rows_per_cpu_second"];

  // Window queries centred in the IMU series, 1/1 .. 1/10000 of its duration, all six channels.
  ordered_json queries = ordered_json::array();
  const TimeRange all = imu->timeRange();
  for (int zoom : {1, 10, 100, 1000, 10000}) {
    const Timestamp span = std::max<Timestamp>(1, all.duration() / zoom);
    const Timestamp begin = all.begin + (all.duration() - span) / 2;
    const TimeRange range{begin, begin + span};
    std::vector<double> us;
    std::size_t buckets = 0, perBucket = 1;
    for (int k = 0; k < repeat; ++k) {
      const double c0 = cpuSeconds(), w0 = wallSeconds();
      const auto w = imu->windowQuery(range, static_cast<std::size_t>(points));
      const double c1 = cpuSeconds(), w1 = wallSeconds();
      us.push_back(std::min(c1 - c0, w1 - w0) * 1e6); // CPU time unless the wall clock is finer
      buckets = w.bucketCount();
      perBucket = w.samplesPerBucket;
    }
    std::sort(us.begin(), us.end());
    ordered_json q;
    q["zoom"] = "1/" + std::to_string(zoom);
    q["span_seconds"] = toSeconds(span);
    q["samples"] = imu->indexAt(range.end - 1) - imu->indexAt(range.begin - 1);
    q["buckets"] = buckets;
    q["samples_per_bucket"] = perBucket;
    q["median_us"] = us[us.size() / 2];
    q["max_us"] = us.back();
    queries.push_back(q);
  }
  out["window_query"] = queries;
  out["window_query_points"] = points;
  out["peak_rss_mib"] = peakRssMiB();

  if (p.isSet(QStringLiteral("json"))) {
    printLine(out.dump(2));
    return kExitOk;
  }
  for (const auto &f : out["files"])
    std::printf("%-10s %10zu rows  %7.3f s  %6.2f M rows/s (%6.2f M rows/s CPU)  %7.1f MiB in memory\n",
                f["kind"].get<std::string>().c_str(), f["rows"].get<std::size_t>(), f["seconds"].get<double>(),
                f["rows_per_second"].get<double>() / 1e6, f["rows_per_cpu_second"].get<double>() / 1e6,
                static_cast<double>(f["memory_bytes"].get<std::size_t>()) / (1 << 20));
  for (const auto &q : out["window_query"])
    std::printf("window %-8s %9lld samples -> %5zu buckets  %8.1f us median\n", q["zoom"].get<std::string>().c_str(),
                q["samples"].get<long long>(), q["buckets"].get<std::size_t>(), q["median_us"].get<double>());
  std::printf("peak RSS %.1f MiB\n", out["peak_rss_mib"].get<double>());
  return kExitOk;
}

} // namespace tacit::cli

static tacit::cli::BenchVerbRegistrar reg({QStringLiteral("series"),
                                           QStringLiteral("Sensor CSV load speed and plot window-query cost"),
                                           &tacit::cli::runBenchSeries});
