// ProjectSession: the current recording's document and models, one undo stack across recordings,
// and a recordings list that follows segment, flag, review and label edits.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ProjectTestUtil.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "core/project/SegmentTableModel.h"
#include "core/project/TaxonomyModel.h"

using namespace tacit::project;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QVariant roleOf(RecordingListModel *m, Id id, int role) {
  return m->index(m->rowOf(id), 0).data(role);
}
} // namespace

class ProjectSessionTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<ProjectSession> m_session;
  Id m_rec1 = 0, m_rec2 = 0;

private slots:
  void init() {
    QVERIFY(m_dir.isValid());
    const auto path = testutil::path(m_dir, "p.tacit");
    std::filesystem::remove(path);
    auto s = ProjectSession::create(path);
    QVERIFY2(s.ok(), s.error().c_str());
    m_session = s.takeValue();
    testutil::writeRecording(testutil::path(m_dir, "r1"), "u1", "alice", "pick cup");
    testutil::writeRecording(testutil::path(m_dir, "r2"), "u2", "bob", "open drawer");
    m_rec1 = m_session->store().addRecording(testutil::path(m_dir, "r1"))->id;
    m_rec2 = m_session->store().addRecording(testutil::path(m_dir, "r2"))->id;
    QVERIFY(m_session->refreshRecordings().ok());
  }
  void cleanup() { m_session.reset(); }

  void currentRecordingBuildsModels() {
    QAbstractItemModelTester recTester(m_session->recordings(), kFatal);
    QAbstractItemModelTester taxTester(m_session->taxonomy(), kFatal);
    QCOMPARE(m_session->name(), QStringLiteral("p"));
    QVERIFY(!m_session->isReadOnly());
    QVERIFY(!m_session->document() && !m_session->segments() && !m_session->flags());
    QSignalSpy changed(m_session.get(), &ProjectSession::currentRecordingChanged);
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Id>(), m_rec1);
    QVERIFY(m_session->document() && m_session->segments() && m_session->flags());
    QCOMPARE(m_session->document()->recordingId(), m_rec1);
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok()); // same id: no signal
    QCOMPARE(changed.count(), 1);
    QVERIFY(!m_session->setCurrentRecording(9999).ok());
    QCOMPARE(m_session->currentRecordingId(), m_rec1);
    QVERIFY(m_session->setCurrentRecording(0).ok());
    QVERIFY(!m_session->document());
    QCOMPARE(changed.count(), 2);
  }

  void recordingsListFollowsEdits() {
    auto *list = m_session->recordings();
    QAbstractItemModelTester recTester(list, kFatal);
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok());
    QAbstractItemModelTester segTester(m_session->segments(), kFatal);
    QAbstractItemModelTester flagTester(m_session->flags(), kFatal);
    AnnotationDocument *doc = m_session->document();
    const Id task = m_session->store().trackByName("task")->id;
    QVERIFY(doc->createSegment(task, 0, 1'000'000'000).ok());
    QVERIFY(doc->addFlag(FlagReason::MotionBlur, 3, std::nullopt, "blurry").ok());
    QVERIFY(doc->setReviewStatus(ReviewStatus::Approved).ok());
    QCOMPARE(m_session->segments()->rowCount(), 1);
    QCOMPARE(m_session->flags()->rowCount(), 1);
    QTRY_COMPARE(roleOf(list, m_rec1, RecordingListModel::SegmentCountRole).toInt(), 1);
    QTRY_COMPARE(roleOf(list, m_rec1, RecordingListModel::FlagCountRole).toInt(), 1);
    QTRY_COMPARE(roleOf(list, m_rec1, RecordingListModel::StatusRole).toString(), QStringLiteral("approved"));
    m_session->undoStack()->undo();
    QTRY_COMPARE(roleOf(list, m_rec1, RecordingListModel::StatusRole).toString(), QStringLiteral("unreviewed"));
  }

  void undoAcrossRecordingsUpdatesTheRightDocument() {
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok());
    AnnotationDocument *doc1 = m_session->document();
    const Id task = m_session->store().trackByName("task")->id;
    QVERIFY(doc1->createSegment(task, 0, 1'000'000'000).ok());
    QVERIFY(m_session->setCurrentRecording(m_rec2).ok());
    QVERIFY(m_session->document() != doc1);
    QCOMPARE(m_session->segments()->rowCount(), 0);
    m_session->undoStack()->undo(); // the segment of recording 1
    QCOMPARE(doc1->segments().size(), std::size_t(0));
    QCOMPARE(m_session->document()->segments().size(), std::size_t(0));
    QCOMPARE(m_session->store().segments(m_rec1)->size(), std::size_t(0));
    QTRY_COMPARE(roleOf(m_session->recordings(), m_rec1, RecordingListModel::SegmentCountRole).toInt(), 0);
    m_session->undoStack()->redo();
    QCOMPARE(doc1->segments().size(), std::size_t(1));
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok());
    QCOMPARE(m_session->document(), doc1); // cached per recording
    QCOMPARE(m_session->segments()->rowCount(), 1);
  }

  void removingALabelUpdatesOpenDocuments() {
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok());
    auto *tax = m_session->taxonomy();
    const Id reach = *tax->addLabel(0, "reach", "#ff0000", 1);
    const Id task = m_session->store().trackByName("task")->id;
    const Id seg = *m_session->document()->createSegment(task, 0, 1'000'000'000, reach);
    QVERIFY(tax->removeLabel(reach).ok());
    QCOMPARE(m_session->document()->segment(seg)->labelId, Id(0));
    QCOMPARE(m_session->segments()->index(0, SegmentTableModel::LabelColumn).data().toString(), QString());
    m_session->undoStack()->undo();
    QCOMPARE(m_session->document()->segment(seg)->labelId, reach);
    QCOMPARE(m_session->segments()->index(0, SegmentTableModel::LabelColumn).data().toString(),
             QStringLiteral("reach"));
  }

  void saveCopyAsKeepsRecordingsReachable() {
    QVERIFY(m_session->setCurrentRecording(m_rec1).ok());
    const Id task = m_session->store().trackByName("task")->id;
    QVERIFY(m_session->document()->createSegment(task, 0, 1'000'000'000).ok());
    const auto sub = testutil::path(m_dir, "copies");
    std::filesystem::create_directories(sub);
    const auto copyPath = sub / "copy.tacit";
    std::filesystem::remove(copyPath);
    QVERIFY(m_session->store().saveCopyAs(copyPath).ok());
    QVERIFY(!m_session->store().saveCopyAs(copyPath).ok()); // never overwrites
    auto copy = ProjectSession::open(copyPath);
    QVERIFY2(copy.ok(), copy.error().c_str());
    QVERIFY(!(*copy)->isReadOnly());
    auto sums = (*copy)->store().recordingSummaries();
    QCOMPARE(sums->size(), std::size_t(2));
    for (const auto &s : *sums)
      QCOMPARE(s.media, MediaState::Ok);
    QCOMPARE((*copy)->store().segments(m_rec1)->size(), std::size_t(1));
    QVERIFY((*copy)->store().checkIntegrity()->empty());
  }

  void secondSessionIsReadOnly() {
    auto second = ProjectSession::open(m_session->path());
    QVERIFY2(second.ok(), second.error().c_str());
    QVERIFY((*second)->isReadOnly());
    QVERIFY(!(*second)->readOnlyReason().isEmpty());
    QVERIFY((*second)->setCurrentRecording(m_rec1).ok());
    QVERIFY(!(*second)->document()->setReviewStatus(ReviewStatus::Approved).ok());
  }
};

QTEST_GUILESS_MAIN(ProjectSessionTest)
#include "ProjectSessionTest.moc"
