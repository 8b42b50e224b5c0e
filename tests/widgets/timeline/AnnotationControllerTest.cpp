// AnnotationController driven by real key events on a shown timeline: I / O marks, Enter creates a
// segment and opens the type-ahead label picker, 1–9 apply bound labels, S splits, Delete removes,
// [ / ] jump between boundaries, Shift+Space loops the segment, Shift+F flags the span, T cycles the
// track. Refusals reach statusMessage; a null document disables the actions; keys are remappable and
// listed in the shortcuts dialog; Enter in a text field is not stolen.
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeWidget>

#include "AnnotationFixture.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/annotation/FlagDialog.h"
#include "widgets/annotation/LabelPicker.h"
#include "widgets/app/ShortcutsDialog.h"

using namespace tacit;
using guitest::AnnotationFixture;

class AnnotationControllerTest : public QObject {
  Q_OBJECT

  static void key(AnnotationFixture &f, int k, Qt::KeyboardModifiers m = {}) {
    QTest::keyClick(f.timeline.get(), static_cast<Qt::Key>(k), m);
  }

private slots:
  void keysCreateLabelSplitJumpLoopAndDelete() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    AnnotationController ctl(f.doc.get(), f.time, f.timeline.get(), f.actions);
    QSignalSpy status(&ctl, &AnnotationController::statusMessage);
    QVERIFY(f.show());
    QCOMPARE(ctl.activeTrack(), f.task);
    const Timestamp period = f.frames[1] - f.frames[0];

    // I at frame 10, O a little after frame 40: the out point includes frame 40.
    f.time.setTime(f.frames[10]);
    key(f, Qt::Key_I);
    QVERIFY(ctl.markIn() == f.frames[10]);
    f.time.setTime(f.frames[40] + period / 4);
    key(f, Qt::Key_O);
    QVERIFY(ctl.markOut() == f.frames[41]);

