// Curation in the main window with real key events: Tab jumps to a suggested boundary, Enter accepts
// it as a boundary (a segment on the task track), Ctrl+Z undoes it; Delete dismisses one; E jumps to
// the next integrity issue; W ("next worst") opens the most degraded recording at its worst span;
// Shift+W turns the selected queue item into a typed flag (one undo step with its state). The queue
// model runs under QAbstractItemModelTester.
#include "tests/widgets/GuiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>

#include "core/curation/ProjectCuration.h"
#include "core/curation/QueueModel.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/util/Job.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/curation/CurationController.h"
#include "widgets/curation/QueuePanel.h"
#include "widgets/timeline/TimelineWidget.h"

using namespace tacit;
using project::Id;

class CurationGuiTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_project;
  Id m_clean = 0, m_worst = 0;
  std::unique_ptr<MainWindow> m_window;
  std::unique_ptr<QAbstractItemModelTester> m_tester;

  CurationController *curation() { return m_window->curation(); }
  project::ProjectSession *session() { return m_window->project(); }
  project::AnnotationDocument *doc(Id id) { return *session()->documentFor(id); }
  void key(int k, Qt::KeyboardModifiers mods = {}) {
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, static_cast<Qt::Key>(k), mods);
  }
  bool openAndWait(Id id) {
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    if (!m_window->projects().openRecording(id))
      return false;
    if (session()->currentRecordingId() != id)
      return false;
    return QTest::qWaitFor([&] { return m_window->session() && m_window->session()->framesSettled(); }, 30000) &&
           QTest::qWaitFor([&] { return !curation()->isAnalysing() && !curation()->suggestions().empty(); }, 30000);
  }

