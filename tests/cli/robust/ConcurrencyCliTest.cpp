// Concurrency (issue #14): every export is recorded in the project, also when two run at once or
// another process holds the project while it finishes; the project lock belongs to the file, not to
// the path: a hard-linked second name is refused for writing and a symlink shares the lock, so
// concurrent imports through several names lose no committed flag.
#include <fstream>
#include <set>
#include <unistd.h>

#include "RobustCli.h"

using namespace tacit;
using namespace tacit::testing;
using nlohmann::json;

namespace {
QProcess *startCli(const QStringList &args, QObject *parent) {
  auto *p = new QProcess(parent);
  p->start(QStringLiteral(TACIT_CLI_PATH), args);
  return p;
}
int finish(QProcess *p) {
  p->waitForFinished(180000);
  return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
}
} // namespace

class ConcurrencyCliTest : public QObject {
  Q_OBJECT
  ExportFixture f;
  QString project() const { return QString::fromStdString(f.projectPath.string()); }

  std::vector<project::ExportRecord> exports() {
    project::ProjectOpenOptions o;
    o.readOnly = true;
    auto s = project::ProjectStore::open(f.projectPath, o);
    return s ? *(*s)->exports() : std::vector<project::ExportRecord>{};
  }
  std::size_t flagCount() {
    project::ProjectOpenOptions o;
    o.readOnly = true;
    auto s = project::ProjectStore::open(f.projectPath, o);
    return s ? (*s)->allFlags()->size() : 0;
  }
  // A labels file adding n whole-span flags to the recording, all inside its video.
  QString flagsFile(const QString &name, int n, int seed) {
    json flags = json::array();
    for (int i = 0; i < n; ++i) {
      const Timestamp start = f.videoStart + (seed * n + i) * 1000;
      flags.push_back({{"reason", "hand_occluded"}, {"severity", 1}, {"start_ns", start}, {"end_ns", start + 500}});
    }
    const json doc = {{"format", "tacit-labels"},
                      {"version", 1},
                      {"recordings", json::array({{{"id", f.recording.uuid}, {"flags", flags}}})}};
    const QString path = f.dir.path() + "/" + name;
    std::ofstream(path.toStdString()) << doc.dump();
    return path;
  }

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    f.store.reset();
  }

  void twoExportsAtOnceAreBothRecorded() {
    const std::size_t before = exports().size();
    const QString a = f.dir.path() + "/ds-a", b = f.dir.path() + "/ds-b";
    QProcess *pa = startCli({"export", project(), "--format", "lerobot-v3", "--out", a, "--size", "96x128"}, this);
    QProcess *pb = startCli({"export", project(), "--format", "robomimic-hdf5", "--out", b, "--size", "96x128"}, this);
    QCOMPARE(finish(pa), 0);
    QCOMPARE(finish(pb), 0);
    QVERIFY2(!pa->readAllStandardError().contains("not recorded"), "export a not recorded");
    QVERIFY2(!pb->readAllStandardError().contains("not recorded"), "export b not recorded");
    const auto all = exports();
    QCOMPARE(all.size(), before + 2);
    std::set<std::string> destinations;
    for (const auto &e : all)
      destinations.insert(e.destination);
    QVERIFY(destinations.count(QDir(a).absolutePath().toStdString()));
    QVERIFY(destinations.count(QDir(b).absolutePath().toStdString()));
  }

  void exportWaitsForTheProjectToBeFree() {
    const std::size_t before = exports().size();
    const QString out = f.dir.path() + "/ds-wait";
    auto held = project::ProjectStore::open(f.projectPath); // this process holds the project
    QVERIFY(held && !(*held)->isReadOnly());
    QProcess *p = startCli({"export", project(), "--format", "lerobot-v3", "--out", out, "--size", "96x128"}, this);
    // The dataset is in place before the export records itself; only then let go of the project.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out + "/tacit_export.json"), 120000);
    QCOMPARE(p->state(), QProcess::Running); // still waiting for the lock
    held.value().reset();
    QCOMPARE(finish(p), 0);
    QCOMPARE(exports().size(), before + 1);
  }

  // Two names for one file defeat the per-name lock, so a project with a second hard link is opened
  // read-only through either name: writes are refused with the reason, nothing is lost, reads work.
  void hardLinkedSecondNameIsRefusedAndNothingIsLost() {
    const QString linked = f.dir.path() + "/hardlink.tacit";
    QVERIFY(::link(f.projectPath.c_str(), linked.toUtf8().constData()) == 0);
    const std::size_t before = flagCount();
    constexpr int kFlags = 400;
    std::vector<QProcess *> runs;
    for (int i = 0; i < 4; ++i)
      runs.push_back(startCli(
          {"labels", "import", i % 2 ? linked : project(), flagsFile(QString("f%1.json").arg(i), kFlags, i)}, this));
    for (QProcess *run : runs) {
      const int code = finish(run);
      const QString err = QString::fromUtf8(run->readAllStandardError());
      QCOMPARE(code, 1);
      QVERIFY2(err.contains("hard link"), qPrintable(err));
    }
    QCOMPARE(flagCount(), before); // nothing half-written
    QCOMPARE(runCli({"project", "info", linked}).code, 0);
    QCOMPARE(runCli({"project", "info", project()}).code, 0);
    QVERIFY(QFile::remove(linked));
    // With the second name gone, writes work again.
    QCOMPARE(runCli({"labels", "import", project(), flagsFile("after.json", 10, 9)}).code, 0);
    QCOMPARE(flagCount(), before + 10);
  }

  void symlinkSharesTheLock() {
    const QString link = f.dir.path() + "/symlink.tacit";
    QVERIFY(QFile::link(project(), link));
    const std::size_t before = flagCount();
    {
      auto held = project::ProjectStore::open(f.projectPath);
      QVERIFY(held && !(*held)->isReadOnly());
      const CliRun r = runCli({"labels", "import", link, flagsFile("s.json", 10, 50)});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains("read-only"), qPrintable(r.err));
    }
    QCOMPARE(flagCount(), before);
    QCOMPARE(runCli({"labels", "import", link, flagsFile("s.json", 10, 50)}).code, 0);
    QCOMPARE(flagCount(), before + 10);
  }
};

QTEST_GUILESS_MAIN(ConcurrencyCliTest)
#include "ConcurrencyCliTest.moc"
