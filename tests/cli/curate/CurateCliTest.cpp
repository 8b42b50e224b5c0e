// `tacit-cli curate`: exit codes (0 ok, 1 unreadable data with one line naming the file, 2 usage),
// stable --json of every verb, the knobs of `sample` reaching the integrity lane, and the queue
// persisted in the project (a second run reads the stored analyses).
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

namespace {
struct Run {
  int code = -1;
  QByteArray out, err;
};
Run cli(const QStringList &args) {
  QProcess p;
  p.start(TACIT_CLI_PATH, args);
  if (!p.waitForFinished(120000))
    p.kill();
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
          p.readAllStandardError()};
}
nlohmann::json json(const Run &r) {
  return nlohmann::json::parse(r.out.toStdString(), nullptr, false);
}
} // namespace

class CurateCliTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_clean, m_broken, m_project;

private slots:
  void initTestCase() {
    m_clean = m_dir.path() + "/clean";
    m_broken = m_dir.path() + "/broken";
    QCOMPARE(cli({"sample", m_clean, "--duration", "4", "--size", "256x192", "--seed", "4"}).code, 0);
    const Run b = cli({"sample", m_broken, "--duration", "6", "--size", "256x192", "--seed", "5", "--frame-drops", "2",
                       "--clock-offset", "trajectory:-30", "--degrade", "6"});
    QVERIFY2(b.code == 0, b.err.constData());
    m_project = m_dir.path() + "/p.tacit";
    QCOMPARE(cli({"project", "create", m_project}).code, 0);
    QCOMPARE(cli({"project", "add", m_project, m_clean, m_broken}).code, 0);
  }

  void integrityJson() {
    const Run r = cli({"curate", "integrity", m_broken, "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto j = json(r);
    QVERIFY(j.is_object());
    for (const char *key : {"recording", "start_ns", "end_ns", "counts", "streams", "offsets", "issues"})
      QVERIFY2(j.contains(key), key);
    QCOMPARE(j["counts"]["dropped_frames"].get<int>(), 2);
    QVERIFY(j["counts"]["clock_offset"].get<int>() >= 1);
    bool trajectoryBehind = false;
    for (const auto &i : j["issues"])
      if (i["kind"] == "clock_offset" && i["reference"] == "trajectory")
        trajectoryBehind = std::abs(i["offset_ms"].get<double>() - 30) < 2; // the IMU is 30 ms ahead of it
    QVERIFY(trajectoryBehind);
    const Run text = cli({"curate", "integrity", m_clean});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("tracking_dropout"));
  }

  void suggestJson() {
    const Run r = cli({"curate", "suggest", m_clean, "--json", "--min-confidence", "0.5"});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto j = json(r);
    QVERIFY(!j["suggestions"].empty());
    for (const auto &s : j["suggestions"]) {
      QVERIFY(s["confidence"].get<double>() >= 0.5);
      QVERIFY(!s["signals"].empty());
      QVERIFY(s["t_ns"].get<std::int64_t>() >= j["start_ns"].get<std::int64_t>());
    }
  }

  void metricsOfAFolderAndOfAProject() {
    const Run rec = cli({"curate", "metrics", m_clean, "--json"});
    QVERIFY2(rec.code == 0, rec.err.constData());
    const auto j = json(rec);
    for (const char *m : {"duration_s", "jerk_p95", "ldlj", "sparc", "tracking_loss", "blur_risk", "sharpness"})
      QVERIFY2(j["metrics"].contains(m), m);
    const Run proj = cli({"curate", "metrics", m_project, "--json"});
    QVERIFY2(proj.code == 0, proj.err.constData());
    QCOMPARE(json(proj)["recordings"].size(), std::size_t(2));
  }

  void queueIsStoredAndSorted() {
    const Run r = cli({"curate", "queue", m_project, "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto items = json(r)["items"];
    QCOMPARE(items.size(), std::size_t(2));
    QCOMPARE(items[0]["path"].get<std::string>(), std::string("broken"));
    QVERIFY(items[0]["combined"].get<double>() > items[1]["combined"].get<double>());
    QVERIFY(!items[0]["reasons"].empty());
    QVERIFY(items[0]["duration_s"].get<double>() > 6);
    // Read back without analysing (read-only): the same order.
    const Run again = cli({"curate", "queue", m_project, "--json", "--no-analyse", "--by", "tracking_loss"});
    QVERIFY2(again.code == 0, again.err.constData());
    QCOMPARE(json(again)["items"].size(), std::size_t(2));
    QVERIFY(json(again)["items"][0]["analysed"].get<bool>());
  }

  void exitCodes_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no verb") << QStringList{"curate"} << 2;
    QTest::newRow("bad verb") << QStringList{"curate", "frobnicate", "x"} << 2;
    QTest::newRow("no path") << QStringList{"curate", "integrity"} << 2;
    QTest::newRow("bad confidence") << QStringList{"curate", "suggest", "x", "--min-confidence", "7"} << 2;
    QTest::newRow("bad sort key") << QStringList{"curate", "queue", "p.tacit", "--by", "nope"} << 2;
    QTest::newRow("missing folder") << QStringList{"curate", "integrity", "/nonexistent/rec"} << 1;
    QTest::newRow("missing project") << QStringList{"curate", "queue", "/nonexistent/p.tacit"} << 1;
  }
  void exitCodes() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Run r = cli(args);
    QCOMPARE(r.code, code);
    if (code == 1) {
      QCOMPARE(r.err.count('\n'), 1);
      QVERIFY2(r.err.contains("/nonexistent/"), r.err.constData());
    }
  }
};

QTEST_GUILESS_MAIN(CurateCliTest)
#include "CurateCliTest.moc"
