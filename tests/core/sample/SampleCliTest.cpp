// `tacit-cli sample`: exit codes (0 ok, 1 data error, 2 usage) and the --json summary.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

class SampleCliTest : public QObject {
  Q_OBJECT
  struct Run {
    int code;
    QByteArray out, err;
  };
  Run cli(const QStringList &args) {
    QProcess p;
    p.start(TACIT_CLI_PATH, QStringList{"sample"} + args);
    if (!p.waitForFinished(60000))
      return {-1, {}, {}};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
  }

private slots:
  void writesSmallSampleWithJsonSummary() {
    QTemporaryDir dir;
    const QString out = dir.path() + "/rec";
    const Run r = cli({out, "--duration", "1", "--size", "256x192", "--fps", "24", "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["video_frames"].get<int>(), 24);
    QCOMPARE(j["encoder"].get<std::string>(), std::string("libx264"));
    for (const char *f : {"recording.json", "calibration.json", "rgb.mp4", "depth.mkv", "imu.csv", "hands.csv",
                          "trajectory.csv", "gaze.csv", "truth.json"})
      QVERIFY2(QFile::exists(out + "/" + f), f);
    QVERIFY(QDir(out).entryList({"*partial*", "*.tmp*"}, QDir::Files).isEmpty());
  }

  void usageErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no folder") << QStringList{} << "OUT_DIR";
    QTest::newRow("tiny size") << QStringList{"x", "--size", "100x100"} << "--size";
    QTest::newRow("bad size") << QStringList{"x", "--size", "big"} << "--size";
    QTest::newRow("codec") << QStringList{"x", "--codec", "vp9"} << "--codec";
    QTest::newRow("fps") << QStringList{"x", "--fps", "abc"} << "--fps";
    QTest::newRow("duration") << QStringList{"x", "--duration", "0"} << "--duration";
  }
  void usageErrorsExitTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = cli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
  }

  void unwritableFolderIsDataError() {
    QTemporaryDir dir;
    QFile blocker(dir.path() + "/file");
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run r = cli({dir.path() + "/file/rec", "--duration", "1", "--size", "256x192"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("file/rec"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1); // one line naming the folder
  }
};

QTEST_GUILESS_MAIN(SampleCliTest)
#include "SampleCliTest.moc"
