// Read-only and damaged projects (issue #14): commands that only read open the database read-only,
// a file that is not a healthy Tacit project (empty, foreign, flipped bytes) gets one clear line and
// is never written to, and `project info` works on a project on read-only media.
#include <sqlite3.h>
#include <unistd.h>

#include "RobustCli.h"

using namespace tacit;
using namespace tacit::testing;

class DamagedProjectCliTest : public QObject {
  Q_OBJECT
  ExportFixture f;
  QString project() const { return QString::fromStdString(f.projectPath.string()); }

  QString copyProject(const QString &name) {
    const QString path = f.dir.path() + "/" + name;
    QFile::remove(path);
    if (!QFile::copy(project(), path))
      return {};
    return path;
  }

  // Every read verb and the write verbs on `path`: exit 1, one line naming the file, bytes unchanged.
  void expectRefusedUntouched(const QString &path, const QString &problem) {
    const QByteArray before = fileBytes(path);
    const QStringList rec = {QString::fromStdString(f.recordingDir.string())};
    const QList<QStringList> commands = {
        {"project", "info", path},
        {"project", "check", path},
        {"labels", "export", path},
        {"consent", "status", path},
        {"export", path, "--format", "lerobot-v3", "--out", f.dir.path() + "/never", "--dry-run"},
        {"project", "add", path, rec.front()},
    };
    for (const auto &args : commands) {
      const CliRun r = runCli(args);
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains(path) && r.err.contains(problem), qPrintable(args.join(' ') + ": " + r.err));
      QCOMPARE(countLines(r.err, "tacit-cli"), 1);
      QCOMPARE(fileBytes(path), before);
    }
  }

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    f.store.reset();
  }

  void emptyFileIsNotRewritten() {
    const QString path = f.dir.path() + "/empty.tacit";
    QFile e(path);
    QVERIFY(e.open(QIODevice::WriteOnly));
    e.close();
    expectRefusedUntouched(path, "not a Tacit project (the file is empty)");
  }

  void foreignFilesAreNotRewritten() {
    const QString text = f.dir.path() + "/notes.tacit";
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("these are my notes, not a database\n");
    t.close();
    expectRefusedUntouched(text, "not an SQLite database");

    // Another application's SQLite database.
    const QString other = f.dir.path() + "/other.tacit";
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(other.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA user_version = 2;", nullptr, nullptr,
                          nullptr),
             SQLITE_OK);
    sqlite3_close(db);
    expectRefusedUntouched(other, "not a Tacit project");
  }

  void flippedBytesGiveOneClearMessage() {
    const QString path = copyProject("flipped.tacit");
    QVERIFY(!path.isEmpty());
    QFile fl(path);
    QVERIFY(fl.open(QIODevice::ReadWrite));
    QByteArray bytes = fl.readAll();
    QVERIFY(bytes.size() > 8192);
    // Page 2's b-tree header (type, free block, cell count, content start): a table's page, so every
    // check reads it. Bytes further in may be a page's unused gap, which no check can notice.
    for (qsizetype i = 4096; i < 4096 + 8; ++i)
      bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    fl.seek(0);
    fl.write(bytes);
    fl.close();
    expectRefusedUntouched(path, "project file is damaged");
  }

  void readOnlyProjectCanBeListed() {
    // A copy in a folder of its own, then made read-only: chmod for a normal user; root ignores file
    // modes, so there the folder is bind-mounted read-only in a private mount namespace.
    const QString roDir = f.dir.path() + "/ro";
    QDir().mkpath(roDir);
    const QString path = roDir + "/p.tacit";
    QVERIFY(QFile::copy(project(), path));
    const QByteArray before = fileBytes(path);
    CliRun r;
    if (::geteuid() != 0) {
      QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
      QVERIFY(QFile::setPermissions(roDir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
      r = runCli({"project", "info", path, "--json"});
      QFile::setPermissions(roDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    } else {
      QProcess p;
      const QString script =
          QStringLiteral("mount --bind '%1' '%1' && mount -o remount,bind,ro '%1' && "
                         "touch '%1/probe' 2>/dev/null && exit 99; exec '%2' project info '%3' --json")
              .arg(roDir, QStringLiteral(TACIT_CLI_PATH), path);
      p.start("unshare", {"-m", "sh", "-c", script});
      QVERIFY(p.waitForFinished(60000));
      QVERIFY2(p.exitCode() != 99, "the read-only bind mount is writable");
      r = {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("\"recordings\""));
    QCOMPARE(fileBytes(path), before);
  }

  void readVerbsLeaveAHealthyProjectByteIdentical() {
    const QString path = copyProject("healthy.tacit");
    const QByteArray before = fileBytes(path);
    QCOMPARE(runCli({"project", "info", path}).code, 0);
    QCOMPARE(runCli({"labels", "export", path}).code, 0);
    QCOMPARE(fileBytes(path), before);
  }
};

QTEST_GUILESS_MAIN(DamagedProjectCliTest)
#include "DamagedProjectCliTest.moc"