    // Enter opens the picker; the segment is created with its label (one undo step): type, Enter.
    key(f, Qt::Key_Return);
    LabelPicker *picker = ctl.labelPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    QCOMPARE(f.doc->segments().size(), std::size_t(0));
    QCOMPARE(picker->visibleCount(), 3);
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("cu"));
    QCOMPARE(picker->visibleCount(), 1);
    QCOMPARE(picker->currentLabel(), f.cup);
    QTest::keyClick(picker->filterEdit(), Qt::Key_Return);
    QTRY_VERIFY(!ctl.labelPicker());
    QCOMPARE(f.doc->segments().size(), std::size_t(1));
    const project::Segment created = f.doc->segments().front();
    QCOMPARE(created.trackId, f.task);
    QCOMPARE(created.startNs, f.frames[10]);
    QCOMPARE(created.endNs, f.frames[41]);
    QCOMPARE(created.labelId, f.cup);
    QCOMPARE(f.timeline->selectedSegment(), created.id);
    QVERIFY(!ctl.markIn() && !ctl.markOut());
    QCOMPARE(f.doc->undoStack()->count(), 1);

    // 2 applies "Place" (bound to key 2) to the selected segment; 9 is bound to nothing.
    key(f, Qt::Key_2);
    QCOMPARE(f.doc->segment(created.id)->labelId, f.place);
    key(f, Qt::Key_9);
    QCOMPARE(f.doc->segment(created.id)->labelId, f.place);
    QVERIFY(status.last().at(0).toString().contains(QStringLiteral("9")));
    // Without a selection, 1 labels the segment under the playhead.
    f.timeline->setSelectedSegment(0);
    f.time.setTime(f.frames[12]);
    key(f, Qt::Key_1);
    QCOMPARE(f.doc->segment(created.id)->labelId, f.grasp);

    // S splits at the frame on screen.
    f.time.setTime(f.frames[25] + period / 3);
    key(f, Qt::Key_S);
    QCOMPARE(f.doc->segments().size(), std::size_t(2));
    QCOMPARE(f.doc->segment(created.id)->endNs, f.frames[25]);
    const project::Id right = f.timeline->selectedSegment();
    QVERIFY(right != created.id && right != 0);
    QCOMPARE(f.doc->segment(right)->startNs, f.frames[25]);
    QCOMPARE(f.doc->segment(right)->endNs, f.frames[41]);

    // [ and ] walk the boundaries 10, 25, 41.
    f.time.setTime(f.frames[30]);
    key(f, Qt::Key_BracketLeft);
    QCOMPARE(f.time.time(), f.frames[25]);
    key(f, Qt::Key_BracketLeft);
    QCOMPARE(f.time.time(), f.frames[10]);
    key(f, Qt::Key_BracketRight);
    QCOMPARE(f.time.time(), f.frames[25]);
    key(f, Qt::Key_BracketRight);
    QCOMPARE(f.time.time(), f.frames[41]);
    key(f, Qt::Key_BracketRight); // nothing after: says so, stays
    QCOMPARE(f.time.time(), f.frames[41]);
    QVERIFY(status.last().at(0).toString().contains(QStringLiteral("boundary")));

    // Shift+Space loops the selected segment; again stops.
    key(f, Qt::Key_Space, Qt::ShiftModifier);
    const TimeRange rightRange{f.frames[25], f.frames[41]};
    QVERIFY(f.time.loop().has_value());
    QVERIFY(*f.time.loop() == rightRange);
    QVERIFY(f.time.isPlaying());
    QVERIFY(rightRange.contains(f.time.time())); // playing from the segment start
    QVERIFY(f.timeline->loop() == rightRange);
    key(f, Qt::Key_Space, Qt::ShiftModifier);
    QVERIFY(!f.time.isPlaying());
    QVERIFY(!f.time.loop().has_value());

    // Delete removes the selected segment; with nothing selected it says so.
    key(f, Qt::Key_Delete);
    QVERIFY(!f.doc->segment(right));
    QCOMPARE(f.doc->segments().size(), std::size_t(1));
    key(f, Qt::Key_Delete);
    QCOMPARE(f.doc->segments().size(), std::size_t(1));

    // Every key was one undo step; undoing all of them leaves the recording empty again.
    while (f.undo.canUndo())
      f.undo.undo();
    QVERIFY(f.doc->segments().empty());
    QVERIFY(f.store->segments(f.rec)->empty());
  }

  void enterOverAnExistingSegmentIsRefusedWithTheReason() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    QVERIFY(f.doc->createSegment(f.task, f.frames[20], f.frames[30], f.grasp).ok());
    AnnotationController ctl(f.doc.get(), f.time, f.timeline.get(), f.actions);
    QSignalSpy status(&ctl, &AnnotationController::statusMessage);
    QVERIFY(f.show());
    f.time.setTime(f.frames[10]);
    key(f, Qt::Key_I);
    f.time.setTime(f.frames[25]);
    key(f, Qt::Key_O);
    key(f, Qt::Key_Return);
    QCOMPARE(f.doc->segments().size(), std::size_t(1));
    QVERIFY(!ctl.labelPicker());
    QVERIFY(status.count() >= 1);
    QVERIFY2(status.last().at(0).toString().contains(QStringLiteral("overlap")),
             qPrintable(status.last().at(0).toString()));
    // T makes "step" active; there the same span is fine.
    key(f, Qt::Key_T);
    QCOMPARE(ctl.activeTrack(), f.step);
    key(f, Qt::Key_Return);
    QVERIFY(ctl.labelPicker());
    QTest::keyClick(ctl.labelPicker()->filterEdit(), Qt::Key_Escape); // cancel: created unlabelled
    QTRY_VERIFY(!ctl.labelPicker());
    QCOMPARE(f.doc->segments().size(), std::size_t(2));
    QCOMPARE(f.doc->segment(f.timeline->selectedSegment())->trackId, f.step);
    QCOMPARE(f.doc->segment(f.timeline->selectedSegment())->labelId, project::Id(0));
    // Enter without marks explains what to do.
    key(f, Qt::Key_Return);
    QVERIFY(status.last().at(0).toString().contains(QStringLiteral("(I)")));
  }

  void flagSpanKeyOpensTheFlagDialog() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    AnnotationController ctl(f.doc.get(), f.time, f.timeline.get(), f.actions);
    QVERIFY(f.show());
    f.time.setTime(f.frames[5]);
    key(f, Qt::Key_I);
    f.time.setTime(f.frames[14]);
    key(f, Qt::Key_O);
    key(f, Qt::Key_F, Qt::ShiftModifier);
    FlagDialog *d = ctl.flagDialog();
    QVERIFY(d);
    QTRY_VERIFY(d->isVisible());
    QVERIFY((d->span() == TimeRange{f.frames[5], f.frames[15]}));
    d->setReason(project::FlagReason::HandOccluded);
    d->severityBox()->setValue(3);
    d->noteEdit()->setFocus();
    QTest::keyClicks(d->noteEdit(), QStringLiteral("left hand behind the box"));
    // Enter in the note field reaches the dialog (OK), not the "create segment" shortcut.
    QTest::keyClick(d->noteEdit(), Qt::Key_Return);
    QCOMPARE(f.doc->segments().size(), std::size_t(0));
    QCOMPARE(f.doc->flags().size(), std::size_t(1));
    const project::QualityFlag &flag = f.doc->flags().front();
    QCOMPARE(flag.reason, project::FlagReason::HandOccluded);
    QCOMPARE(flag.severity, 3);
    QCOMPARE(flag.note, std::string("left hand behind the box"));
    QVERIFY(!flag.wholeRecording);
    QCOMPARE(flag.startNs, f.frames[5]);
    QCOMPARE(flag.endNs, f.frames[15]);
    // The flag lane shows it in the severity colour.
    const QImage img = f.timeline->grab().toImage();
    const int x = int(std::ceil(f.timeline->xOf(f.frames[5])));
    QVERIFY(guitest::colourDistance(img.pixelColor(x, f.timeline->flagLaneRect().bottom() - 4),
                                    AnnotationLanes::severityColour(3)) < 12);
  }

  void nullDocumentDisablesTheActions() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    AnnotationController ctl(nullptr, f.time, f.timeline.get(), f.actions);
    QVERIFY(f.show());
    for (const QString &id : AnnotationController::actionIds()) {
      QVERIFY2(f.actions.action(id), qPrintable(id));
      QVERIFY2(!f.actions.action(id)->isEnabled(), qPrintable(id));
    }
    key(f, Qt::Key_I);
    key(f, Qt::Key_Return);
    key(f, Qt::Key_S);
    QVERIFY(!ctl.labelPicker());
    QVERIFY(!ctl.markIn());
    ctl.setDocument(f.doc.get());
    for (const QString &id : AnnotationController::actionIds())
      QVERIFY2(f.actions.action(id)->isEnabled(), qPrintable(id));
    QCOMPARE(f.timeline->annotationDocument(), f.doc.get());
    // The document going away detaches everything.
    f.doc.reset();
    QVERIFY(!ctl.document());
    QVERIFY(!f.actions.action("annotation.split")->isEnabled());
    QCOMPARE(f.timeline->annotations().tracks().size(), std::size_t(0));
    key(f, Qt::Key_S);
    f.timeline->grab(); // paints without a document
  }

  void keysAreRegisteredRemappableAndListed() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    AnnotationController ctl(f.doc.get(), f.time, f.timeline.get(), f.actions);
    QVERIFY2(f.actions.conflicts().isEmpty(), qPrintable(f.actions.conflicts().join("; ")));
    QCOMPARE(f.actions.action("annotation.create")->shortcut(), QKeySequence(Qt::Key_Return));
    QCOMPARE(f.actions.action("annotation.label1")->shortcut(), QKeySequence(Qt::Key_1));
    QCOMPARE(f.actions.action("annotation.split")->shortcut(), QKeySequence(Qt::Key_S));
    QCOMPARE(f.actions.action("annotation.loopSegment")->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Space));
    QCOMPARE(f.actions.action("playback.loopIn")->shortcut(), QKeySequence(Qt::Key_I));
    ShortcutsDialog d(f.actions);
    QStringList texts;
    for (int i = 0; i < d.tree()->topLevelItemCount(); ++i)
      for (int j = 0; j < d.tree()->topLevelItem(i)->childCount(); ++j)
        texts << d.tree()->topLevelItem(i)->child(j)->text(0);
    QVERIFY2(texts.contains(f.actions.action("annotation.flagSpan")->text()), qPrintable(texts.join(", ")));
    QVERIFY(texts.contains(f.actions.action("annotation.create")->text()));
    // Remap split to X: X splits, S no longer does.
    QVERIFY(f.actions.setShortcuts("annotation.split", {QKeySequence(Qt::Key_X)}));
    QVERIFY(f.show());
    QVERIFY(f.doc->createSegment(f.task, f.frames[10], f.frames[30], f.grasp).ok());
    f.time.setTime(f.frames[20]);
    key(f, Qt::Key_S);
    QCOMPARE(f.doc->segments().size(), std::size_t(1));
    key(f, Qt::Key_X);
    QCOMPARE(f.doc->segments().size(), std::size_t(2));
  }

  void enterInATextFieldIsNotStolen() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    AnnotationController ctl(f.doc.get(), f.time, f.timeline.get(), f.actions);
    auto *edit = new QLineEdit(f.timeline.get());
    edit->setGeometry(0, 0, 100, 20);
    QVERIFY(f.show());
    f.time.setTime(f.frames[10]);
    key(f, Qt::Key_I);
    f.time.setTime(f.frames[20]);
    key(f, Qt::Key_O);
    edit->setFocus();
    QSignalSpy entered(edit, &QLineEdit::returnPressed);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(entered.count(), 1);
    QVERIFY(f.doc->segments().empty());
    QVERIFY(ctl.markIn().has_value()); // marks untouched: nothing was created
  }
};

TACIT_GUI_TEST_MAIN(AnnotationControllerTest)
#include "AnnotationControllerTest.moc"
