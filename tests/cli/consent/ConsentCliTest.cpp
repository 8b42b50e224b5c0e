// tacit-cli consent grant/withdraw/status/report, redact, and ledger tampering detection.
#include <QTemporaryDir>
#include <QtTest>

#include "CliHelper.h"

using namespace tacit::testing;
using nlohmann::json;

class ConsentCliTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_project, m_rec, m_worker;

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("p.tacit");
    m_rec = makeProject(m_dir.path(), m_project);
    QVERIFY(!m_rec.isEmpty());
    m_worker =
        QString::fromStdString(readJson(m_dir.filePath("rec/recording.json"))["worker"]["id"].get<std::string>());
  }

  void usageErrors() {
    QCOMPARE(cli({"consent"}).code, 2);
    QCOMPARE(cli({"consent", "grant", m_project, "--recording", m_rec, "--by", "X", "--scope", "selling"}).code, 2);
    QCOMPARE(cli({"consent", "grant", m_project, "--recording", m_rec, "--scope", "model_training"}).code,
             2);                                                                                      // no --by
    QCOMPARE(cli({"consent", "grant", m_project, "--by", "X", "--scope", "model_training"}).code, 2); // no target
    QCOMPARE(cli({"redact", m_project, "--recording", m_rec, "--start-ns", "5", "--end-ns", "1"}).code, 2);
    QCOMPARE(
        cli({"redact", m_project, "--recording", m_rec, "--start-ns", "1", "--end-ns", "5", "--streams", "smell"}).code,
        2);
    const Run bad =
        cli({"consent", "grant", m_project, "--recording", "nope", "--by", "X", "--scope", "model_training"});
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains("nope"));
  }

  void grantStatusRedactReport() {
    QCOMPARE(cli({"consent", "grant", m_project, "--recording", m_rec, "--by", "Ada Worker", "--scope",
                  "model_training,internal_research"})
                 .code,
             0);
    Run st = cli({"consent", "status", m_project, "--json"});
    QCOMPARE(st.code, 0);
    json j = json::parse(st.out.toStdString());
    QCOMPARE(j["ledger_intact"].get<bool>(), true);
    QCOMPARE(j["recordings"][0]["consent"].get<std::string>(), std::string("granted"));
    QCOMPARE(j["recordings"][0]["uses"].size(), std::size_t(2));
    QCOMPARE(j["events"][0]["signature"].get<std::string>(), std::string("Ada Worker"));

    const Run r = cli({"redact", m_project, "--recording", m_rec, "--start-ns", "10000001000", "--end-ns",
                       "10000002000", "--streams", "audio,video", "--reason", "private phone call", "--json"});
    QCOMPARE(r.code, 0);
    const json red = json::parse(r.out.toStdString());
    QCOMPARE(red["streams"], json({"audio", "video"}));
    QCOMPARE(red["reason"].get<std::string>(), std::string("private phone call"));

    const QString pdf = m_dir.filePath("report.pdf");
    const Run rep = cli({"consent", "report", m_project, "--worker", m_worker, "--out", pdf});
    QCOMPARE(rep.code, 0);
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(4), QByteArray("%PDF"));
    QVERIFY(f.size() > 2000);
    // pdftotext (poppler-utils) reads the text back.
    const Run txt = runTool("pdftotext", {pdf, "-"});
    QCOMPARE(txt.code, 0);
    QVERIFY2(txt.out.contains(m_worker), qPrintable(txt.out.left(400)));
    QVERIFY(txt.out.contains("private phone call"));
    QVERIFY(txt.out.contains("Ada Worker"));
    QCOMPARE(cli({"consent", "report", m_project, "--worker", "nobody", "--out", pdf}).code, 1);
  }

  void withdrawWithoutExportsListsNone() {
    const Run w = cli({"consent", "withdraw", m_project, "--worker", m_worker, "--by", "Ada Worker"});
    QCOMPARE(w.code, 0);
    QVERIFY(w.out.contains("withdrawn: consent event #2"));
    QVERIFY(w.out.contains("0 earlier export(s)"));
    const json j = json::parse(cli({"consent", "status", m_project, "--json"}).out.toStdString());
    QCOMPARE(j["recordings"][0]["consent"].get<std::string>(), std::string("withdrawn"));
    QCOMPARE(j["recordings"][0]["exportable"].get<bool>(), false);
  }

  void tamperedLedgerIsDetectedWithRowNumber() {
    QCOMPARE(
        cli({"consent", "grant", m_project, "--worker", m_worker, "--by", "Ada Worker", "--scope", "partner_sharing"})
            .code,
        0);
    QCOMPARE(cli({"project", "check", m_project}).code, 0);
    // The triggers refuse an UPDATE...
    Run refused =
        runTool("sqlite3", {m_project, "UPDATE consent_events SET scope='[\"partner_sharing\"]' WHERE id=2;"});
    QVERIFY(refused.code != 0);
    QVERIFY(refused.err.contains("append-only"));
    // ...so someone drops them first, then rewrites row 2 (withdrawn -> granted).
    const Run t = runTool("sqlite3", {m_project, "DROP TRIGGER consent_events_no_update; UPDATE consent_events SET "
                                                 "kind='granted' WHERE id=2;"});
    QCOMPARE(t.code, 0);
    const Run check = cli({"project", "check", m_project});
    QCOMPARE(check.code, 1);
    QVERIFY2(check.err.contains("consent ledger chain broken at row 2"), qPrintable(check.err));
    const Run st = cli({"consent", "status", m_project, "--json"});
    QCOMPARE(st.code, 1);
    QCOMPARE(json::parse(st.out.toStdString())["ledger_broken_at_row"].get<int>(), 2);
  }
};

QTEST_GUILESS_MAIN(ConsentCliTest)
#include "ConsentCliTest.moc"
