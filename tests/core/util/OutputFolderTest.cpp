// checkOutputFolder: the one rule for export, import and sample output folders, and StagingFolder.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "core/util/OutputFolder.h"
#include "core/util/StagingFolder.h"

using namespace tacit;
namespace fs = std::filesystem;

class OutputFolderTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir;
  fs::path root() const { return dir.path().toStdString(); }
  static void touch(const fs::path &p) { std::ofstream(p) << "x"; }

  OutputFolderRules rules(bool force = false) const {
    OutputFolderRules r;
    r.force = force;
    r.marker = "marker.json";
    r.isReplaceable = [](const fs::path &d) { return hasMarkerFile(d, "marker.json", "tacit"); };
    r.protect = {{root() / "rec", "recording r", true}, {root() / "project", "the project's folder", false}};
    return r;
  }

private slots:
  void initTestCase() {
    fs::create_directories(root() / "rec" / "sub");
    fs::create_directories(root() / "project");
    touch(root() / "rec" / "rgb.mp4");
  }

  void protectedFoldersAreRefused() {
    for (const fs::path &p : {root() / "rec", root() / "rec" / "sub", root() / "rec" / "new", root() / "project",
                              root(), fs::path("/"), fs::current_path(), fs::path(".")}) {
      const Status s = checkOutputFolder(p, rules(true));
      QVERIFY2(!s.ok(), p.c_str());
      QVERIFY(s.error().find("refusing") != std::string::npos);
    }
    // Inside the project's folder (not a recording) is where exports usually go.
    QVERIFY(checkOutputFolder(root() / "project" / "export", rules()).ok());
    QVERIFY(checkOutputFolder(root() / "elsewhere", rules()).ok());
  }

  void symlinksAreResolved() {
    fs::create_directory_symlink(root() / "rec", root() / "alias");
    QVERIFY(!checkOutputFolder(root() / "alias", rules(true)).ok());
    QVERIFY(!checkOutputFolder(root() / "alias" / "x", rules(true)).ok());
  }

  void forceReplacesOnlyAMarkedFolder() {
    const fs::path other = root() / "other", earlier = root() / "earlier";
    fs::create_directories(other);
    touch(other / "data.txt");
    fs::create_directories(earlier);
    std::ofstream(earlier / "marker.json") << R"({"tool": "tacit"})";
    QVERIFY(!checkOutputFolder(other, rules(false)).ok());
    const Status forced = checkOutputFolder(other, rules(true));
    QVERIFY(!forced.ok());
    QVERIFY(forced.error().find("left alone") != std::string::npos);
    QVERIFY(!checkOutputFolder(earlier, rules(false)).ok());
    QVERIFY(checkOutputFolder(earlier, rules(true)).ok());
    QVERIFY(!checkOutputFolder(root() / "rec" / "rgb.mp4", rules(true)).ok()); // a file
  }

  void stagingIsAtomic() {
    const fs::path dest = root() / "staged";
    {
      auto s = StagingFolder::create(dest, rules());
      QVERIFY(s.ok());
      touch(s->path() / "a");
      QVERIFY(!fs::exists(dest));
    } // not committed: nothing left
    QVERIFY(!fs::exists(dest));
    for (const auto &e : fs::directory_iterator(root()))
      QVERIFY2(e.path().filename().string().rfind(".staged", 0) != 0, e.path().c_str());
    auto s = StagingFolder::create(dest, rules());
    QVERIFY(s.ok());
    touch(s->path() / "a");
    QVERIFY(s->commit().ok());
    QVERIFY(fs::exists(dest / "a"));
  }
};

QTEST_APPLESS_MAIN(OutputFolderTest)
#include "OutputFolderTest.moc"
