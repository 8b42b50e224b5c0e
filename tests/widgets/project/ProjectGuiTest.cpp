// The project in the main window end to end: a project of generated sample recordings opened through
// MainWindow; recordings filters, Next unreviewed, approve with undo/redo and its history, taxonomy
// edits with undo, a flag from the dialog over the loop span, segment table edits and a double-click
// that moves the playhead, Save As, a second window that opens read-only with the lock reason,
// consent column, and relink of a moved recording. Every model runs under QAbstractItemModelTester.
#include "tests/widgets/GuiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/consent/ConsentLedger.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "core/project/SegmentTableModel.h"
#include "core/project/TaxonomyModel.h"
#include "core/util/AtomicFile.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/project/FlagEditDialog.h"
#include "widgets/project/FlagsPanel.h"
#include "widgets/project/RecordingFilterBar.h"
#include "widgets/project/RecordingsPanel.h"
#include "widgets/project/RejectReasonDialog.h"
#include "widgets/project/ReviewHistoryView.h"
#include "widgets/project/SegmentSortProxy.h"
#include "widgets/project/SegmentsPanel.h"
#include "widgets/project/TaxonomyEditor.h"

using namespace tacit;
using project::Id;
using project::RecordingListModel;
namespace fs = std::filesystem;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// A copy of the sample with its own id, worker and task (same media).
bool copyRecording(const fs::path &from, const fs::path &to, const std::string &id, const std::string &worker,
                   const std::string &task) {
  std::error_code ec;
  fs::create_directories(to, ec);
  fs::copy(from, to, fs::copy_options::recursive, ec);
  if (ec)
    return false;
  auto text = readSmallFile(to / "recording.json");
  if (!text)
    return false;
  auto j = nlohmann::json::parse(*text);
  j["id"] = id;
  j["worker"] = {{"id", worker}, {"name", worker}};
  j["task"] = task;
  return writeFileAtomically(to / "recording.json", j.dump(2)).ok();
}
} // namespace

class ProjectGuiTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_projectPath;
  std::unique_ptr<MainWindow> m_window;
  std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

  ProjectController &projects() { return m_window->projects(); }
  project::ProjectSession *session() { return m_window->project(); }
  RecordingsPanel *recordings() { return projects().recordingsPanel(); }
  void trigger(const char *id) {
    QAction *a = m_window->actions().action(QString::fromLatin1(id));
    QVERIFY2(a, id);
    QVERIFY2(a->isEnabled(), id);
    a->trigger();
    QCoreApplication::processEvents();
  }
  void watch(QAbstractItemModel *m) { m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m, kFatal)); }
  QString statusOf(Id id) {
    auto *m = session()->recordings();
    return m->index(m->rowOf(id), 0).data(RecordingListModel::StatusRole).toString();
  }
  // Brings the (tabified) dock holding w to the front so it receives mouse events.
  void raise(QWidget *w) {
    for (QWidget *p = w; p; p = p->parentWidget())
      if (auto *dock = qobject_cast<QDockWidget *>(p)) {
        dock->show();
        dock->raise();
        break;
      }
    QVERIFY(QTest::qWaitFor([w] { return w->isVisible(); }, 5000));
    QTest::qWait(50); // layout
  }
  // A real double-click: press and release, then the double-click event (item views need the press).
  static void doubleClick(QAbstractItemView *view, QPoint at) {
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
  }
  bool waitSettled() {
    return QTest::qWaitFor([&] { return m_window->session() && m_window->session()->framesSettled(); }, 20000);
  }

