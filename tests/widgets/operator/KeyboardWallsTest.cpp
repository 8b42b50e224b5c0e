// Issue #15, the operator's three walls, driven by real key and mouse events on the real main window:
// 1. focus: after Reset Layout, a dock toggle and Ctrl+Shift+N (each while the time field had the
//    keyboard) the shortcuts work; a click on the timeline gives keys back; the time field takes the
//    keyboard only when clicked or with Ctrl+G and gives it back on Return / Escape.
// 2. labels: I, O, Enter, a new label name, Enter -> one segment with that new label in the project
//    file, its name drawn on the timeline, one Ctrl+Z removes segment and label; Labels → Add twice
//    gives two distinct labels (no raw SQLite banner).
// 3. timeline: Delete on a timeline selection removes it; the selection is the Segments table's;
//    taxonomy edits repaint; a flag's reason is drawn; a drag shows the edge's time and frame.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"
#include "tests/widgets/operator/OperatorTestSupport.h"

#include <QDockWidget>
#include <QTableView>
#include <QTreeView>

#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "core/project/TaxonomyModel.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/annotation/LabelPicker.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/project/SegmentsPanel.h"
#include "widgets/project/TaxonomyEditor.h"

using namespace tacit;
using optest::key;
using optest::type;

class KeyboardWallsTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_projectPath;
  std::unique_ptr<MainWindow> m_window;

  project::ProjectSession *session() { return m_window->project(); }
  project::AnnotationDocument *doc() { return session()->document(); }
  TimelineWidget *timeline() { return m_window->timeline(); }
  Timestamp frame(qint64 i) { return *m_window->session()->timeOfFrame(i); }
  QLineEdit *timeField() { return m_window->transport()->timeField(); }
  void clickTimeField() {
    QTest::mouseClick(timeField(), Qt::LeftButton);
    QTRY_VERIFY2(timeField()->hasFocus() && timeField()->hasSelectedText(), // the whole time, ready to retype
                 qPrintable(QStringLiteral("focus %1, text \"%2\", selected \"%3\"")
                                .arg(timeField()->hasFocus())
                                .arg(timeField()->text(), timeField()->selectedText())));
  }
  // Moves the playhead to frame i with the keys (Home, then Right).
  void goToFrame(int i) {
    key(Qt::Key_Home);
    for (int k = 0; k < i; ++k)
      key(Qt::Key_Right);
    QCOMPARE(m_window->timeControl().time(), frame(i));
  }
  // I at `in`, O at `out` (inclusive), Enter: the label picker is open and has the keyboard.
  LabelPicker *markAndEnter(int in, int out) {
    goToFrame(in);
    key(Qt::Key_I);
    if (m_window->annotationController()->markIn() != frame(in))
      return nullptr;
    for (int k = in; k < out; ++k)
      key(Qt::Key_Right);
    key(Qt::Key_O);
    key(Qt::Key_Return);
    LabelPicker *picker = m_window->annotationController()->labelPicker();
    if (!picker || !QTest::qWaitFor([picker] { return picker->isVisible() && picker->filterEdit()->hasFocus(); }))
      return nullptr;
    return picker;
  }

