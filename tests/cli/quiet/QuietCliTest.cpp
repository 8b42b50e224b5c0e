// tacit-cli keeps stderr for its own messages: normal commands print nothing there, even with
// XDG_RUNTIME_DIR unset (sudo, cron, CI), where Qt warns "QStandardPaths: XDG_RUNTIME_DIR not set".
// Qt's chatter still reaches the log file and, with --verbose, stderr.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
  int code = -1;
  QString out, err;
};

// The worker id `tacit-cli sample` writes with its default seed (sample/recording.json).
const QString kWorker = QStringLiteral("worker-beeb8da1");

class QuietCliTest : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_state; // XDG_STATE_HOME of the runs: the log file lands in m_state/tacit/tacit-cli.log

  Run cli(const QStringList &args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the CLI picks offscreen itself, as for a user
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_state);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(TACIT_CLI_PATH), args);
    if (!p.waitForFinished(120000))
      p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }

  QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_state = m_dir.filePath(QStringLiteral("state"));
    QVERIFY(QDir().mkpath(m_state));
  }

  void normalCommandsLeaveStderrEmpty_data() {
    QTest::addColumn<QStringList>("args");
    const QString rec = path("rec"), p = path("p.tacit");
    // In order: each row builds on the one before (one recording, one project).
    QTest::newRow("sample") << QStringList{"sample", rec, "--duration", "1", "--size", "256x192"};
    QTest::newRow("info") << QStringList{"info", rec};
    QTest::newRow("info --json") << QStringList{"info", rec, "--json"};
    QTest::newRow("index") << QStringList{"index", rec, "--json"};
    QTest::newRow("frame") << QStringList{"frame", rec, "--index", "3", "--out", path("f.png")};
    QTest::newRow("project create") << QStringList{"project", "create", p};
    QTest::newRow("project add") << QStringList{"project", "add", p, rec};
    QTest::newRow("project info") << QStringList{"project", "info", p};
    QTest::newRow("project check") << QStringList{"project", "check", p};
    QTest::newRow("review set") << QStringList{"review", "set", p, "--recording", "1", "--status", "approved"};
    QTest::newRow("consent grant") << QStringList{"consent", "grant", p,         "--recording",   "1",
                                                  "--by",    "Ada",   "--scope", "model_training"};
    // A QGuiApplication command (offscreen platform, PDF): where the XDG_RUNTIME_DIR warning came from.
    QTest::newRow("consent report") << QStringList{"consent", "report",          p, "--worker", kWorker,
                                                   "--out",   path("report.pdf")};
    QTest::newRow("labels export") << QStringList{"labels", "export", p, "--out", path("labels.json")};
    QTest::newRow("export --dry-run") << QStringList{"export",   p, "--format", "lerobot-v3", "--whole-recordings",
                                                     "--dry-run"};
  }

  void normalCommandsLeaveStderrEmpty() {
    QFETCH(QStringList, args);
    const Run r = cli(args);
    QVERIFY2(r.code == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
    QCOMPARE(r.err, QString());
  }

  void qtMessagesStillReachLogAndVerbose() {
    const QString p = path("p.tacit");
    QVERIFY(QFile::exists(p));
    const Run quiet = cli({"consent", "report", p, "--worker", kWorker, "--out", path("again.pdf")});
    QCOMPARE(quiet.code, 0);
    QCOMPARE(quiet.err, QString());
    QFile log(m_state + QStringLiteral("/tacit/tacit-cli.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("XDG_RUNTIME_DIR not set"));

    const Run verbose = cli({"--verbose", "consent", "report", p, "--worker", kWorker, "--out", path("v.pdf")});
    QCOMPARE(verbose.code, 0);
    QVERIFY2(verbose.err.contains(QStringLiteral("XDG_RUNTIME_DIR not set")), qPrintable(verbose.err));
  }

  void errorsStillReachStderr() {
    const Run r = cli({"info", path("no-such-folder")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("no-such-folder")));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line naming the file
  }
};

} // namespace

QTEST_GUILESS_MAIN(QuietCliTest)
#include "QuietCliTest.moc"
