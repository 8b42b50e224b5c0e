// The worst-first queue over a project: analyses are stored in the project file (migration 3),
// reopening reads them without media, the combined score puts the most degraded recording first,
// sorting by a metric works, item states (reviewer, time) persist, and pixel metrics respect
// consent and redactions.
#include <QTemporaryDir>
#include <QtTest>

#include "CurationTestUtil.h"
#include "core/curation/CurationQueue.h"
#include "core/curation/ProjectCuration.h"
#include "core/project/ProjectSchema.h"

using namespace tacit;
using namespace tacit::curation;
using namespace tacit::project;

class CurationQueueTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::filesystem::path m_project;

  std::unique_ptr<ProjectStore> open() {
    auto s = ProjectStore::open(m_project);
    if (!s)
      qFatal("%s", s.error().c_str());
    return s.takeValue();
  }

private slots:
  void initTestCase() {
    m_project = m_dir.path().toStdString() + "/p.tacit";
    auto store = ProjectStore::create(m_project);
    QVERIFY2(store.ok(), store.error().c_str());
    for (int level : {0, 4, 9}) {
      auto o = curationtest::smallOptions(static_cast<std::uint64_t>(11 + level), 5);
      o.degradation = sample::degradationForLevel(level);
      std::string error;
      const auto folder = curationtest::makeSample(m_dir.path(), QString("level%1").arg(level), o, &error);
      QVERIFY2(!folder.empty(), error.c_str());
      auto rec = (*store)->addRecording(folder);
      QVERIFY2(rec.ok(), rec.error().c_str());
    }
  }

  void migrationAddsTheCurationTables() {
    QTemporaryDir dir;
    const std::filesystem::path p = dir.path().toStdString() + "/old.tacit";
    QVERIFY(ProjectStore::createAtVersion(p, 2).ok());
    auto store = ProjectStore::open(p);
    QVERIFY2(store.ok(), store.error().c_str());
    QCOMPARE((*store)->schemaVersion(), ProjectSchema::currentVersion());
    QVERIFY((*store)->curationAnalyses()->empty());
    QVERIFY((*store)->queueStates()->empty());
  }

  void analysesAreStoredAndTheWorstComesFirst() {
    {
      auto store = open();
      auto report = analyseProject(*store, false);
      QVERIFY2(report.ok(), report.error().c_str());
      QCOMPARE(report->analysed, 3);
      QCOMPARE(report->failed, 0);
      auto again = analyseProject(*store, false);
      QCOMPARE(again->analysed, 0);
      QCOMPARE(again->upToDate, 3);
    }
    auto store = open();
    auto queue = loadQueue(*store);
    QVERIFY2(queue.ok(), queue.error().c_str());
    QCOMPARE(queue->size(), std::size_t(3));
    QVERIFY(sortQueue(*queue, "combined"));
    QCOMPARE(QString::fromStdString((*queue)[0].recording.relativePath), QStringLiteral("level9"));
    QCOMPARE(QString::fromStdString((*queue)[2].recording.relativePath), QStringLiteral("level0"));
    QVERIFY((*queue)[0].combined > (*queue)[2].combined);
    QVERIFY(!(*queue)[0].reasons.empty());
    QVERIFY(!(*queue)[0].worst.empty());
    QVERIFY((*queue)[0].metrics.span.contains((*queue)[0].worst.begin));
    for (const auto &e : *queue) {
      QVERIFY(e.analysed && !e.stale);
      QVERIFY(e.durationNs() > 4 * kNsPerSecond);
      QVERIFY(!e.suggestions.empty());
    }
    QVERIFY(sortQueue(*queue, "jerk_p95"));
    QVERIFY((*queue)[0].metrics.normalised("jerk_p95") >= (*queue)[1].metrics.normalised("jerk_p95"));
    QVERIFY(sortQueue(*queue, "path_efficiency")); // lower is worse
    QVERIFY((*queue)[0].metrics.normalised("path_efficiency") <= (*queue)[2].metrics.normalised("path_efficiency"));
    QVERIFY(!sortQueue(*queue, "no_such_metric"));
  }

  void itemStatesPersistWithReviewerAndTime() {
    Id id = 0;
    {
      auto store = open();
      id = store->recordings()->front().id;
      QVERIFY(store->setQueueState({id, QueueState::Reviewed, "ann", 1234, 0, "looked fine"}).ok());
    }
    auto store = open();
    auto queue = loadQueue(*store);
    const auto it =
        std::find_if(queue->begin(), queue->end(), [&](const QueueEntry &e) { return e.recording.id == id; });
    QVERIFY(it != queue->end());
    QCOMPARE(it->state.state, QueueState::Reviewed);
    QCOMPARE(QString::fromStdString(it->state.reviewer), QStringLiteral("ann"));
    QCOMPARE(it->state.atMs, std::int64_t(1234));
    QVERIFY(store->setQueueState({id, QueueState::Open, "ann", 1300, 0, ""}).ok());
  }

  void pixelMetricsNeedConsentAndSkipRedactions() {
    auto store = open();
    const RecordingRecord rec = store->recordings()->front();
    auto hidden = hiddenForPixels(*store, rec);
    QVERIFY(hidden.ok());
    QVERIFY(hidden->everything); // nothing granted yet
    auto a = analyseProjectRecording(*store, rec);
    QVERIFY2(a.ok(), a.error().c_str());
    QVERIFY(a->frames.empty());
    QVERIFY(!a->pixelNote.empty());

    ConsentEvent grant;
    grant.kind = ConsentKind::Granted;
    grant.workerId = rec.workerId;
    grant.signature = "Sample Worker";
    QVERIFY(store->appendConsent(grant).ok());
    Redaction cut;
    cut.recordingId = rec.id;
    cut.startNs = a->span.begin;
    cut.endNs = a->span.begin + 2 * kNsPerSecond;
    QVERIFY(store->addRedaction(cut).ok());
    auto b = analyseProjectRecording(*store, rec);
    QVERIFY2(b.ok(), b.error().c_str());
    QVERIFY(!b->frames.empty());
    for (const FrameQuality &f : b->frames)
      QVERIFY(f.t >= cut.endNs);
    QVERIFY(b->recording.get("sharpness") != nullptr);
  }
};

QTEST_GUILESS_MAIN(CurationQueueTest)
#include "CurationQueueTest.moc"