private slots:
  void initTestCase() {
    QString error;
    const QString sample = guitest::makeSample(m_dir, &error);
    QVERIFY2(!sample.isEmpty(), qPrintable(error));
    const fs::path root = m_dir.path().toStdString();
    QVERIFY(copyRecording(root / "rec", root / "recs" / "alice-1", "rec-alice-1", "alice", "open drawer"));
    QVERIFY(copyRecording(root / "rec", root / "recs" / "bob-1", "rec-bob-1", "bob", "pick cup"));
    QVERIFY(copyRecording(root / "rec", root / "recs" / "alice-2", "rec-alice-2", "alice", "pick cup"));
    MainWindow::Options o;
    o.restoreSettings = false;
    m_window = std::make_unique<MainWindow>(o);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY2(m_window->actions().conflicts().isEmpty(), qPrintable(m_window->actions().conflicts().join("; ")));

    // Create through File → New Project and Add Recordings, then reopen through Open Project.
    m_projectPath = m_dir.filePath(QStringLiteral("study.tacit"));
    QSignalSpy changed(m_window.get(), &MainWindow::projectChanged);
    QVERIFY(projects().newProject(m_projectPath));
    QVERIFY(session());
    QVERIFY(projects().addRecordings(m_dir.filePath(QStringLiteral("recs"))));
    QCOMPARE(session()->recordings()->rowCount(), 3);
    projects().closeProject();
    QVERIFY(!m_window->project());
    QVERIFY(projects().openProject(m_projectPath));
    QVERIFY(changed.count() >= 3);
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("study — ")));
    QVERIFY(projects().recentProjects().contains(m_projectPath));
    watch(session()->recordings());
    watch(recordings()->proxy());
    watch(session()->taxonomy());
  }

  void cleanupTestCase() {
    m_testers.clear();
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void filtersRecordings() {
    RecordingFilterBar *bar = recordings()->filterBar();
    QSortFilterProxyModel *proxy = recordings()->proxy();
    QCOMPARE(proxy->rowCount(), 3);
    bar->workerEdit()->setText(QStringLiteral("bob"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(RecordingListModel::WorkerIdRole).toString(), QStringLiteral("bob"));
    bar->workerEdit()->clear();
    bar->taskEdit()->setText(QStringLiteral("cup"));
    QCOMPARE(proxy->rowCount(), 2);
    bar->textEdit()->setText(QStringLiteral("alice"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(RecordingListModel::UuidRole).toString(), QStringLiteral("rec-alice-2"));
    bar->textEdit()->clear();
    bar->taskEdit()->clear();
    bar->statusCombo()->setCurrentIndex(bar->statusCombo()->findData(QStringLiteral("approved")));
    QCOMPARE(proxy->rowCount(), 0);
    bar->statusCombo()->setCurrentIndex(0);
    bar->minFlagsSpin()->setValue(1);
    QCOMPARE(proxy->rowCount(), 0);
    bar->minFlagsSpin()->setValue(0);
    QCOMPARE(proxy->rowCount(), 3);
  }

  void nextUnreviewedOpensARecording() {
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    QSignalSpy current(m_window.get(), &MainWindow::currentRecordingChanged);
    recordings()->view()->sortByColumn(RecordingListModel::NameColumn, Qt::AscendingOrder);
    trigger("project.nextUnreviewed"); // first row in view order: alice-1
    QVERIFY(opened.wait(30000));
    QVERIFY(waitSettled());
    const Id id = session()->currentRecordingId();
    QVERIFY(id != 0);
    QCOMPARE(session()->store().recording(id)->uuid, std::string("rec-alice-1"));
    QVERIFY(current.count() >= 1);
    QCOMPARE(recordings()->selectedId(), id);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("study — alice-1 — Tacit"));
    // The document snaps to the loaded video's frames.
    QCOMPARE(session()->document()->frameGrid().times().size(),
             static_cast<std::size_t>(m_window->session()->frameCount()));
    QVERIFY(session()->document()->frameGrid().times().size() > 10);
    watch(session()->segments());
    watch(projects().segmentsPanel()->proxy());
    watch(session()->flags());
  }

  void approveUndoRedo() {
    const Id id = session()->currentRecordingId();
    QCOMPARE(statusOf(id), QStringLiteral("unreviewed"));
    trigger("review.approve");
    QTRY_COMPARE(statusOf(id), QStringLiteral("approved"));
    auto *history = recordings()->history();
    QCOMPARE(history->topLevelItemCount(), 1);
    QCOMPARE(history->topLevelItem(0)->text(0), QStringLiteral("Approved"));
    QVERIFY(m_window->actions().action("edit.undo")->text().contains(QStringLiteral("Undo")));
    trigger("edit.undo");
    QTRY_COMPARE(statusOf(id), QStringLiteral("unreviewed"));
    QCOMPARE(history->topLevelItemCount(), 0);
    trigger("edit.redo");
    QTRY_COMPARE(statusOf(id), QStringLiteral("approved"));
    QCOMPARE(session()->store().recording(id)->status, project::ReviewStatus::Approved);
    // Next unreviewed now skips the approved recording.
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    trigger("project.nextUnreviewed");
    QVERIFY(opened.wait(30000));
    QVERIFY(session()->currentRecordingId() != id);
    QCOMPARE(statusOf(session()->currentRecordingId()), QStringLiteral("unreviewed"));
    // Reject asks for a reason (window-modal dialog, answered here).
    trigger("review.reject");
    RejectReasonDialog *dlg = nullptr;
    QTRY_VERIFY((dlg = m_window->findChild<RejectReasonDialog *>()));
    dlg->reasonEdit()->setText(QStringLiteral("camera covered"));
    dlg->accept();
    QTRY_COMPARE(statusOf(session()->currentRecordingId()), QStringLiteral("rejected"));
    QCOMPARE(recordings()->history()->topLevelItem(0)->text(1), QStringLiteral("camera covered"));
    trigger("edit.undo");
    QTRY_COMPARE(statusOf(session()->currentRecordingId()), QStringLiteral("unreviewed"));
  }

  void taxonomyEditsUndo() {
    TaxonomyEditor *ed = projects().taxonomyEditor();
    auto *tax = session()->taxonomy();
    QVERIFY(ed->addLabel(false));
    QCOMPARE(tax->labels().size(), std::size_t(1));
    const Id first = ed->selectedId();
    QVERIFY(tax->setData(tax->indexForId(first, 0), QStringLiteral("reach")));
    QVERIFY(tax->setData(tax->indexForId(first, project::TaxonomyModel::KeyColumn), 1));
    QVERIFY(ed->setSelectedColour(QColor(QStringLiteral("#ff0000"))));
    QVERIFY(ed->addLabel(true)); // child of reach
    const Id child = ed->selectedId();
    QCOMPARE(tax->label(child)->parentId, first);
    QVERIFY(tax->setData(tax->indexForId(child, 0), QStringLiteral("grasp")));
    ed->select(first);
    QVERIFY(ed->addLabel(false)); // sibling of reach
    const Id second = ed->selectedId();
    QVERIFY(tax->setData(tax->indexForId(second, 0), QStringLiteral("place")));
    QCOMPARE(tax->indexForId(second).row(), 1);
    QVERIFY(ed->moveSelected(-1));
    QCOMPARE(tax->indexForId(second).row(), 0);
    trigger("edit.undo"); // the move is one step
    QCOMPARE(tax->indexForId(second).row(), 1);
    QCOMPARE(tax->path(child), std::string("reach/grasp"));
    ed->select(first);
    QVERIFY(ed->setSelectedColour(QColor(QStringLiteral("#00ff00"))));
    QCOMPARE(tax->label(first)->colour, std::string("#00ff00"));
    trigger("edit.undo");
    QCOMPARE(tax->label(first)->colour, std::string("#ff0000"));
    // Export, then import round-trips the tree.
    const QString json = m_dir.filePath(QStringLiteral("taxonomy.json"));
    QVERIFY(ed->exportFile(json));
    QVERIFY(ed->importFile(json));
    QCOMPARE(tax->labels().size(), std::size_t(3));
    QVERIFY(tax->labelForKey(1) != 0);
    QVERIFY(!ed->importFile(m_dir.filePath(QStringLiteral("nope.json"))));
  }

  void addFlagFromDialog() {
    const Id id = session()->currentRecordingId();
    const TimeRange range = m_window->timeControl().range();
    const TimeRange loop{range.begin + 500'000'000, range.begin + 1'000'000'000};
    m_window->timeControl().setLoop(loop);
    trigger("flags.add");
    auto *dlg = m_window->findChild<FlagEditDialog *>();
    QVERIFY(dlg);
    QVERIFY(dlg->span().has_value()); // the loop is offered and chosen
    dlg->setReason(project::FlagReason::MotionBlur);
    dlg->setSeverity(3);
    dlg->setNote(QStringLiteral("smeared"));
    dlg->accept();
    m_window->timeControl().clearLoop();
    auto *flags = session()->flags();
    QCOMPARE(flags->rowCount(), 1);
    const QModelIndex f = flags->index(0);
    QCOMPARE(f.data(project::FlagListModel::ReasonCodeRole).toString(), QStringLiteral("motion_blur"));
    QCOMPARE(f.data(project::FlagListModel::SeverityRole).toInt(), 3);
    QVERIFY(!f.data(project::FlagListModel::WholeRecordingRole).toBool());
    const auto &grid = session()->document()->frameGrid();
    QCOMPARE(f.data(project::FlagListModel::StartNsRole).toLongLong(), grid.snap(loop.begin));
    auto *list = session()->recordings();
    QTRY_COMPARE(list->index(list->rowOf(id), 0).data(RecordingListModel::FlagCountRole).toInt(), 1);
    // The recordings filter by flag count sees it.
    recordings()->filterBar()->minFlagsSpin()->setValue(1);
    QCOMPARE(recordings()->proxy()->rowCount(), 1);
    recordings()->filterBar()->minFlagsSpin()->setValue(0);
    // Double-click on the flag seeks to its start.
    auto *view = projects().flagsPanel()->view();
    raise(view);
    m_window->timeControl().setTime(range.begin);
    doubleClick(view, view->visualRect(flags->index(0)).center());
    QTRY_COMPARE(m_window->timeControl().time(), grid.snap(loop.begin));
  }

  void segmentTableEditsAndSeeks() {
    auto *doc = session()->document();
    const TimeRange range = m_window->timeControl().range();
    const Id task = session()->store().trackByName("task")->id;
    auto seg = doc->createSegment(task, range.begin + 1'000'000'000, range.begin + 1'500'000'000);
    QVERIFY2(seg.ok(), seg.error().c_str());
    const auto start = doc->segment(*seg)->startNs;
    QCOMPARE(start, doc->frameGrid().snap(range.begin + 1'000'000'000));
    SegmentsPanel *panel = projects().segmentsPanel();
    QTableView *view = panel->view();
    auto *proxy = panel->proxy();
    QCOMPARE(proxy->rowCount(), 1);
    // Relabel through the model (what the label delegate writes) and the note; undo the note.
    const QModelIndex label = proxy->index(0, project::SegmentTableModel::LabelColumn);
    const Id reach = session()->taxonomy()->labelForKey(1);
    QVERIFY(proxy->setData(label, QVariant::fromValue<qint64>(reach), Qt::EditRole));
    QCOMPARE(label.data().toString(), QStringLiteral("reach"));
    QVERIFY(proxy->setData(proxy->index(0, project::SegmentTableModel::NoteColumn), QStringLiteral("first try")));
    QCOMPARE(doc->segment(*seg)->note, std::string("first try"));
    trigger("edit.undo");
    QCOMPARE(doc->segment(*seg)->note, std::string());
    QCOMPARE(doc->segment(*seg)->labelId, reach);
    // The label editor lists the taxonomy by path and writes the chosen id.
    QAbstractItemDelegate *delegate = view->itemDelegateForColumn(project::SegmentTableModel::LabelColumn);
    QVERIFY(delegate);
    std::unique_ptr<QWidget> editor(delegate->createEditor(view->viewport(), QStyleOptionViewItem(), label));
    auto *combo = qobject_cast<QComboBox *>(editor.get());
    QVERIFY(combo);
    QVERIFY(combo->findText(QStringLiteral("reach/grasp")) > 0);
    delegate->setEditorData(combo, label);
    QCOMPARE(combo->currentText(), QStringLiteral("reach"));
    combo->setCurrentIndex(0); // (none)
    delegate->setModelData(combo, proxy, label);
    QCOMPARE(doc->segment(*seg)->labelId, Id(0));
    trigger("edit.undo");
    QCOMPARE(doc->segment(*seg)->labelId, reach);
    // Filter hides it, clearing shows it again.
    panel->filterEdit()->setText(QStringLiteral("no such thing"));
    QCOMPARE(proxy->rowCount(), 0);
    panel->filterEdit()->clear();
    QCOMPARE(proxy->rowCount(), 1);
    // Double-click the row: the playhead moves to the segment start.
    raise(view);
    m_window->timeControl().setTime(range.begin);
    QTRY_COMPARE(m_window->timeControl().time(), range.begin);
    const QRect r = view->visualRect(proxy->index(0, project::SegmentTableModel::StartColumn));
    doubleClick(view, r.center());
    QTRY_COMPARE(m_window->timeControl().time(), start);
    QTRY_COMPARE(m_window->session()->currentFrame(), *doc->frameGrid().frameAt(start));
    // Delete removes the selected row; undo brings it back.
    auto *list = session()->recordings();
    const Id rec = session()->currentRecordingId();
    QTRY_COMPARE(list->index(list->rowOf(rec), 0).data(RecordingListModel::SegmentCountRole).toInt(), 1);
    view->selectRow(0);
    trigger("segments.deleteSelected");
    QCOMPARE(proxy->rowCount(), 0);
    QTRY_COMPARE(list->index(list->rowOf(rec), 0).data(RecordingListModel::SegmentCountRole).toInt(), 0);
    trigger("edit.undo");
    QCOMPARE(proxy->rowCount(), 1);
  }

  void consentColumnIsReadOnly() {
    const Id rec = session()->currentRecordingId();
    const auto record = *session()->store().recording(rec);
    auto *list = session()->recordings();
    const QModelIndex cell = list->index(list->rowOf(rec), RecordingListModel::ConsentColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("none"));
    QVERIFY(!(list->flags(cell) & Qt::ItemIsEditable));
    QVERIFY(consent::grantConsent(session()->store(), record.workerId, rec, {"model_training"}, "A. Worker").ok());
    recordings()->refreshConsent();
    QCOMPARE(list->index(list->rowOf(rec), RecordingListModel::ConsentColumn).data().toString(),
             QStringLiteral("granted: model_training"));
  }

  // A recording opened from the project shows the worker's redactions in the operator views.
  void openedRecordingCarriesItsRedactions() {
    const Id rec = session()->currentRecordingId();
    QVERIFY(rec != 0);
    QVERIFY(m_window->session());
    QVERIFY(m_window->session()->redactions().empty());
    project::Redaction r;
    r.recordingId = rec;
    const TimeRange range = m_window->session()->recording().timeRange();
    r.startNs = range.end - 100'000'000; // the last 100 ms, IMU only: nothing else in this test changes
    r.endNs = range.end;
    r.streams = {"imu"};
    r.reason = "test";
    QVERIFY(session()->store().addRedaction(r).ok());
    QVERIFY(projects().openRecording(rec)); // already in the views: applied at once, else after loading
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session() ? m_window->session()->redactions().size() : 0, std::size_t(1),
                              30000);
    QCOMPARE(m_window->session()->redactions()[0].streams, std::vector<std::string>{"imu"});
  }

  void secondWindowOpensReadOnly() {
    MainWindow::Options o;
    o.restoreSettings = false;
    MainWindow second(o);
    second.show();
    QVERIFY(second.projects().openProject(m_projectPath));
    QVERIFY(second.project()->isReadOnly());
    QVERIFY(second.windowTitle().contains(QStringLiteral("[read-only]")));
    auto *lock = second.findChild<QLabel *>(QStringLiteral("projectLockLabel"));
    QVERIFY(lock && lock->isVisible());
    QVERIFY(lock->text().contains(QStringLiteral("read-only")));
    QVERIFY(!second.actions().action("review.approve")->isEnabled());
    QVERIFY(!second.lastError().isEmpty()); // the reason is in the error bar too
  }

  void relinkMissingRecording() {
    const fs::path root = m_dir.path().toStdString();
    auto *list = session()->recordings();
    const Id bob = (*session()->store().recordingByUuid("rec-bob-1"))->id;
    fs::rename(root / "recs" / "bob-1", root / "moved-bob");
    QVERIFY(session()->refreshRecordings().ok());
    QCOMPARE(list->index(list->rowOf(bob), 0).data(RecordingListModel::MediaStateRole).toString(),
             QStringLiteral("missing"));
    QVERIFY(!projects().openRecording(bob)); // reported, not crashed
    QVERIFY(m_window->lastError().contains(QStringLiteral("Relink")));
    QVERIFY(projects().relink(bob, QString::fromStdString((root / "moved-bob").string())));
    QCOMPARE(list->index(list->rowOf(bob), 0).data(RecordingListModel::MediaStateRole).toString(),
             QStringLiteral("ok"));
  }

  void saveAsSwitchesToTheCopy() {
    const Id current = session()->currentRecordingId();
    m_testers.clear(); // the old session's models go away
    QDir().mkpath(m_dir.filePath(QStringLiteral("copies")));
    const QString copy = m_dir.filePath(QStringLiteral("copies/study2.tacit"));
    QVERIFY(projects().saveProjectAs(copy));
    QCOMPARE(QString::fromStdString(session()->path().string()), copy);
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("study2 — ")));
    QCOMPARE(session()->currentRecordingId(), current);
    QCOMPARE(session()->segments()->rowCount(), 1);
    QVERIFY(!session()->document()->frameGrid().empty());
    auto sums = session()->store().recordingSummaries();
    QCOMPARE(sums->size(), std::size_t(3));
    for (const auto &s : *sums)
      QCOMPARE(s.media, project::MediaState::Ok);
    QVERIFY(!session()->undoStack()->canUndo()); // a fresh history for the new file
  }
};

TACIT_GUI_TEST_MAIN(ProjectGuiTest)
#include "ProjectGuiTest.moc"
