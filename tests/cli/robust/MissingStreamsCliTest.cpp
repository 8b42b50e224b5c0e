// Missing or unusable streams are never silent (issue #14): an export of a recording whose imu.csv or
// hands.csv is deleted, header-only or full of NaN/inf warns on stderr, lists the problem per episode
// in the dry run and in tacit_export.json, and --require-streams makes it an error.
#include <fstream>

#include "RobustCli.h"

using namespace tacit;
using namespace tacit::testing;
using nlohmann::json;

class MissingStreamsCliTest : public QObject {
  Q_OBJECT
  ExportFixture f;
  QString project() const { return QString::fromStdString(f.projectPath.string()); }
  QString stream(const char *name) const { return QString::fromStdString((f.recordingDir / name).string()); }
  QByteArray originalImu, originalHands;
  int runs = 0;

  CliRun exportTo(QString &out, const QStringList &extra = {}) {
    out = f.dir.path() + "/out" + QString::number(runs++);
    return runCli(QStringList{"export", project(), "--format", "lerobot-v3", "--out", out, "--size", "96x128"} + extra);
  }
  static json manifest(const QString &out) {
    std::ifstream in((out + "/tacit_export.json").toStdString());
    return json::parse(in);
  }
  static bool episodeHasIssue(const json &m, const std::string &stream, const std::string &words) {
    for (const auto &i : m["episodes"][0]["stream_issues"])
      if (i["stream"] == stream && i["problem"].get<std::string>().find(words) != std::string::npos)
        return true;
    return false;
  }
  void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
  }
  void restore() {
    writeFile(stream("imu.csv"), originalImu);
    writeFile(stream("hands.csv"), originalHands);
  }

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    f.store.reset();
    originalImu = fileBytes(stream("imu.csv"));
    originalHands = fileBytes(stream("hands.csv"));
    QVERIFY(!originalImu.isEmpty() && !originalHands.isEmpty());
  }
  void cleanup() { restore(); }

  void completeRecordingHasNoIssues() {
    QString out;
    const CliRun r = exportTo(out);
    QCOMPARE(r.code, 0);
    QVERIFY2(!r.err.contains("imu:") && !r.err.contains("hands:"), qPrintable(r.err));
    QVERIFY(manifest(out)["episodes"][0]["stream_issues"].empty());
  }

  void deletedHandsWarnsEverywhere() {
    QVERIFY(QFile::remove(stream("hands.csv")));
    QString out;
    const CliRun r = exportTo(out);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("warning") && r.err.contains("hands: no stream in the recording"), qPrintable(r.err));
    QVERIFY(episodeHasIssue(manifest(out), "hands", "no stream"));
    QCOMPARE(manifest(out)["stream_issues"].size(), std::size_t(1));

    // The dry run lists it under the episode, as text and as JSON.
    const CliRun dry = runCli({"export", project(), "--format", "lerobot-v3", "--out", out + "-dry", "--dry-run"});
    QCOMPARE(dry.code, 0);
    QVERIFY2(dry.out.contains("missing hands in"), qPrintable(dry.out));
    const CliRun dryJson =
        runCli({"export", project(), "--format", "lerobot-v3", "--out", out + "-dry", "--dry-run", "--json"});
    QCOMPARE(dryJson.code, 0);
    const json j = json::parse(dryJson.out.toStdString());
    QCOMPARE(j["stream_issues"][0]["issues"][0]["stream"].get<std::string>(), std::string("hands"));
  }

  void headerOnlyHandsWarns() {
    writeFile(stream("hands.csv"), originalHands.left(originalHands.indexOf('\n') + 1));
    QString out;
    const CliRun r = exportTo(out);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("hands: "), qPrintable(r.err));
    QVERIFY(!manifest(out)["episodes"][0]["stream_issues"].empty());
  }

  void nanImuWarns() {
    // Every IMU value NaN or inf (the timestamps stay).
    QList<QByteArray> lines = originalImu.split('\n');
    for (int i = 1; i < lines.size(); ++i) {
      if (lines[i].isEmpty())
        continue;
      const QByteArray t = lines[i].left(lines[i].indexOf(','));
      lines[i] = t + (i % 2 ? ",nan,nan,nan,nan,nan,nan" : ",inf,-inf,nan,inf,nan,nan");
    }
    writeFile(stream("imu.csv"), lines.join('\n'));
    QString out;
    const CliRun r = exportTo(out);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("imu: all") && r.err.contains("NaN"), qPrintable(r.err));
    QVERIFY(episodeHasIssue(manifest(out), "imu", "NaN"));
  }

  void requireStreamsMakesItAnError() {
    QVERIFY(QFile::remove(stream("imu.csv")));
    QString out;
    const CliRun r = exportTo(out, {"--require-streams", "imu,hands"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("imu: no stream in the recording") && r.err.contains("--require-streams"),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(QDir(f.dir.path()).entryList({".out*"}, QDir::AllEntries | QDir::Hidden).isEmpty());
    // Only the required streams matter: without imu in the list the export goes on (with a warning).
    QCOMPARE(exportTo(out, {"--require-streams", "hands"}).code, 0);
    QCOMPARE(exportTo(out, {"--require-streams", "imu,bogus"}).code, 2);
  }
};

QTEST_GUILESS_MAIN(MissingStreamsCliTest)
#include "MissingStreamsCliTest.moc"
