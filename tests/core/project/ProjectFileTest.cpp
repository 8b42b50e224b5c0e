// The project file before ProjectStore trusts it (issue #14): an empty, foreign or damaged file is
// refused without a byte written; a file with a second hard link is never opened for writing; the
// lock follows symlinks; `create` is atomic, so a failure leaves nothing and a retry works.
#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <unistd.h>

#include "ProjectTestUtil.h"
#include "core/project/ProjectFile.h"
#include "core/project/ProjectStore.h"

using namespace tacit;
using namespace tacit::project;
namespace fs = std::filesystem;

namespace {
std::string bytesOf(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
} // namespace

class ProjectFileTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir;
  fs::path at(const char *name) const { return testutil::path(dir, name); }

private slots:
  void emptyAndForeignFilesAreRefusedUntouched() {
    std::ofstream(at("empty.tacit")).close();
    std::ofstream(at("text.tacit")) << "hello";
    for (const char *name : {"empty.tacit", "text.tacit"}) {
      const std::string before = bytesOf(at(name));
      for (bool readOnly : {true, false}) {
        ProjectOpenOptions o;
        o.readOnly = readOnly;
        auto s = ProjectStore::open(at(name), o);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().find("not a Tacit project") != std::string::npos, s.error().c_str());
      }
      QCOMPARE(bytesOf(at(name)), before);
      QVERIFY(!fs::exists(at(name).string() + "-wal"));
    }
    QVERIFY(!ProjectStore::open(dir.path().toStdString()).ok()); // a folder
  }

  void readOnlyOpenWritesNothing() {
    {
      auto s = ProjectStore::create(at("ro.tacit"));
      QVERIFY(s.ok());
    }
    const std::string before = bytesOf(at("ro.tacit"));
    ProjectOpenOptions o;
    o.readOnly = true;
    auto s = ProjectStore::open(at("ro.tacit"), o);
    QVERIFY2(s.ok(), s.error().c_str());
    QVERIFY((*s)->isReadOnly());
    QVERIFY((*s)->recordings().ok());
    QVERIFY(!(*s)->appendAudit("x", "y").ok());
    s = Result<std::unique_ptr<ProjectStore>>::failure("closed");
    QCOMPARE(bytesOf(at("ro.tacit")), before);
  }

  void hardLinkedFileIsNeverWritten() {
    {
      auto s = ProjectStore::create(at("one.tacit"));
      QVERIFY(s.ok());
    }
    QCOMPARE(::link(at("one.tacit").c_str(), at("two.tacit").c_str()), 0);
    for (const char *name : {"one.tacit", "two.tacit"}) {
      auto s = ProjectStore::open(at(name));
      QVERIFY(s.ok());
      QVERIFY((*s)->isReadOnly());
      QVERIFY((*s)->readOnlyReason().find("hard links") != std::string::npos);
      QCOMPARE(s.warnings().size(), std::size_t(1));
    }
    fs::remove(at("two.tacit"));
    auto s = ProjectStore::open(at("one.tacit"));
    QVERIFY(s.ok() && !(*s)->isReadOnly());
  }

  void symlinkSharesTheLock() {
    {
      auto s = ProjectStore::create(at("target.tacit"));
      QVERIFY(s.ok());
    }
    fs::create_symlink(at("target.tacit"), at("alias.tacit"));
    auto first = ProjectStore::open(at("target.tacit"));
    QVERIFY(first.ok() && !(*first)->isReadOnly());
    auto second = ProjectStore::open(at("alias.tacit"));
    QVERIFY(second.ok());
    QVERIFY((*second)->isReadOnly()); // the same file: the second writer waits its turn
    QCOMPARE(ProjectLock::lockPathFor(at("alias.tacit")), ProjectLock::lockPathFor(at("target.tacit")));
  }

  void createIsAtomic() {
    // A project that already exists is never replaced, and nothing temporary stays behind.
    QVERIFY(createProjectFile(at("made.tacit"), "me").ok());
    const std::string before = bytesOf(at("made.tacit"));
    const Status again = createProjectFile(at("made.tacit"), "me");
    QVERIFY(!again.ok());
    QVERIFY(again.error().find("already exists") != std::string::npos);
    QCOMPARE(bytesOf(at("made.tacit")), before);
    for (const auto &e : fs::directory_iterator(dir.path().toStdString()))
      QVERIFY2(e.path().filename().string().find(".creating-") == std::string::npos, e.path().c_str());
    auto s = ProjectStore::open(at("made.tacit"));
    QVERIFY2(s.ok(), s.error().c_str());
    QVERIFY((*s)->schemaVersion() > 0);
    // A folder that cannot be written: one message, nothing created.
    QVERIFY(!createProjectFile(at("missing-folder") / "p.tacit", "me").ok());
  }
};

QTEST_APPLESS_MAIN(ProjectFileTest)
#include "ProjectFileTest.moc"
