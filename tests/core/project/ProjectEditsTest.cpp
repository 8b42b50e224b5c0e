// The one edit API (ProjectSession) for what issue #15 adds: the review rule in core ("a rejection
// needs a reason", for the store, the session and the CLI alike), undoable recording metadata (an
// imported video gets its worker), labels created with a distinct colour and the next free key,
// friendly name clashes instead of SQLite constraint text, and adding recording folders.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ProjectTestUtil.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "core/project/TaxonomyModel.h"

using namespace tacit::project;

class ProjectEditsTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<ProjectSession> m_session;
  Id m_rec = 0;

private slots:
  void init() {
    QVERIFY(m_dir.isValid());
    const auto path = testutil::path(m_dir, "p.tacit");
    std::filesystem::remove(path);
    auto s = ProjectSession::create(path);
    QVERIFY2(s.ok(), s.error().c_str());
    m_session = s.takeValue();
    testutil::writeRecording(testutil::path(m_dir, "recs/a"), "ua", "", "");
    auto added = m_session->addRecordings(testutil::path(m_dir, "recs"));
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().c_str());
    QCOMPARE(added->size(), std::size_t(1));
    m_rec = added->front();
    QCOMPARE(m_session->recordingAt(testutil::path(m_dir, "recs/a")), m_rec);
  }
  void cleanup() { m_session.reset(); }

  void rejectionNeedsAReasonEverywhere() {
    QVERIFY(!checkReviewReason(ReviewStatus::Rejected, "  \t").ok());
    QVERIFY(checkReviewReason(ReviewStatus::Approved, "").ok());
    // The store refuses it for every caller.
    auto direct = m_session->store().addReview(m_rec, ReviewStatus::Rejected, " ");
    QVERIFY(!direct.ok());
    QVERIFY2(QString::fromStdString(direct.error()).contains("a rejection needs a reason"), direct.error().c_str());
    // The session refuses it before anything reaches the undo stack.
    const int before = m_session->undoStack()->count();
    QVERIFY(!m_session->setReviewStatus(m_rec, ReviewStatus::Rejected, "").ok());
    QCOMPARE(m_session->undoStack()->count(), before);
    QVERIFY(m_session->store().reviewHistory(m_rec)->empty());
    // With a reason: one undoable step, the document and the recordings list follow.
    QVERIFY(m_session->setReviewStatus(m_rec, ReviewStatus::Rejected, "too dark").ok());
    QCOMPARE(m_session->store().recording(m_rec)->status, ReviewStatus::Rejected);
    QCOMPARE((*m_session->documentFor(m_rec))->reviewStatus(), ReviewStatus::Rejected);
    QTRY_COMPARE(m_session->recordings()->index(0, 0).data(RecordingListModel::StatusRole).toString(),
                 QStringLiteral("rejected"));
    m_session->undoStack()->undo();
    QCOMPARE(m_session->store().recording(m_rec)->status, ReviewStatus::Unreviewed);
  }

  void recordingMetadataIsUndoable() {
    auto *list = m_session->recordings();
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(m_session.get(), &ProjectSession::recordingMetadataChanged);
    const QModelIndex worker = list->index(0, RecordingListModel::WorkerColumn);
    QVERIFY(list->flags(worker) & Qt::ItemIsEditable);
    QVERIFY(!(list->flags(list->index(0, RecordingListModel::StatusColumn)) & Qt::ItemIsEditable));
    // The table's worker cell: one undo step through the session.
    QVERIFY(list->setData(worker, QStringLiteral("  ada  ")));
    QCOMPARE(m_session->store().recording(m_rec)->workerId, std::string("ada"));
    QCOMPARE(changed.count(), 1);
    QTRY_COMPARE(list->index(0, RecordingListModel::WorkerColumn).data().toString(), QStringLiteral("ada"));
    QVERIFY(m_session->setRecordingMetadata(m_rec, {"ada", "Ada Worker", "pour water", "lab 2"}).ok());
    auto rec = *m_session->store().recording(m_rec);
    QCOMPARE(rec.workerName, std::string("Ada Worker"));
    QCOMPARE(rec.task, std::string("pour water"));
    QCOMPARE(rec.site, std::string("lab 2"));
    QTRY_COMPARE(list->index(0, RecordingListModel::SiteColumn).data().toString(), QStringLiteral("lab 2"));
    m_session->undoStack()->undo();
    QCOMPARE(m_session->store().recording(m_rec)->task, std::string());
    m_session->undoStack()->undo();
    QCOMPARE(m_session->store().recording(m_rec)->workerId, std::string());
    m_session->undoStack()->redo();
    QCOMPARE(m_session->store().recording(m_rec)->workerId, std::string("ada"));
    // Undo gave back the name recording.json had; an unknown recording is refused, nothing pushed.
    m_session->undoStack()->undo();
    QCOMPARE(m_session->store().recording(m_rec)->workerName, std::string("Worker")); // trimmed
    const int count = m_session->undoStack()->count();
    QVERIFY(!m_session->setRecordingMetadata(9999, {"x", "", "", ""}).ok());
    QCOMPARE(m_session->undoStack()->count(), count);
    // Every change is in the audit log.
    int audited = 0;
    const auto log = m_session->store().auditLog();
    QVERIFY(log.ok());
    for (const auto &e : *log)
      audited += e.action == "recording.metadata";
    QVERIFY(audited >= 3);
  }

  void labelsGetDistinctColoursKeysAndFriendlyClashes() {
    TaxonomyModel *tax = m_session->taxonomy();
    QSet<QString> colours;
    for (int i = 0; i < 10; ++i) {
      auto id = tax->createLabel(0, tax->uniqueName(0, "New label"));
      QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
      const Label *l = tax->label(*id);
      QCOMPARE(l->key, i < 9 ? i + 1 : 0); // the next free key, none once 1-9 are taken
      colours.insert(QString::fromStdString(l->colour));
      QVERIFY(l->colour != "#808080"); // never the unlabelled grey
    }
    QCOMPARE(colours.size(), 10);
    QCOMPARE(tax->label(tax->findLabel(0, "new label 2"))->name, std::string("New label 2"));
    // Clashes are explained in words, not with the index name.
    auto clash = tax->addLabel(0, "new LABEL");
    QVERIFY(!clash.ok());
    QVERIFY2(QString::fromStdString(clash.error()).contains("already a label"), clash.error().c_str());
    QVERIFY(!QString::fromStdString(clash.error()).contains("UNIQUE"));
    QVERIFY(!tax->nameProblem(0, "a/b").isEmpty());
    QVERIFY(!tax->nameProblem(0, "   ").isEmpty());
    // Renaming onto a sibling's name is refused the same way (and reported for inline edits).
    QSignalSpy errors(tax, &TaxonomyModel::errorOccurred);
    const Id second = tax->findLabel(0, "New label 2");
    QVERIFY(!tax->setData(tax->indexForId(second), QStringLiteral("New label")));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("already a label")));
    QVERIFY(tax->setData(tax->indexForId(second), QStringLiteral("Pour")));
    // A child may share its parent's sibling's name.
    QVERIFY(tax->addLabel(second, "New label").ok());
  }
};

QTEST_GUILESS_MAIN(ProjectEditsTest)
#include "ProjectEditsTest.moc"
