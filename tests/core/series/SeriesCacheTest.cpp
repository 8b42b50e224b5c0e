// The series cache (core/series/SeriesCache): the first open parses the CSV and writes a binary,
// columnar entry; later opens map it and see the same samples, pyramid and warnings (with their line
// numbers); an edited CSV, a damaged entry or another kind gets a rebuild; a disabled cache writes
// nothing.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/series/SeriesCache.h"
#include "core/series/SeriesFile.h"

using namespace tacit;
using namespace tacit::series;
namespace fs = std::filesystem;

namespace {
const char *kImuHeader = "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n";

std::string imuRows(int n, int start = 0) {
  std::string out;
  for (int i = start; i < start + n; ++i)
    out += std::to_string(1000 + i * 1000) + "," + std::to_string(i * 0.5) + ",-9.81," + std::to_string(i % 7) +
           ",0.01,0.02," + std::to_string(-i * 0.25) + "\n";
  return out;
}

bool anyContains(const std::vector<std::string> &list, const std::string &needle) {
  for (const auto &s : list)
    if (s.find(needle) != std::string::npos)
      return true;
  return false;
}

std::size_t fileCount(const fs::path &dir) {
  std::error_code ec;
  std::size_t n = 0;
  for (const auto &e : fs::directory_iterator(dir, ec))
    n += e.is_regular_file() ? 1 : 0;
  return n;
}
} // namespace

class SeriesCacheTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

  fs::path write(const char *name, const std::string &content) {
    const fs::path path = m_dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  fs::path cacheDir(const char *name) const { return fs::path(m_dir.filePath(name).toStdString()); }

private slots:
  void secondOpenMapsTheSameSeries() {
    const fs::path csv = write("imu.csv", std::string(kImuHeader) + imuRows(1000));
    SeriesCache cache(cacheDir("cache-a"));
    bool fromCache = true;
    CsvLoadStats parsedStats;
    auto first = cache.imu(csv, &parsedStats, &fromCache);
    QVERIFY2(first.ok(), first.error().c_str());
    QVERIFY(!fromCache);
    QVERIFY(fs::exists(cache.entryPath(csv, "imu")));
    CsvLoadStats mappedStats;
    auto second = cache.imu(csv, &mappedStats, &fromCache);
    QVERIFY2(second.ok(), second.error().c_str());
    QVERIFY(fromCache);
    QVERIFY(second->series().isMapped());
    QCOMPARE(second->series().memoryBytes(), std::size_t(0)); // the pages belong to the page cache
    QCOMPARE(mappedStats.rows, parsedStats.rows);
    QCOMPARE(mappedStats.bytes, parsedStats.bytes);
    // Same samples and channel names, and the same min/max pyramid answers.
    auto reference = ImuSeries::load(csv.string());
    QVERIFY(reference.ok());
    const Series &a = reference->series(), &b = second->series();
    QCOMPARE(b.size(), a.size());
    QCOMPARE(b.channelNames(), a.channelNames());
    for (std::size_t i = 0; i < a.size(); i += 37) {
      QCOMPARE(b.timeAt(i), a.timeAt(i));
      for (std::size_t c = 0; c < a.channelCount(); ++c)
        QCOMPARE(b.value(c, i), a.value(c, i));
    }
    const TimeRange r{a.timeAt(13), a.timeAt(911)};
    const SeriesWindow wa = a.windowQuery(r, 40), wb = b.windowQuery(r, 40);
    QCOMPARE(wb.begin, wa.begin);
    QCOMPARE(wb.min, wa.min);
    QCOMPARE(wb.max, wa.max);
    // Interpolation through the wrapper works on mapped columns too.
    QCOMPARE(second->interpolateAt(1500).accel.x(), reference->interpolateAt(1500).accel.x());
  }

  void malformedRowWarningsSurviveTheCache() {
    std::string text = std::string(kImuHeader) + imuRows(20);
    text += "5x,1,2,3,4,5,6\n"; // line 22: a bad timestamp
    text += imuRows(5, 30);
    const fs::path csv = write("bad.csv", text);
    SeriesCache cache(cacheDir("cache-b"));
    bool fromCache = true;
    auto first = cache.imu(csv, nullptr, &fromCache);
    QVERIFY(first.ok());
    QVERIFY(!fromCache);
    QVERIFY2(anyContains(first.warnings(), "line 22"), first.warnings().empty() ? "none" : first.warnings()[0].c_str());
    CsvLoadStats stats;
    auto second = cache.imu(csv, &stats, &fromCache);
    QVERIFY(second.ok());
    QVERIFY(fromCache);
    QCOMPARE(second.warnings(), first.warnings());
    QCOMPARE(stats.skippedRows, std::size_t(1));
    QCOMPARE(second->size(), std::size_t(25));
  }

  void editedCsvIsRebuilt() {
    const fs::path csv = write("edit.csv", std::string(kImuHeader) + imuRows(100));
    SeriesCache cache(cacheDir("cache-c"));
    bool fromCache = false;
    QVERIFY(cache.imu(csv).ok());
    const fs::path before = cache.entryPath(csv, "imu");
    // Same size, same modification time, different content: the head/tail hash tells them apart.
    const auto mtime = fs::last_write_time(csv);
    std::string text = std::string(kImuHeader) + imuRows(100);
    const auto at = text.find("-9.81");
    text.replace(at, 5, "-9.00");
    std::ofstream(csv, std::ios::binary) << text;
    fs::last_write_time(csv, mtime);
    QVERIFY(cache.entryPath(csv, "imu") != before);
    auto again = cache.imu(csv, nullptr, &fromCache);
    QVERIFY(again.ok());
    QVERIFY(!fromCache);
    QCOMPARE(again->sampleAt(0).accel.y(), -9.0f);
  }

  void damagedEntryIsRebuilt() {
    const fs::path csv = write("damaged.csv", std::string(kImuHeader) + imuRows(300));
    SeriesCache cache(cacheDir("cache-d"));
    QVERIFY(cache.imu(csv).ok());
    const fs::path entry = cache.entryPath(csv, "imu");
    fs::resize_file(entry, fs::file_size(entry) / 2); // a torn write
    QVERIFY(!mapSeriesFile<float>(entry).ok());
    bool fromCache = true;
    auto r = cache.imu(csv, nullptr, &fromCache);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(!fromCache);
    QCOMPARE(r->size(), std::size_t(300));
    QVERIFY(mapSeriesFile<float>(entry).ok()); // written again
    // Garbage is not a cache file either.
    std::ofstream(entry, std::ios::binary | std::ios::trunc) << std::string(4096, 'x');
    QVERIFY(!mapSeriesFile<float>(entry).ok());
    QVERIFY(cache.imu(csv, nullptr, &fromCache).ok());
    QVERIFY(!fromCache);
  }

  void kindsAndValueTypesAreKeptApart() {
    const fs::path csv = write("kind.csv", std::string(kImuHeader) + imuRows(50));
    SeriesCache cache(cacheDir("cache-e"));
    QVERIFY(cache.entryPath(csv, "imu") != cache.entryPath(csv, "gaze"));
    QVERIFY(cache.imu(csv).ok());
    // A float entry read as double is refused, not misread.
    QVERIFY(!mapSeriesFile<double>(cache.entryPath(csv, "imu")).ok());
  }

  void disabledCacheWritesNothing() {
    const fs::path csv = write("off.csv", std::string(kImuHeader) + imuRows(10));
    const SeriesCache cache = SeriesCache::disabled();
    bool fromCache = true;
    auto r = cache.imu(csv, nullptr, &fromCache);
    QVERIFY(r.ok());
    QVERIFY(!fromCache);
    QVERIFY(!r->series().isMapped());
  }

  void unwritableCacheFolderOnlyCostsAParse() {
    const fs::path csv = write("ro.csv", std::string(kImuHeader) + imuRows(10));
    const fs::path blocker = write("not-a-folder", "x"); // a file where the cache folder should be
    SeriesCache cache(blocker / "series");
    bool fromCache = true;
    auto r = cache.imu(csv, nullptr, &fromCache);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(!fromCache);
    QCOMPARE(r->size(), std::size_t(10));
  }

  void copiesOfAMappedSeriesStayValid() {
    const fs::path csv = write("copy.csv", std::string(kImuHeader) + imuRows(64));
    SeriesCache cache(cacheDir("cache-f"));
    QVERIFY(cache.imu(csv).ok());
    Series copy;
    {
      auto mapped = cache.imu(csv);
      QVERIFY(mapped.ok());
      copy = mapped->series(); // shares the mapping, which outlives `mapped`
    }
    QCOMPARE(copy.size(), std::size_t(64));
    QCOMPARE(copy.timeAt(63), Timestamp(64000));
    // Writing to a copy detaches it from the mapping (copy-on-write), the data stays the same.
    copy.addChannel("extra", std::vector<float>(64, 1.0f));
    QVERIFY(!copy.isMapped());
    QCOMPARE(copy.value(0, 10), 5.0f);
    QCOMPARE(copy.value(6, 10), 1.0f);
    QVERIFY(fileCount(cacheDir("cache-f")) == 1);
  }

  void everySeriesKindRoundTrips() {
    // Hands, trajectory and gaze keep their layouts through the cache.
    const fs::path dir = cacheDir("cache-g");
    SeriesCache cache(dir);
    std::string gaze = "tracking_timestamp_us,yaw_rads_cpf,pitch_rads_cpf,depth_m,yaw_low_rads_cpf,pitch_low_rads_cpf,"
                       "yaw_high_rads_cpf,pitch_high_rads_cpf,session_uid\n";
    for (int i = 0; i < 40; ++i)
      gaze += std::to_string(i * 1000) + ",0.1,0.2,1.5,0.0,0.1,0.2,0.3,s\n";
    const fs::path g = write("gaze.csv", gaze);
    auto parsed = GazeSeries::load(g.string());
    QVERIFY2(parsed.ok(), parsed.error().c_str());
    QVERIFY(cache.gaze(g).ok());
    bool fromCache = false;
    auto mapped = cache.gaze(g, nullptr, &fromCache);
    QVERIFY(mapped.ok());
    QVERIFY(fromCache);
    QCOMPARE(mapped->layout(), parsed->layout());
    QCOMPARE(mapped->sampleAt(5).depth, parsed->sampleAt(5).depth);
  }
};

QTEST_GUILESS_MAIN(SeriesCacheTest)
#include "SeriesCacheTest.moc"
