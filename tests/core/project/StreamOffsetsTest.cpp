// Per-stream time offsets in the project (migration 3): stored per recording and stream, set through
// ProjectSession as undoable commands (consecutive nudges of one stream merge), kept across a reopen,
// and a v2 project file migrates forward with its data.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ProjectTestUtil.h"
#include "core/project/ProjectRecording.h"
#include "core/project/ProjectSchema.h"
#include "core/project/ProjectSession.h"

using namespace tacit;
using namespace tacit::project;

class StreamOffsetsTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void storeKeepsOffsetsPerRecordingAndStream() {
    const auto p = testutil::path(m_dir, "store.tacit");
    auto store = ProjectStore::create(p);
    QVERIFY2(store.ok(), store.error().c_str());
    testutil::writeRecording(testutil::path(m_dir, "a"), "ua");
    testutil::writeRecording(testutil::path(m_dir, "b"), "ub");
    const Id a = (*store)->addRecording(testutil::path(m_dir, "a"))->id;
    const Id b = (*store)->addRecording(testutil::path(m_dir, "b"))->id;
    QVERIFY((*store)->streamOffsets(a)->empty());
    QVERIFY((*store)->setStreamOffset(a, "rgb", 200 * kNsPerMs).ok());
    QVERIFY((*store)->setStreamOffset(a, "imu", -3).ok());
    QVERIFY((*store)->setStreamOffset(b, "rgb", 7).ok());
    QVERIFY((*store)->setStreamOffset(a, "rgb", 250 * kNsPerMs).ok()); // update in place
    const auto offsets = *(*store)->streamOffsets(a);
    QCOMPARE(offsets.size(), std::size_t(2));
    QCOMPARE(offsets.at("rgb"), 250 * kNsPerMs);
    QCOMPARE(offsets.at("imu"), Timestamp(-3));
    QVERIFY((*store)->setStreamOffset(a, "imu", 0).ok()); // zero = no row
    QCOMPARE((*store)->streamOffsets(a)->count("imu"), std::size_t(0));
    QCOMPARE((*store)->streamOffsets(b)->at("rgb"), Timestamp(7));
    // The project's state for the one loader.
    RecordingContext::Options o;
    QVERIFY(addProjectState(**store, a, o).ok());
    QCOMPARE(o.offsets.at("rgb"), 250 * kNsPerMs);
    store->reset();
    auto reopened = ProjectStore::open(p);
    QVERIFY(reopened.ok());
    QCOMPARE((*reopened)->streamOffsets(a)->at("rgb"), 250 * kNsPerMs);
    QVERIFY((*reopened)->checkIntegrity()->empty());
  }

  void sessionEditsAreUndoableAndMerge() {
    const auto p = testutil::path(m_dir, "session.tacit");
    auto s = ProjectSession::create(p);
    QVERIFY2(s.ok(), s.error().c_str());
    ProjectSession &session = **s;
    testutil::writeRecording(testutil::path(m_dir, "c"), "uc");
    const Id rec = session.store().addRecording(testutil::path(m_dir, "c"))->id;
    QSignalSpy changed(&session, &ProjectSession::streamOffsetChanged);
    // Three nudges of one stream: one undo step.
    for (int i = 1; i <= 3; ++i)
      QVERIFY(session.setStreamOffset(rec, "rgb", i * 33 * kNsPerMs).ok());
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.last().at(2).toLongLong(), 99 * kNsPerMs);
    QCOMPARE(session.undoStack()->count(), 1);
    QVERIFY(session.setStreamOffset(rec, "imu", 5 * kNsPerMs).ok()); // another stream: its own step
    QCOMPARE(session.undoStack()->count(), 2);
    QCOMPARE(session.streamOffsets(rec)->at("imu"), 5 * kNsPerMs);
    session.undoStack()->undo();
    QCOMPARE(session.streamOffsets(rec)->count("imu"), std::size_t(0));
    QCOMPARE(changed.last().at(1).value<std::string>(), std::string("imu"));
    QCOMPARE(changed.last().at(2).toLongLong(), qint64(0));
    session.undoStack()->undo();
    QVERIFY(session.streamOffsets(rec)->empty());
    QCOMPARE(changed.last().at(2).toLongLong(), qint64(0));
    session.undoStack()->redo();
    QCOMPARE(session.streamOffsets(rec)->at("rgb"), 99 * kNsPerMs);
    // Setting the value already stored pushes nothing.
    const int before = session.undoStack()->count();
    QVERIFY(session.setStreamOffset(rec, "rgb", 99 * kNsPerMs).ok());
    QCOMPARE(session.undoStack()->count(), before);
  }

  void readOnlyProjectRefuses() {
    const auto p = testutil::path(m_dir, "ro.tacit");
    {
      auto store = ProjectStore::create(p);
      QVERIFY(store.ok());
      testutil::writeRecording(testutil::path(m_dir, "d"), "ud");
      QVERIFY((*store)->addRecording(testutil::path(m_dir, "d")).ok());
    }
    ProjectOpenOptions o;
    o.readOnly = true;
    auto s = ProjectSession::open(p, o);
    QVERIFY(s.ok());
    const Status st = (*s)->setStreamOffset(1, "rgb", 1);
    QVERIFY(!st.ok());
    QVERIFY2(st.error().find("read-only") != std::string::npos, st.error().c_str());
  }

  void version2FileMigratesForward() {
    const auto p = testutil::path(m_dir, "v2.tacit");
    QVERIFY(ProjectStore::createAtVersion(p, 2).ok());
    {
      SqliteDb db;
      QVERIFY(db.open(p.string(), false, false).ok());
      QCOMPARE(*db.queryInt("PRAGMA user_version"), 2);
      QCOMPARE(*db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'stream_offsets'"), 0);
      QVERIFY(db.exec("INSERT INTO recordings(uuid, rel_path, manifest_hash, added_at_ms) VALUES ('u1', 'r1', 'h', 1);"
                      "INSERT INTO redactions(recording_id, start_ns, end_ns, created_at_ms) VALUES (1, 5, 9, 1);")
                  .ok());
    }
    auto store = ProjectStore::open(p);
    QVERIFY2(store.ok(), store.error().c_str());
    QVERIFY((*store)->schemaVersion() >= 4);
    QCOMPARE((*store)->redactions(1)->size(), std::size_t(1));
    QVERIFY((*store)->streamOffsets(1)->empty());
    QVERIFY((*store)->setStreamOffset(1, "rgb", 200 * kNsPerMs).ok());
    QCOMPARE((*store)->streamOffsets(1)->at("rgb"), 200 * kNsPerMs);
    QVERIFY((*store)->checkIntegrity()->empty());
  }
};

QTEST_GUILESS_MAIN(StreamOffsetsTest)
#include "StreamOffsetsTest.moc"