private slots:
  void initTestCase() {
    m_project = m_dir.filePath(QStringLiteral("p.tacit"));
    auto store = project::ProjectStore::create(m_project.toStdString());
    QVERIFY2(store.ok(), store.error().c_str());
    for (int level : {0, 8}) {
      sample::SampleOptions o;
      o.durationSec = 6;
      o.width = 256;
      o.height = 192;
      o.imuHz = 500;
      o.seed = static_cast<std::uint64_t>(3 + level);
      o.degradation = sample::degradationForLevel(level);
      const std::string folder = m_dir.filePath(QStringLiteral("level%1").arg(level)).toStdString();
      auto r = sample::generateSample(o, folder);
      QVERIFY2(r.ok(), r.error().c_str());
      auto rec = (*store)->addRecording(folder);
      QVERIFY2(rec.ok(), rec.error().c_str());
      (level ? m_worst : m_clean) = rec->id;
    }
    // The queue reads stored analyses: analyse the project first (as `tacit-cli curate queue` does).
    auto report = curation::analyseProject(**store, false);
    QVERIFY2(report.ok() && report->analysed == 2, report.ok() ? "" : report.error().c_str());
    store->reset();

    MainWindow::Options o;
    o.restoreSettings = false;
    m_window = std::make_unique<MainWindow>(o);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY2(m_window->actions().conflicts().isEmpty(), qPrintable(m_window->actions().conflicts().join("; ")));
    QVERIFY(m_window->projects().openProject(m_project));
    m_tester = std::make_unique<QAbstractItemModelTester>(curation()->queuePanel()->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(curation()->queuePanel()->model()->rowCount(), 2);
  }

  void tabToSuggestionEnterAcceptsCtrlZUndoes() {
    QVERIFY(openAndWait(m_clean));
    m_window->timeControl().setTime(m_window->timeline()->range().begin);
    QVERIFY(doc(m_clean)->segments().empty());
    key(Qt::Key_Tab);
    QTRY_VERIFY(curation()->activeSuggestion() >= 0);
    const auto &s = curation()->suggestions()[static_cast<std::size_t>(curation()->activeSuggestion())];
    const Timestamp t = s.boundary.t;
    QVERIFY(std::llabs(m_window->timeControl().time() - t) < 20 * kNsPerMs);
    const int undoBefore = session()->undoStack()->index(); // the undone step above is redo history
    key(Qt::Key_Return);
    QTRY_COMPARE(doc(m_clean)->segments().size(), std::size_t(1));
    const auto seg = doc(m_clean)->segments().front();
    QVERIFY(std::llabs(seg.startNs - t) < 40 * kNsPerMs); // snapped to a frame
    QCOMPARE(session()->undoStack()->index(), undoBefore + 1);
    QCOMPARE(session()->undoStack()->count(), undoBefore + 1); // the macro replaced the redo history // one undo step
    key(Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(doc(m_clean)->segments().empty());

    // Shift+Tab goes back, Delete dismisses (and does not delete anything).
    key(Qt::Key_Tab);
    key(Qt::Key_Tab);
    QTRY_VERIFY(curation()->activeSuggestion() >= 1);
    const int second = curation()->activeSuggestion();
    key(Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_COMPARE(curation()->activeSuggestion(), second - 1);
    key(Qt::Key_Delete);
    QTRY_VERIFY(curation()->suggestions()[static_cast<std::size_t>(second - 1)].dismissed);
    QVERIFY(doc(m_clean)->segments().empty());
  }

  void acceptAboveIsOneUndoStep() {
    const int undoBefore = session()->undoStack()->index(); // the undone step above is redo history
    const int n = curation()->acceptAbove(0.5, m_window->timeline()->range());
    QVERIFY(n >= 2); // includes the suggestion accepted and undone above: "accepted" follows the document
    QCOMPARE(session()->undoStack()->index(), undoBefore + 1);
    QCOMPARE(session()->undoStack()->count(), undoBefore + 1); // the macro replaced the redo history
    QVERIFY(doc(m_clean)->segments().size() >= 2);
    key(Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(doc(m_clean)->segments().empty());
  }

  void nextIntegrityIssue() {
    m_window->timeControl().setTime(m_window->timeline()->range().begin);
    QVERIFY(!curation()->issues().empty()); // the sample's built-in dropout
    key(Qt::Key_E);
    QTRY_COMPARE(m_window->timeControl().time(), curation()->issues().front().range.begin);
  }

  void nextWorstOpensTheWorstRecordingAtItsWorstSpan() {
    QTableView *view = curation()->queuePanel()->view();
    key(Qt::Key_W);
    QTRY_COMPARE(session()->currentRecordingId(), m_worst);
    const auto *model = curation()->queuePanel()->model();
    const auto *entry = model->entry(model->rowOf(m_worst));
    QVERIFY(entry && !entry->worst.empty());
    QCOMPARE(model->rowOf(m_worst), 0);
    QTRY_VERIFY(m_window->session() && m_window->session()->framesSettled());
    QTRY_COMPARE(m_window->timeControl().time(), entry->worst.begin);
    QCOMPARE(curation()->queuePanel()->selectedRecording(), m_worst);
    QVERIFY(view->isVisible());
  }

  void queueItemBecomesAFlag() {
    QCOMPARE(curation()->queuePanel()->selectedRecording(), m_worst);
    QVERIFY(doc(m_worst)->flags().empty());
    const int undoBefore = session()->undoStack()->index(); // the undone step above is redo history
    key(Qt::Key_W, Qt::ShiftModifier);
    QTRY_COMPARE(doc(m_worst)->flags().size(), std::size_t(1));
    const auto *model = curation()->queuePanel()->model();
    QCOMPARE(model->entry(model->rowOf(m_worst))->state.state, project::QueueState::Flagged);
    QCOMPARE(model->entry(model->rowOf(m_worst))->state.flagId, doc(m_worst)->flags().front().id);
    QCOMPARE(session()->undoStack()->index(), undoBefore + 1);
    QCOMPARE(session()->undoStack()->count(), undoBefore + 1); // the macro replaced the redo history
    auto states = session()->store().queueStates();
    QCOMPARE(states->size(), std::size_t(1));
    QCOMPARE(states->front().state, project::QueueState::Flagged);
    QVERIFY(!states->front().reviewer.empty());
    key(Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(doc(m_worst)->flags().empty());
    QCOMPARE(model->entry(model->rowOf(m_worst))->state.state, project::QueueState::Open);
    // Reviewed keeps reviewer and time.
    key(Qt::Key_W, Qt::AltModifier);
    QTRY_COMPARE(model->entry(model->rowOf(m_worst))->state.state, project::QueueState::Reviewed);
    QVERIFY(model->entry(model->rowOf(m_worst))->state.atMs > 0);
  }

  void cleanupTestCase() {
    m_tester.reset();
    m_window.reset();
  }
};

TACIT_GUI_TEST_MAIN(CurationGuiTest)
#include "CurationGuiTest.moc"
