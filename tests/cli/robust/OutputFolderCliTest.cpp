// Output folders that can't eat inputs (issue #14): export, import and sample refuse an --out that is,
// contains or is inside a recording, the project's folder, the current folder, home or `/`, and
// --force only replaces a folder an earlier Tacit export wrote. Refused folders stay byte-identical.
#include "RobustCli.h"

using namespace tacit;
using namespace tacit::testing;

class OutputFolderCliTest : public QObject {
  Q_OBJECT
  ExportFixture f;
  QString project() const { return QString::fromStdString(f.projectPath.string()); }
  QString rec() const { return QString::fromStdString(f.recordingDir.string()); }
  QString dir() const { return f.dir.path(); }

  void expectRefused(const QStringList &args, const QString &guarded, const QString &cwd = {}) {
    const auto before = treeHashes(guarded);
    QVERIFY(!before.empty());
    const CliRun r = runCli(args, QProcessEnvironment::systemEnvironment(), cwd);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("refusing to write") || r.err.contains("left alone"), qPrintable(r.err));
    QCOMPARE(countLines(r.err, "tacit-cli"), 1); // one line
    QVERIFY(treeHashes(guarded) == before);
  }

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    f.store.reset(); // the CLI opens the project itself
  }

  void exportOntoTheRecordingIsRefused() {
    expectRefused({"export", project(), "--format", "robomimic-hdf5", "--out", rec(), "--force", "--whole-recordings",
                   "--size", "96x128"},
                  rec());
    // Inside the recording, too (it would write next to the raw media).
    expectRefused({"export", project(), "--format", "lerobot-v3", "--out", rec() + "/sub", "--force"}, rec());
  }

  void exportOntoTheProjectFolderIsRefused() {
    expectRefused({"export", project(), "--format", "robomimic-hdf5", "--out", dir(), "--force", "--size", "96x128"},
                  dir());
    // An ancestor of the project folder contains it: refused as well.
    expectRefused({"export", project(), "--format", "robomimic-hdf5", "--out", dir() + "/..", "--force"}, dir());
  }

  void exportOntoTheCurrentFolderIsRefused() {
    // `--out . --force` used to abort with an uncaught std::filesystem::filesystem_error.
    QDir(dir()).mkpath("work");
    QFile note(dir() + "/work/notes.txt");
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("keep me");
    note.close();
    expectRefused({"export", project(), "--format", "robomimic-hdf5", "--out", ".", "--force"}, dir() + "/work",
                  dir() + "/work");
    // A dry run applies the same rule.
    expectRefused({"export", project(), "--format", "robomimic-hdf5", "--out", ".", "--dry-run"}, dir() + "/work",
                  dir() + "/work");
  }

  void forceReplacesOnlyAnEarlierExport() {
    const QString other = dir() + "/not-an-export";
    QDir().mkpath(other);
    QFile f1(other + "/data.txt");
    QVERIFY(f1.open(QIODevice::WriteOnly));
    f1.write("precious");
    f1.close();
    expectRefused({"export", project(), "--format", "robomimic-hdf5", "--out", other, "--force", "--size", "96x128"},
                  other);

    const QString out = dir() + "/dataset";
    CliRun r = runCli({"export", project(), "--format", "robomimic-hdf5", "--out", out, "--size", "96x128"});
    QCOMPARE(r.code, 0);
    QVERIFY(QFileInfo::exists(out + "/tacit_export.json"));
    r = runCli({"export", project(), "--format", "lerobot-v2.1", "--out", out, "--size", "96x128", "--force"});
    QCOMPARE(r.code, 0);
    QVERIFY(QFileInfo::exists(out + "/meta/info.json"));
    QVERIFY(!QFileInfo::exists(out + "/data.hdf5"));
  }

  void sampleNeverWritesIntoAForeignFolder() {
    const QString cwd = dir() + "/cwd";
    QDir().mkpath(cwd);
    QFile keep(cwd + "/keep.txt");
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("x");
    keep.close();
    expectRefused({"sample", ".", "--duration", "1", "--size", "256x192"}, cwd, cwd);
    // A non-empty folder that is not an earlier sample is left alone.
    expectRefused({"sample", cwd, "--duration", "1", "--size", "256x192"}, cwd);
    // An earlier sample is refreshed in place.
    const QString s = dir() + "/s";
    QCOMPARE(runCli({"sample", s, "--duration", "1", "--size", "256x192"}).code, 0);
    QCOMPARE(runCli({"sample", s, "--duration", "1", "--size", "256x192", "--seed", "2"}).code, 0);
    QVERIFY(QFileInfo::exists(s + "/recording.json"));
    QVERIFY(QDir(dir()).entryList({".s.*"}, QDir::AllEntries | QDir::Hidden).isEmpty()); // no staging left
  }

  void importNeverWritesOverItsInput() {
    const auto before = treeHashes(rec());
    for (const QString &out : {rec(), rec() + "/rgb.mp4"}) {
      const CliRun r = runCli({"import", "video", rec() + "/rgb.mp4", "--out", out});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains("an input of the import"), qPrintable(r.err));
    }
    QVERIFY(treeHashes(rec()) == before);
  }
};

QTEST_GUILESS_MAIN(OutputFolderCliTest)
#include "OutputFolderCliTest.moc"
