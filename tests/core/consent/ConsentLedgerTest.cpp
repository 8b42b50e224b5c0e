// Consent ledger glue: scopes, grant/withdraw/scope change, per-recording state, exports listing.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "core/consent/ConsentLedger.h"

using namespace tacit;
using namespace tacit::consent;

class ConsentLedgerTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<project::ProjectStore> m_store;
  project::Id m_a = 0, m_b = 0, m_c = 0;

  project::Id addRec(const std::string &uuid, const std::string &worker) {
    project::RecordingRecord r;
    r.uuid = uuid;
    r.relativePath = uuid;
    r.workerId = worker;
    r.workerName = worker + " name";
    auto added = m_store->insertRecordingRecord(r);
    if (!added)
      qFatal("%s", added.error().c_str());
    return added->id;
  }

private slots:
  void init() {
    QVERIFY(m_dir.isValid());
    std::filesystem::remove(m_dir.filePath("p.tacit").toStdString());
    auto s = project::ProjectStore::create(m_dir.filePath("p.tacit").toStdString());
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().c_str());
    m_store = s.takeValue();
    m_a = addRec("rec-a", "w1");
    m_b = addRec("rec-b", "w1");
    m_c = addRec("rec-c", "w2");
  }
  void cleanup() {
    m_store.reset();
    for (const char *f : {"p.tacit", "p.tacit-wal", "p.tacit-shm"})
      std::filesystem::remove(m_dir.filePath(f).toStdString());
  }

  void scopesAreValidated() {
    QVERIFY(isKnownScope("model_training"));
    QVERIFY(!isKnownScope("training"));
    QVERIFY(!grantConsent(*m_store, "w1", 0, {"selling"}, "W One").ok());
    QVERIFY(!grantConsent(*m_store, "w1", 0, {}, "W One").ok());
    QVERIFY(!grantConsent(*m_store, "w1", 0, {"model_training"}, "").ok());
    QCOMPARE(scopeUses(scopeJson({"a", "b"})), (std::vector<std::string>{"a", "b"}));
    QCOMPARE(scopeUses("a, b"), (std::vector<std::string>{"a", "b"}));
  }

  void stateFollowsLatestEvent() {
    auto none = recordingConsent(*m_store, "w1");
    QVERIFY(none.ok());
    QCOMPARE(int(none->size()), 2);
    QCOMPARE(none->front().state, std::string("none"));

    QVERIFY(grantConsent(*m_store, "w1", 0, {"model_training", "internal_research"}, "W One").ok());
    auto g = recordingConsent(*m_store, "w1");
    QCOMPARE((*g)[0].state, std::string("granted"));
    QCOMPARE((*g)[1].uses.size(), std::size_t(2));

    // Withdrawing one use keeps the other (a scope change), only for that recording.
    auto sc = withdrawConsent(*m_store, "w1", m_a, {"model_training"}, "W One");
    QVERIFY(sc.ok());
    QCOMPARE(sc->kind, project::ConsentKind::ScopeChanged);
    auto after = recordingConsent(*m_store, "w1");
    QCOMPARE((*after)[0].uses, (std::vector<std::string>{"internal_research"}));
    QCOMPARE((*after)[1].uses.size(), std::size_t(2));

    auto w = withdrawConsent(*m_store, "w1", 0, {}, "W One");
    QVERIFY(w.ok());
    QCOMPARE(w->kind, project::ConsentKind::Withdrawn);
    auto all = recordingConsent(*m_store);
    QCOMPARE(int(all->size()), 3);
    QCOMPARE((*all)[0].state, std::string("withdrawn"));
    QCOMPARE((*all)[1].state, std::string("withdrawn"));
    QCOMPARE((*all)[2].state, std::string("none")); // another worker is unaffected
    QCOMPARE(m_store->verifyConsentChain()->has_value(), false);
  }

  void exportsOfAWorkerAreListed() {
    const auto dest = m_dir.filePath("ds1").toStdString();
    std::filesystem::create_directories(dest);
    std::ofstream(dest + "/tacit_export.json") << R"({"episodes":[{"name":"demo_0","project_recording_id":)" << m_a
                                               << R"(},{"name":"demo_1","project_recording_id":)" << m_c << "}]}";
    project::ExportRecord e1;
    e1.format = "robomimic-hdf5";
    e1.destination = dest;
    e1.items = {{m_a, 0, 0, 10}, {m_c, 0, 0, 10}};
    QVERIFY(m_store->addExport(e1).ok());
    project::ExportRecord e2;
    e2.format = "lerobot-v3";
    e2.destination = "/nonexistent";
    e2.items = {{m_c, 0, 0, 10}};
    QVERIFY(m_store->addExport(e2).ok());

    auto w1 = exportsContainingWorker(*m_store, "w1");
    QVERIFY(w1.ok());
    QCOMPARE(int(w1->size()), 1);
    QCOMPARE(w1->front().record.format, std::string("robomimic-hdf5"));
    QCOMPARE(int(w1->front().items.size()), 1);
    QVERIFY(w1->front().manifestFound);
    QCOMPARE(w1->front().episodes, (std::vector<std::string>{"demo_0"}));
    QCOMPARE(int(exportsContainingWorker(*m_store, "w2")->size()), 2);
    QCOMPARE(int(exportsContainingWorker(*m_store, "w1", m_b)->size()), 0);
  }

  void findRecordingByIdOrUuid() {
    QCOMPARE(findRecording(*m_store, std::to_string(m_b))->uuid, std::string("rec-b"));
    QCOMPARE(findRecording(*m_store, "rec-c")->id, m_c);
    QVERIFY(!findRecording(*m_store, "nope").ok());
  }
};

QTEST_GUILESS_MAIN(ConsentLedgerTest)
#include "ConsentLedgerTest.moc"
