// ProjectStore: file settings, recordings (add, missing, relink), locking, integrity, ledgers.
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

#include "ProjectTestUtil.h"
#include "core/project/ProjectSchema.h"
#include "core/project/ProjectStore.h"

using namespace tacit::project;
namespace fs = std::filesystem;

class ProjectStoreTest : public QObject {
  Q_OBJECT
private slots:
  void createsWalProjectWithSchema() {
    QTemporaryDir dir;
    const auto p = testutil::path(dir, "a.tacit");
    auto store = ProjectStore::create(p);
    QVERIFY2(store.ok(), store.error().c_str());
    auto &db = (*store)->database();
    auto mode = db.prepare("PRAGMA journal_mode");
    QVERIFY(mode->step());
    QCOMPARE(QString::fromStdString(mode->text(0)), QStringLiteral("wal"));
    QCOMPARE(*db.queryInt("PRAGMA foreign_keys"), 1);
    QCOMPARE((*store)->schemaVersion(), ProjectSchema::currentVersion());
    auto tracks = (*store)->tracks();
    QCOMPARE(tracks->size(), std::size_t(2));
    QCOMPARE(QString::fromStdString((*tracks)[0].name), QStringLiteral("task"));
    QCOMPARE(QString::fromStdString((*tracks)[1].name), QStringLiteral("step"));
    QVERIFY(!ProjectStore::create(p).ok()); // exists
  }

