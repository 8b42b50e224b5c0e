// tacit-cli project / labels / review end to end: exit codes, messages, JSON, lock behaviour.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  QString out, err;
};

Run cli(const QStringList &args) {
  QProcess p;
  p.start(QStringLiteral(TACIT_CLI_PATH), args);
  p.waitForFinished(30000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

void writeRecording(const QString &folder, const QString &uuid, const QString &worker) {
  QDir().mkpath(folder);
  QFile j(folder + "/recording.json");
  QVERIFY(j.open(QIODevice::WriteOnly));
  QJsonObject stream{{"id", "imu"}, {"kind", "imu"}, {"path", "imu.csv"}};
  QJsonObject root{{"format", "tacit-recording"},
                   {"version", 1},
                   {"id", uuid},
                   {"worker", QJsonObject{{"id", worker}, {"name", "W"}}},
                   {"task", "pick"},
                   {"streams", QJsonArray{stream}}};
  j.write(QJsonDocument(root).toJson());
  QFile imu(folder + "/imu.csv");
  QVERIFY(imu.open(QIODevice::WriteOnly));
  imu.write("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n");
}

QString readAll(const QString &path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return QString::fromUtf8(f.readAll());
}

} // namespace

class ProjectCliTest : public QObject {
  Q_OBJECT
private slots:
  void createAddInfoCheckRelink() {
    QTemporaryDir dir;
    const QString p = dir.filePath("p.tacit");
    writeRecording(dir.filePath("a"), "uuid-a", "ann");
    writeRecording(dir.filePath("b"), "uuid-b", "bob");
    QCOMPARE(cli({"project", "create", p}).code, 0);
    QCOMPARE(cli({"project", "create", p}).code, 1); // exists
    auto add = cli({"project", "add", p, dir.filePath("a"), dir.filePath("b")});
    QCOMPARE(add.code, 0);
    QVERIFY(add.out.contains("uuid-b"));
    QCOMPARE(cli({"project", "add", p, dir.filePath("nothing-here")}).code, 1);
    auto info = cli({"project", "info", p, "--json"});
    QCOMPARE(info.code, 0);
    const auto recs = QJsonDocument::fromJson(info.out.toUtf8()).object()["recordings"].toArray();
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[0].toObject()["uuid"].toString(), QStringLiteral("uuid-a"));
    QCOMPARE(recs[0].toObject()["status"].toString(), QStringLiteral("unreviewed"));
    QCOMPARE(recs[0].toObject()["segments"].toInt(), 0);
    QCOMPARE(recs[1].toObject()["media"].toString(), QStringLiteral("ok"));
    QCOMPARE(cli({"project", "check", p}).code, 0);
    fs::rename(dir.filePath("b").toStdString(), dir.filePath("b-moved").toStdString());
    auto broken = cli({"project", "check", p});
    QCOMPARE(broken.code, 1);
    QVERIFY2(broken.err.contains("uuid-b") && broken.err.contains("missing"), qPrintable(broken.err));
    QCOMPARE(cli({"project", "relink", p, "--recording", "uuid-b", dir.filePath("a")}).code, 1); // wrong folder
    auto relink = cli({"project", "relink", p, dir.path()});
    QCOMPARE(relink.code, 0);
    QVERIFY(relink.out.contains("b-moved"));
    QCOMPARE(cli({"project", "check", p}).code, 0);
    QCOMPARE(cli({"project", "frobnicate", p}).code, 2);
    // A damaged file is reported, not crashed on.
    QFile garbage(dir.filePath("g.tacit"));
    garbage.open(QIODevice::WriteOnly);
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    auto bad = cli({"project", "check", dir.filePath("g.tacit")});
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains("g.tacit"));
  }

  void reviewSet() {
    QTemporaryDir dir;
    const QString p = dir.filePath("p.tacit");
    writeRecording(dir.filePath("a"), "uuid-a", "ann");
    cli({"project", "create", p});
    cli({"project", "add", p, dir.filePath("a")});
    QCOMPARE(cli({"review", "set", p, "--recording", "1", "--status", "approved"}).code, 0);
    QCOMPARE(cli({"review", "set", p, "--recording", "1", "--status", "rejected"}).code, 2); // needs --reason
    QCOMPARE(cli({"review", "set", p, "--recording", "1", "--status", "done"}).code, 2);
    QCOMPARE(cli({"review", "set", p, "--recording", "7", "--status", "approved"}).code, 1);
    QCOMPARE(cli({"review", "set", p, "--recording", "uuid-a", "--status", "rejected", "--reason", "dark"}).code, 0);
    auto info = cli({"project", "info", p, "--json"});
    QCOMPARE(
        QJsonDocument::fromJson(info.out.toUtf8()).object()["recordings"].toArray()[0].toObject()["status"].toString(),
        QStringLiteral("rejected"));
    auto history = cli({"review", "history", p, "--recording", "1", "--json"});
    QCOMPARE(QJsonDocument::fromJson(history.out.toUtf8()).array().size(), 2);
  }

  void setRecordingMetadata() {
    QTemporaryDir dir;
    const QString p = dir.filePath("p.tacit");
    writeRecording(dir.filePath("v"), "uuid-v", "");
    cli({"project", "create", p});
    cli({"project", "add", p, dir.filePath("v")});
    // An imported plain video has no worker; `project set` gives it one (the project only).
    auto set = cli({"project", "set", p, "--recording", "uuid-v", "--worker", "ben", "--worker-name", "Ben", "--task",
                    "pour water", "--site", "lab 2", "--json"});
    QCOMPARE(set.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(set.out.toUtf8()).object();
    QCOMPARE(j["worker_id"].toString(), QStringLiteral("ben"));
    QCOMPARE(j["worker_name"].toString(), QStringLiteral("Ben"));
    QCOMPARE(j["task"].toString(), QStringLiteral("pour water"));
    QCOMPARE(j["site"].toString(), QStringLiteral("lab 2"));
    auto info = cli({"project", "info", p, "--json"});
    QVERIFY2(info.out.contains("ben"), qPrintable(info.out));
    QVERIFY(!readAll(dir.filePath("v/recording.json")).contains("ben")); // raw recordings are read-only
    // Another worker id drops the old name; text output names the recording.
    auto again = cli({"project", "set", p, "--recording", "1", "--worker", "cleo"});
    QCOMPARE(again.code, 0);
    QVERIFY2(again.out.contains("worker cleo,"), qPrintable(again.out));
    QCOMPARE(cli({"project", "set", p, "--recording", "1"}).code, 2);                  // nothing to set
    QCOMPARE(cli({"project", "set", p, "--worker", "x"}).code, 2);                     // no --recording
    QCOMPARE(cli({"project", "set", p, "--recording", "9", "--worker", "x"}).code, 1); // no such recording
    QCOMPARE(cli({"project", "set", dir.filePath("none.tacit"), "--recording", "1", "--worker", "x"}).code, 1);
  }

  void labelsExportImport() {
    QTemporaryDir dir;
    const QString p = dir.filePath("p.tacit"), q = dir.filePath("q.tacit");
    writeRecording(dir.filePath("a"), "uuid-a", "ann");
    for (const QString &proj : {p, q}) {
      cli({"project", "create", proj});
      cli({"project", "add", proj, dir.filePath("a")});
    }
    QCOMPARE(cli({"project", "stress", p, "--edits", "30", "--seed", "3"}).code, 0);
    cli({"review", "set", p, "--recording", "1", "--status", "in_review"});
    QCOMPARE(cli({"labels", "export", p, "--format", "json", "--out", dir.filePath("l.json")}).code, 0);
    auto imported = cli({"labels", "import", q, dir.filePath("l.json"), "--replace"});
    QCOMPARE(imported.code, 0);
    QVERIFY(imported.out.contains("segments"));
    QCOMPARE(cli({"labels", "export", q, "--out", dir.filePath("m.json")}).code, 0);
    QCOMPARE(readAll(dir.filePath("m.json")), readAll(dir.filePath("l.json")));
    auto csv = cli({"labels", "export", p, "--format", "csv"});
    QCOMPARE(csv.code, 0);
    QVERIFY(csv.out.startsWith("kind,recording,track,label,start_ns,end_ns,start_s,end_s,start_frame,end_frame"));
    QVERIFY(csv.out.contains("review,uuid-a,"));
    QFile bad(dir.filePath("bad.csv"));
    bad.open(QIODevice::WriteOnly);
    bad.write("kind,recording,track,start_ns,end_ns\nsegment,uuid-a,task,10,5\nsegment,uuid-x,task,1,2\n");
    bad.close();
    auto r = cli({"labels", "import", q, dir.filePath("bad.csv")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("bad.csv: line 2: end must be after start"), qPrintable(r.err));
    QVERIFY2(r.err.contains("bad.csv: line 3: recording \"uuid-x\""), qPrintable(r.err));
    cli({"labels", "export", q, "--out", dir.filePath("n.json")});
    QCOMPARE(readAll(dir.filePath("n.json")), readAll(dir.filePath("l.json"))); // unchanged
    QCOMPARE(cli({"labels", "export", p, "--format", "xml"}).code, 2);
    // Taxonomy round trip.
    QFile tax(dir.filePath("tax.json"));
    tax.open(QIODevice::WriteOnly);
    tax.write("{\"labels\":[{\"name\":\"assembly\",\"colour\":\"#ff0000\",\"key\":1,"
              "\"children\":[{\"name\":\"screw\"}]}]}");
    tax.close();
    QCOMPARE(cli({"labels", "taxonomy", "import", p, dir.filePath("tax.json")}).code, 0);
    auto out = cli({"labels", "taxonomy", "export", p});
    QVERIFY(out.out.contains("\"screw\""));
  }

  void secondWriterIsRefusedWhileReadersWork() {
    QTemporaryDir dir;
    const QString p = dir.filePath("p.tacit");
    writeRecording(dir.filePath("a"), "uuid-a", "ann");
    cli({"project", "create", p});
    cli({"project", "add", p, dir.filePath("a")});
    QProcess writer;
    writer.start(QStringLiteral(TACIT_CLI_PATH), {"project", "stress", p, "--edits", "1000000"});
    QVERIFY(writer.waitForReadyRead(10000)); // holds the lock and is committing
    auto second = cli({"review", "set", p, "--recording", "1", "--status", "approved"});
    QCOMPARE(second.code, 1);
    QVERIFY2(second.err.contains("another process") && second.err.contains("read-only"), qPrintable(second.err));
    auto info = cli({"project", "info", p, "--json"});
    QCOMPARE(info.code, 0);
    QVERIFY(
        QJsonDocument::fromJson(info.out.toUtf8()).object()["recordings"].toArray()[0].toObject()["segments"].toInt() >
        0);
    writer.kill();
    writer.waitForFinished();
    QCOMPARE(cli({"review", "set", p, "--recording", "1", "--status", "approved"}).code, 0);
    QCOMPARE(cli({"project", "check", p}).code, 0);
  }
};

QTEST_GUILESS_MAIN(ProjectCliTest)
#include "ProjectCliTest.moc"
