// A v1 project file (as shipped before migration 2) opens with current code: migrated in place,
// data kept, new tables usable.
#include <QTemporaryDir>
#include <QTest>

#include "ProjectTestUtil.h"
#include "core/project/ProjectSchema.h"
#include "core/project/ProjectStore.h"

using namespace tacit::project;

class ProjectMigrationTest : public QObject {
  Q_OBJECT
private slots:
  void migratesV1FileForward() {
    QTemporaryDir dir;
    const auto p = testutil::path(dir, "old.tacit");
    QVERIFY(ProjectStore::createAtVersion(p, 1).ok());
    {
      SqliteDb db;
      QVERIFY(db.open(p.string(), false, false).ok());
      QCOMPARE(*db.queryInt("PRAGMA user_version"), 1);
      QCOMPARE(*db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'consent_events'"), 0);
      QVERIFY(db.exec("INSERT INTO recordings(uuid, rel_path, manifest_hash, added_at_ms) VALUES ('u1', 'r1', 'h', 1);"
                      "INSERT INTO labels(name) VALUES ('reach');"
                      "INSERT INTO segments(recording_id, track_id, label_id, start_ns, end_ns, created_at_ms, "
                      "modified_at_ms) VALUES (1, 1, 1, 10, 20, 1, 1);"
                      "INSERT INTO reviews(recording_id, status, at_ms) VALUES (1, 'approved', 5);"
                      "UPDATE recordings SET review_status = 'approved';")
                  .ok());
    }
    auto store = ProjectStore::open(p);
    QVERIFY2(store.ok(), store.error().c_str());
    QCOMPARE((*store)->schemaVersion(), ProjectSchema::currentVersion());
    auto segs = (*store)->segments(1);
    QCOMPARE(segs->size(), std::size_t(1));
    QCOMPARE(segs->front().startNs, 10);
    QCOMPARE((*store)->recording(1)->status, ReviewStatus::Approved);
    QCOMPARE(QString::fromStdString(labelPath(*(*store)->labels(), segs->front().labelId)), QStringLiteral("reach"));
    ConsentEvent e;
    e.workerId = "w";
    QVERIFY((*store)->appendConsent(e).ok());
    QVERIFY((*store)->checkIntegrity()->empty());
  }

  void migrationIsIdempotentOnReopen() {
    QTemporaryDir dir;
    const auto p = testutil::path(dir, "p.tacit");
    { QVERIFY(ProjectStore::create(p).ok()); }
    for (int i = 0; i < 2; ++i) {
      auto store = ProjectStore::open(p);
      QVERIFY2(store.ok(), store.error().c_str());
      QCOMPARE((*store)->schemaVersion(), ProjectSchema::currentVersion());
    }
  }
};

QTEST_GUILESS_MAIN(ProjectMigrationTest)
#include "ProjectMigrationTest.moc"