  void addsRecordingsAndDetectsDuplicates() {
    QTemporaryDir dir;
    auto store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "rec1"), "uuid-1", "alice", "pick");
    auto rec = store->addRecording(testutil::path(dir, "rec1"));
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(QString::fromStdString(rec->relativePath), QStringLiteral("rec1"));
    QCOMPARE(QString::fromStdString(rec->workerId), QStringLiteral("alice"));
    QCOMPARE(rec->streamSizes.at("imu"), std::int64_t(fs::file_size(testutil::path(dir, "rec1/imu.csv"))));
    QCOMPARE(rec->manifestHash.size(), std::size_t(64));
    QCOMPARE(store->mediaState(*rec), MediaState::Ok);
    auto dup = store->addRecording(testutil::path(dir, "rec1"));
    QVERIFY(!dup.ok());
    QVERIFY(QString::fromStdString(dup.error()).contains("already in the project"));
    auto bad = store->addRecording(testutil::path(dir, "nowhere"));
    QVERIFY(!bad.ok());
    QVERIFY(QString::fromStdString(bad.error()).contains("recording.json"));
  }

  void missingFolderCanBeRelinked() {
    QTemporaryDir dir;
    auto store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "rec1"), "uuid-1");
    testutil::writeRecording(testutil::path(dir, "rec2"), "uuid-2");
    const Id id1 = store->addRecording(testutil::path(dir, "rec1"))->id;
    const Id id2 = store->addRecording(testutil::path(dir, "rec2"))->id;
    fs::create_directories(testutil::path(dir, "moved/deeper"));
    fs::rename(testutil::path(dir, "rec1"), testutil::path(dir, "moved/deeper/rec1"));
    fs::rename(testutil::path(dir, "rec2"), testutil::path(dir, "moved/rec2"));
    QCOMPARE(store->mediaState(*store->recording(id1)), MediaState::Missing);
    auto summaries = store->recordingSummaries();
    QCOMPARE((*summaries)[0].media, MediaState::Missing);
    // Wrong folder is refused.
    QVERIFY(!store->relinkRecording(id1, testutil::path(dir, "moved/rec2")).ok());
    auto relinked = store->relinkRecording(id1, testutil::path(dir, "moved/deeper/rec1"));
    QVERIFY2(relinked.ok(), relinked.error().c_str());
    QCOMPARE(QString::fromStdString(relinked->relativePath), QStringLiteral("moved/deeper/rec1"));
    QCOMPARE(store->mediaState(*store->recording(id1)), MediaState::Ok);
    auto found = store->relinkMissingUnder(testutil::path(dir, "moved"));
    QVERIFY2(found.ok(), found.error().c_str());
    QCOMPARE(found->size(), std::size_t(1));
    QCOMPARE(store->mediaState(*store->recording(id2)), MediaState::Ok);
    // A changed stream file is reported as changed.
    std::ofstream(testutil::path(dir, "moved/rec2/imu.csv"), std::ios::app) << "1,0,0,9.8,0,0,0\n";
    QCOMPARE(store->mediaState(*store->recording(id2)), MediaState::Changed);
  }

  void secondOpenIsReadOnly() {
    QTemporaryDir dir;
    const auto p = testutil::path(dir, "p.tacit");
    auto first = ProjectStore::create(p).takeValue();
    testutil::writeRecording(testutil::path(dir, "rec1"), "uuid-1");
    QVERIFY(first->addRecording(testutil::path(dir, "rec1")).ok());
    // flock is per open file description, so a second open in this process contends like another process.
    auto second = ProjectStore::open(p);
    QVERIFY2(second.ok(), second.error().c_str());
    QVERIFY((*second)->isReadOnly());
    QCOMPARE(second.warnings().size(), std::size_t(1));
    QVERIFY(QString::fromStdString(second.warnings()[0]).contains("read-only"));
    QVERIFY(QString::fromStdString(second.warnings()[0]).contains(QString::number(QCoreApplication::applicationPid())));
    QCOMPARE((*second)->recordings()->size(), std::size_t(1));
    auto write = (*second)->addReview(1, ReviewStatus::Approved, {});
    QVERIFY(!write.ok());
    QVERIFY(QString::fromStdString(write.error()).contains("read-only"));
    // The writer keeps working, and once it closes the next open is writable.
    QVERIFY(first->addReview(1, ReviewStatus::InReview, {}).ok());
    second = tacit::Result<std::unique_ptr<ProjectStore>>::failure("closed");
    first.reset();
    auto third = ProjectStore::open(p);
    QVERIFY(third.ok());
    QVERIFY(!(*third)->isReadOnly());
    QCOMPARE((*third)->recording(1)->status, ReviewStatus::InReview);
  }

  void rejectsGarbageAndNewerFiles() {
    QTemporaryDir dir;
    const auto garbage = testutil::path(dir, "g.tacit");
    std::ofstream(garbage) << "this is not a database at all, not even close..............................";
    auto g = ProjectStore::open(garbage);
    QVERIFY(!g.ok());
    QVERIFY(QString::fromStdString(g.error()).contains("g.tacit"));
    const auto newer = testutil::path(dir, "n.tacit");
    {
      auto s = ProjectStore::create(newer).takeValue();
      QVERIFY(s->database().exec("PRAGMA user_version = 99").ok());
    }
    auto n = ProjectStore::open(newer);
    QVERIFY(!n.ok());
    QVERIFY(QString::fromStdString(n.error()).contains("newer"));
    QVERIFY(!ProjectStore::open(testutil::path(dir, "absent.tacit")).ok());
  }

  void integrityCheckFindsNoProblemsInHealthyFile() {
    QTemporaryDir dir;
    auto store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    auto problems = store->checkIntegrity();
    QVERIFY(problems.ok());
    QVERIFY(problems->empty());
  }

  void auditLogAndConsentAreAppendOnly() {
    QTemporaryDir dir;
    auto store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "rec1"), "uuid-1");
    QVERIFY(store->addRecording(testutil::path(dir, "rec1")).ok());
    QVERIFY(store->auditLog()->size() >= 2);
    QVERIFY(!store->database().exec("UPDATE audit_log SET action = 'x'").ok());
    QVERIFY(!store->database().exec("DELETE FROM audit_log").ok());

    ConsentEvent e;
    e.workerId = "alice";
    e.scope = R"(["training"])";
    e.signature = "Alice A.";
    auto c1 = store->appendConsent(e);
    QVERIFY2(c1.ok(), c1.error().c_str());
    QVERIFY(c1->prevHash.empty());
    e.kind = ConsentKind::ScopeChanged;
    e.scope = R"(["training","publication"])";
    auto c2 = store->appendConsent(e);
    e.kind = ConsentKind::Withdrawn;
    auto c3 = store->appendConsent(e);
    QCOMPARE(c2->prevHash, c1->rowHash);
    QCOMPARE(c3->prevHash, c2->rowHash);
    QVERIFY(!store->verifyConsentChain()->has_value());
    QVERIFY(!store->database().exec("UPDATE consent_events SET scope = '[]' WHERE id = 2").ok());
    QVERIFY(!store->database().exec("DELETE FROM consent_events WHERE id = 3").ok());
    // Someone bypasses the triggers: the chain check names the first tampered row.
    QVERIFY(store->database().exec("DROP TRIGGER consent_events_no_update").ok());
    QVERIFY(store->database().exec("UPDATE consent_events SET scope = '[]' WHERE id = 2").ok());
    auto broken = store->verifyConsentChain();
    QVERIFY(broken.ok() && broken->has_value());
    QCOMPARE(**broken, Id(2));
    QVERIFY(!store->checkIntegrity()->empty());
  }

  void redactionsAndExportsRoundTrip() {
    QTemporaryDir dir;
    auto store = ProjectStore::create(testutil::path(dir, "p.tacit")).takeValue();
    testutil::writeRecording(testutil::path(dir, "rec1"), "uuid-1");
    const Id rec = store->addRecording(testutil::path(dir, "rec1"))->id;
    Redaction r;
    r.recordingId = rec;
    r.startNs = 100;
    r.endNs = 200;
    r.streams = {"rgb", "audio"};
    r.boxes = {{0.1, 0.2, 0.3, 0.4}};
    r.reason = "bystander";
    auto added = store->addRedaction(r);
    QVERIFY2(added.ok(), added.error().c_str());
    auto list = store->redactions(rec);
    QCOMPARE(list->size(), std::size_t(1));
    QCOMPARE(list->front(), *added);
    QVERIFY(store->removeRedaction(added->id).ok());
    QVERIFY(store->redactions(rec)->empty());
    ExportRecord ex;
    ex.format = "lerobot";
    ex.destination = "/data/out";
    ex.manifestHash = "abc";
    ex.items = {{rec, 0, 0, 1000}};
    auto e = store->addExport(ex);
    QVERIFY(e.ok());
    QCOMPARE(store->exports()->front(), *e);
  }
};

QTEST_GUILESS_MAIN(ProjectStoreTest)
#include "ProjectStoreTest.moc"