private slots:
  void initTestCase() {
    QString error;
    const QString sample = guitest::makeSample(m_dir, &error, 3.0);
    QVERIFY2(!sample.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(sample, &error, guitest::Focus::Active);
    QVERIFY2(m_window, qPrintable(error));
    // A new project takes the recording that is open (no Add Recordings detour).
    m_projectPath = m_dir.filePath(QStringLiteral("walls.tacit"));
    QVERIFY(m_window->projects().newProject(m_projectPath));
    QVERIFY(session());
    QCOMPARE(session()->recordings()->rowCount(), 1);
    QVERIFY2(session()->currentRecordingId() != 0, "the open recording became the project's current one");
    QVERIFY(doc());
    QCOMPARE(doc()->frameGrid().times().size(), std::size_t(m_window->session()->frameCount()));
    QVERIFY(m_window->actions().conflicts().isEmpty());
    // The new project's recording change hands the keys back through a queued call; let it run
    // before the first click (a user cannot click inside the same event-loop turn).
    QCoreApplication::processEvents();
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void shortcutsWorkAfterLayoutDockAndRecordingChanges() {
    auto *ctl = m_window->annotationController();
    // Reset Layout while the time field had the keyboard.
    clickTimeField();
    m_window->actions().action(QStringLiteral("view.resetLayout"))->trigger();
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    goToFrame(3);
    key(Qt::Key_I);
    QVERIFY(ctl->markIn() == frame(3));
    // Hiding and showing a dock (View menu) while the time field had the keyboard.
    auto *plots = m_window->findChild<QDockWidget *>(QStringLiteral("dock.plots"));
    QVERIFY(plots);
    clickTimeField();
    plots->toggleViewAction()->trigger();
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    plots->toggleViewAction()->trigger();
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    key(Qt::Key_Right);
    key(Qt::Key_O);
    QVERIFY(ctl->markOut().has_value());
    // Ctrl+Shift+N typed into the time field: the next unreviewed recording, and the keys come back.
    clickTimeField();
    key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    key(Qt::Key_I);
    QCOMPARE(timeField()->text().contains(QLatin1Char('i')), false);
    QVERIFY(ctl->markIn().has_value());
  }

  void timeFieldTakesTheKeyboardOnlyWhenAsked() {
    auto *ctl = m_window->annotationController();
    // Typed letters go into the field while it has focus; Escape restores the time and gives keys back.
    clickTimeField();
    type(QStringLiteral("io"));
    QCOMPARE(timeField()->text(), QStringLiteral("io")); // a click selects the whole time: typing replaces it
    key(Qt::Key_Escape);
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    QVERIFY(!timeField()->text().contains(QStringLiteral("io")));
    goToFrame(5);
    key(Qt::Key_I);
    QVERIFY(ctl->markIn() == frame(5));
    // Ctrl+G, a time, Return: the playhead moves in recording time and the keys come back.
    key(Qt::Key_G, Qt::ControlModifier);
    QTRY_VERIFY(timeField()->hasFocus());
    type(QStringLiteral("0:01"));
    key(Qt::Key_Return);
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    QCOMPARE(m_window->timeControl().time(), m_window->timeBase().device(kNsPerSecond));
    QCOMPARE(m_window->timeBase().origin(), frame(0));
    QTRY_COMPARE(timeField()->text(), QStringLiteral("0:01.000"));
    // A click on the timeline takes the keyboard back from the field too.
    clickTimeField();
    optest::clickTimelineAt(timeline(), frame(20));
    QTRY_VERIFY(optest::keysWithWindow(*m_window));
    QCOMPARE(m_window->timeControl().time() >= frame(19), true);
  }

  void newLabelFromThePickerIsOneUndoStep() {
    const std::size_t segmentsBefore = doc()->segments().size();
    QVERIFY(session()->taxonomy()->labels().empty()); // a new project has no labels
    // The timeline takes the keys after a click, then I, O, Enter, a new name, Enter.
    clickTimeField();
    optest::clickTimelineAt(timeline(), frame(2));
    LabelPicker *picker = markAndEnter(10, 30);
    QVERIFY2(picker, "the label picker did not open with the keyboard");
    QVERIFY(doc()->segments().size() == segmentsBefore); // created when the label is known
    type(QStringLiteral("Pour water"));
    QVERIFY(picker->createHighlighted());
    key(Qt::Key_Return);
    QTRY_VERIFY(!m_window->annotationController()->labelPicker());
    // In the project file: one new segment with the new label.
    {
      auto onDisk = optest::readProject(m_projectPath);
      QVERIFY(onDisk);
      auto labels = onDisk->labels();
      QCOMPARE(labels->size(), std::size_t(1));
      QCOMPARE(labels->front().name, std::string("Pour water"));
      QCOMPARE(labels->front().key, 1); // the next free number key
      QVERIFY(labels->front().colour != "#808080");
      auto segs = onDisk->segments(session()->currentRecordingId());
      QCOMPARE(segs->size(), segmentsBefore + 1);
      const auto &s = segs->back();
      QCOMPARE(s.labelId, labels->front().id);
      QCOMPARE(s.startNs, frame(10));
      QCOMPARE(s.endNs, frame(31));
    }
    // Its name is drawn inside the segment, in the label's colour.
    const project::Id seg = timeline()->selectedSegment();
    QVERIFY(seg);
    auto drawn = [&] {
      for (const auto &[id, text] : timeline()->drawnTexts())
        if (id == seg && text == QStringLiteral("Pour water"))
          return true;
      return false;
    };
    QTRY_VERIFY(drawn());
    QVERIFY(timeline()->accessibleDescription().contains(QStringLiteral("Pour water")));
    const QColor colour(QString::fromStdString(session()->taxonomy()->labels().front().colour));
    const QImage shot = timeline()->grab().toImage();
    const QRect lane = timeline()->trackLaneRect(doc()->segment(seg)->trackId);
    const int x = int((timeline()->xOf(frame(10)) + timeline()->xOf(frame(31))) / 2);
    QVERIFY(guitest::countNear(shot.copy(x - 2, lane.top() + 3, 4, 3), colour, 30) > 0);
    // One Ctrl+Z takes back both the segment and the new label.
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc()->segments().size(), segmentsBefore);
    QVERIFY(session()->taxonomy()->labels().empty());
    {
      auto onDisk = optest::readProject(m_projectPath);
      QVERIFY(onDisk->labels()->empty());
      QCOMPARE(onDisk->segments(session()->currentRecordingId())->size(), segmentsBefore);
    }
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // and redo brings both
    QCOMPARE(doc()->segments().size(), segmentsBefore + 1);
    QCOMPARE(session()->taxonomy()->labels().size(), std::size_t(1));
  }

  void deleteOnTheTimelineSelectionAndSharedSelection() {
    QVERIFY(!doc()->segments().empty());
    const project::Segment s = doc()->segments().back();
    timeline()->setSelectedSegment(0);
    // Click the segment on the timeline: selected there and in the Segments table.
    const QRect lane = timeline()->trackLaneRect(s.trackId);
    const QPoint mid(int((timeline()->xOf(s.startNs) + timeline()->xOf(s.endNs)) / 2), lane.center().y());
    QTest::mouseClick(timeline(), Qt::LeftButton, {}, mid);
    QCOMPARE(timeline()->selectedSegment(), s.id);
    SegmentsPanel *table = m_window->projects().segmentsPanel();
    QCOMPARE(table->selectedIds(), std::vector<project::Id>{s.id});
    QVERIFY(optest::keysWithWindow(*m_window));
    // The tooltip names the label and the span in recording time with frames.
    const QString tip = timeline()->toolTipAt(mid);
    QVERIFY2(tip.contains(QStringLiteral("Pour water")) && tip.contains(QStringLiteral("#10")), qPrintable(tip));
    key(Qt::Key_Delete);
    QVERIFY(!doc()->segment(s.id));
    QVERIFY(table->selectedIds().empty());
    key(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(doc()->segment(s.id));
    // Selecting in the table selects on the timeline.
    table->view()->selectRow(0);
    QCOMPARE(timeline()->selectedSegment(), table->selectedIds().front());
  }

  void labelsPanelAddTwiceAndLiveRepaint() {
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("dock.taxonomy"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Labels")); // one name for the editor everywhere
    dock->show();
    dock->raise();
    TaxonomyEditor *editor = m_window->projects().taxonomyEditor();
    QToolButton *add = optest::toolButton(editor, QStringLiteral("Add"));
    QVERIFY(add);
    QTRY_VERIFY(add->isVisible());
    const std::size_t before = session()->taxonomy()->labels().size();
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(session()->taxonomy()->labels().size(), before + 2);
    QVERIFY2(!m_window->lastError().contains(QStringLiteral("UNIQUE")), qPrintable(m_window->lastError()));
    QSet<std::string> colours, names;
    QSet<int> keys;
    for (const auto &l : session()->taxonomy()->labels()) {
      colours.insert(l.colour);
      names.insert(l.name);
      keys.insert(l.key);
    }
    QCOMPARE(colours.size(), int(before + 2));
    QCOMPARE(names.size(), int(before + 2));
    QCOMPARE(keys.size(), int(before + 2));
    // A colour edit repaints the segment at once (no reopen).
    const project::Segment s = doc()->segments().back();
    project::Label l = *session()->taxonomy()->label(s.labelId);
    l.colour = "#20c0f0";
    QVERIFY(session()->taxonomy()->updateLabel(l).ok());
    const QRect lane = timeline()->trackLaneRect(s.trackId);
    const int x = int((timeline()->xOf(s.startNs) + timeline()->xOf(s.endNs)) / 2);
    QTRY_VERIFY(guitest::countNear(timeline()->grab().toImage().copy(x - 2, lane.top() + 3, 4, 3),
                                   QColor(0x20, 0xc0, 0xf0), 30) > 0);
    // Renaming onto another label's name says why, in words.
    QVERIFY(!session()->taxonomy()->setData(session()->taxonomy()->indexForId(s.labelId), QStringLiteral("new label")));
    QTRY_VERIFY(m_window->lastError().contains(QStringLiteral("already a label")));
  }

  void flagReasonAndDragReadout() {
    const project::Segment s = doc()->segments().back();
    QVERIFY(doc()->addFlag(project::FlagReason::MotionBlur, 2, s.range(), "shaky").ok());
    const QString reason = QString::fromUtf8(project::flagReasonDisplayName(project::FlagReason::MotionBlur));
    auto drawn = [&] {
      for (const auto &[id, text] : timeline()->drawnTexts())
        if (text == reason)
          return true;
      return false;
    };
    QTRY_VERIFY(drawn());
    // Drag the segment's end edge: a readout with the edge's recording time and frame.
    const QRect lane = timeline()->trackLaneRect(s.trackId);
    const QPoint edge(int(timeline()->xOf(s.endNs)) - 1, lane.center().y());
    QTest::mousePress(timeline(), Qt::LeftButton, {}, edge);
    QMouseEvent move(QEvent::MouseMove, QPointF(edge + QPoint(40, 0)),
                     timeline()->mapToGlobal(QPointF(edge + QPoint(40, 0))), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(timeline(), &move);
    const QString readout = timeline()->dragReadout();
    QVERIFY2(readout.contains(QStringLiteral("#")) && readout.contains(QStringLiteral("0:0")), qPrintable(readout));
    QTest::mouseRelease(timeline(), Qt::LeftButton, {}, edge + QPoint(40, 0));
    QVERIFY(doc()->segment(s.id)->endNs > s.endNs);
    QVERIFY(timeline()->dragReadout().isEmpty());
  }
};

TACIT_GUI_TEST_MAIN(KeyboardWallsTest)
#include "KeyboardWallsTest.moc"
