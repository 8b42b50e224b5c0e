// Disk full (issue #14): samples, new projects, datasets and consent reports leave nothing behind on a
// full disk, say "disk full" once naming the file, and a retry works. The full disk is injected with
// DiskFullPreload (writes under one folder fail with ENOSPC after N bytes); as root the sample is also
// written to a real 256 KiB tmpfs in a private mount namespace.
#include <unistd.h>

#include "RobustCli.h"

using namespace tacit;
using namespace tacit::testing;

class DiskFullCliTest : public QObject {
  Q_OBJECT
  ExportFixture f;
  QString project() const { return QString::fromStdString(f.projectPath.string()); }
  QString full;

  QProcessEnvironment fullDisk(qint64 bytesBeforeFull) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LD_PRELOAD", QStringLiteral(TACIT_ENOSPC_PRELOAD));
    env.insert("TACIT_ENOSPC_DIR", full);
    env.insert("TACIT_ENOSPC_AFTER", QString::number(bytesBeforeFull));
    env.insert("ASAN_OPTIONS", "verify_asan_link_order=0"); // the sanitizer build preloads too
    return env;
  }
  void expectDiskFull(const CliRun &r, const QString &file) {
    QCOMPARE(r.code, 1);
    QCOMPARE(countLines(r.err, "disk full"), 1);
    QVERIFY2(r.err.contains(file), qPrintable(r.err)); // names the file (or the folder it is in)
    QVERIFY2(!r.err.contains("HDF5-DIAG"), qPrintable(r.err));
    // Nothing left behind: no partial file, no staging folder, no temp file.
    const QStringList left = QDir(full).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
  }

  void sampleOnARealSmallTmpfs() {
    const QString mnt = f.dir.path() + "/tmpfs";
    QVERIFY(QDir().mkpath(mnt));
    const QString script =
        QStringLiteral("mount -t tmpfs -o size=256k tacit-test '%1' || exit 97; '%2' sample '%1/s' --duration 3 "
                       "--size 512x512; rc=$?; ls -A '%1'; exit $rc")
            .arg(mnt, QStringLiteral(TACIT_CLI_PATH));
    QProcess p;
    p.start("unshare", {"-m", "sh", "-c", script});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput()), err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitCode() == 97)
      QFAIL(qPrintable("cannot mount a tmpfs as root: " + err));
    QCOMPARE(p.exitCode(), 1);
    QCOMPARE(countLines(err, "disk full"), 1);
    QVERIFY2(out.trimmed().isEmpty(), qPrintable("left on the full disk: " + out));
  }

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    f.store.reset();
    full = f.dir.path() + "/full";
    QVERIFY(QDir().mkpath(full));
  }

  void sampleLeavesNothing() {
    const QString out = full + "/s";
    expectDiskFull(runCli({"sample", out, "--duration", "2", "--size", "256x192"}, fullDisk(200000)), full);
    QCOMPARE(runCli({"sample", out, "--duration", "1", "--size", "256x192"}).code, 0); // the retry works
    QVERIFY(QDir(out).removeRecursively());
    if (::geteuid() == 0) // mounting needs root; the injected failure above runs everywhere
      sampleOnARealSmallTmpfs();
  }

  void projectCreateLeavesNothingAndTheRetryWorks() {
    const QString p = full + "/new.tacit";
    for (qint64 after : {0, 4096, 40000}) {
      expectDiskFull(runCli({"project", "create", p}, fullDisk(after)), p);
      QVERIFY(!QFileInfo::exists(p));
    }
    const CliRun retry = runCli({"project", "create", p});
    QVERIFY2(retry.code == 0, qPrintable(retry.err)); // not "already exists"
    QCOMPARE(runCli({"project", "info", p}).code, 0);
    QVERIFY(QFile::remove(p));
    for (const char *side : {".lock", "-wal", "-shm"}) // a read-only open cannot remove its WAL files
      QFile::remove(p + side);
  }

  void datasetsLeaveNothing() {
    for (const char *format : {"robomimic-hdf5", "lerobot-v3", "lerobot-v2.1"}) {
      const QString out = full + "/ds";
      const CliRun r =
          runCli({"export", project(), "--format", format, "--out", out, "--size", "96x128"}, fullDisk(8000));
      expectDiskFull(r, out);
    }
  }

  void consentReportIsNeverTruncated() {
    const QString pdf = full + "/report.pdf";
    const QString worker = QString::fromStdString(f.recording.workerId);
    expectDiskFull(runCli({"consent", "report", project(), "--worker", worker, "--out", pdf}, fullDisk(2000)), pdf);
    QVERIFY(!QFileInfo::exists(pdf));
    QCOMPARE(runCli({"consent", "report", project(), "--worker", worker, "--out", pdf}).code, 0);
    QVERIFY(fileBytes(pdf).startsWith("%PDF"));
    QVERIFY(QFile::remove(pdf));
  }
};

QTEST_GUILESS_MAIN(DiskFullCliTest)
#include "DiskFullCliTest.moc"
