// ensureSample generates once, reuses a complete sample, and replaces a stale or partial one.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/sample/BundledSample.h"

using namespace tacit::sample;
namespace fs = std::filesystem;

class BundledSampleTest : public QObject {
  Q_OBJECT
private slots:
  void bundledPathFollowsXdgCacheHome() {
    QTemporaryDir dir;
    qputenv("XDG_CACHE_HOME", dir.path().toUtf8());
    QCOMPARE(bundledSamplePath(), fs::path(dir.path().toStdString()) / "tacit" / "sample");
    qunsetenv("XDG_CACHE_HOME");
    qputenv("HOME", dir.path().toUtf8());
    QCOMPARE(bundledSamplePath(), fs::path(dir.path().toStdString()) / ".cache" / "tacit" / "sample");
  }

  void generatesOnceThenReuses() {
    QTemporaryDir dir;
    const fs::path target = fs::path(dir.path().toStdString()) / "cache" / "sample";
    SampleOptions o;
    o.durationSec = 1;
    o.width = 256;
    o.height = 256;
    int calls = 0;
    auto first = ensureSample(target, o, [&](double) { return ++calls > 0; });
    QVERIFY2(first.ok(), first.error().c_str());
    QCOMPARE(*first, target);
    QVERIFY(calls > 0);
    QVERIFY(fs::exists(target / "recording.json") && fs::exists(target / "rgb.mp4"));
    const auto stamp = fs::last_write_time(target / "rgb.mp4");

    calls = 0;
    auto again = ensureSample(target, o, [&](double) { return ++calls > 0; });
    QVERIFY(again.ok());
    QCOMPARE(calls, 0); // nothing regenerated
    QCOMPARE(fs::last_write_time(target / "rgb.mp4"), stamp);

    // Different options or a folder without recording.json (interrupted) -> regenerated.
    o.seed = 2;
    QVERIFY(ensureSample(target, o).ok());
    fs::remove(target / "recording.json");
    QVERIFY(ensureSample(target, o).ok());
    QVERIFY(fs::exists(target / "recording.json"));
    // No temporary folders left behind.
    int entries = 0;
    for (const auto &e : fs::directory_iterator(target.parent_path())) {
      (void)e;
      ++entries;
    }
    QCOMPARE(entries, 1);
  }

  void cancelledGenerationLeavesNothing() {
    QTemporaryDir dir;
    const fs::path target = fs::path(dir.path().toStdString()) / "sample";
    SampleOptions o;
    o.durationSec = 1;
    o.width = 256;
    o.height = 256;
    auto r = ensureSample(target, o, [](double f) { return f < 0.3; });
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error()).contains("cancelled"));
    QVERIFY(!fs::exists(target));
    QVERIFY(fs::is_empty(dir.path().toStdString()));
  }
};

QTEST_GUILESS_MAIN(BundledSampleTest)
#include "BundledSampleTest.moc"
