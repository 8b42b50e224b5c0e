// TimelineWidget with an AnnotationDocument: segment lanes painted in label colours at the right x,
// click selection, edge and body drags snapped to the video frame grid that merge into one undo step
// (undo restores the exact segment), clamping at neighbours with a reason, the context menu, and the
// sorted lane index staying in step with the document.
#include <QMenu>
#include <QSignalSpy>

#include "AnnotationFixture.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/annotation/FlagDialog.h"
#include "widgets/timeline/ItemLanePainter.h"

using namespace tacit;
using guitest::AnnotationFixture;

class TimelineEditingTest : public QObject {
  Q_OBJECT

  // Drags from `from` to `to` in `steps` intermediate moves with the left button.
  static void drag(QWidget *w, QPoint from, QPoint to, int steps = 6) {
    QTest::mousePress(w, Qt::LeftButton, {}, from);
    for (int i = 1; i <= steps; ++i)
      QTest::mouseMove(w, from + (to - from) * i / steps);
    QTest::mouseRelease(w, Qt::LeftButton, {}, to);
  }

private slots:
  void labelColourIsPaintedInItsLaneAtTheRightX() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    auto id = f.doc->createSegment(f.task, f.frames[10], f.frames[40], f.grasp);
    QVERIFY2(id.ok(), id.error().c_str());
    QVERIFY(f.doc->createSegment(f.step, f.frames[20], f.frames[30], f.place).ok());
    f.timeline->setAnnotationDocument(f.doc.get());
    QVERIFY(f.show());
    const QImage img = f.timeline->grab().toImage();
    const QRect task = f.timeline->trackLaneRect(f.task), step = f.timeline->trackLaneRect(f.step);
    QVERIFY(!task.isEmpty() && !step.isEmpty() && step.top() > task.top());
    const QColor grasp(AnnotationFixture::kGraspColour), place(AnnotationFixture::kPlaceColour);
    const int y = task.bottom() - 4; // below the label text
    const int x0 = int(std::ceil(f.timeline->xOf(f.frames[10]))), x1 = int(std::floor(f.timeline->xOf(f.frames[40])));
    // Inside the segment (past the 1 px separator), the label colour; just outside it, not.
    for (int x : {x0 + 2, (x0 + x1) / 2, x1 - 2})
      QVERIFY2(guitest::colourDistance(img.pixelColor(x, y), grasp) < 12,
               qPrintable(QStringLiteral("x=%1 %2").arg(x).arg(img.pixelColor(x, y).name())));
    QVERIFY(guitest::colourDistance(img.pixelColor(x0 - 3, y), grasp) > 100);
    QVERIFY(guitest::colourDistance(img.pixelColor(x1 + 3, y), grasp) > 100);
    // The step lane shows "Place" between frames 20 and 30 only.
    const int xs = int(std::lround(f.timeline->xOf((f.frames[20] + f.frames[30]) / 2)));
    QVERIFY(guitest::colourDistance(img.pixelColor(xs, step.bottom() - 4), place) < 12);
    QVERIFY(guitest::colourDistance(img.pixelColor(x0 + 2, step.bottom() - 4), place) > 100);
    // Selection draws a white outline inside the segment.
    f.timeline->setSelectedSegment(*id);
    const QImage selected = f.timeline->grab().toImage();
    const QColor edge = selected.pixelColor((x0 + x1) / 2, task.top() + 3);
    QVERIFY2(edge.red() > 230 && edge.green() > 230 && edge.blue() > 230, qPrintable(edge.name()));
    // Relabelling repaints in the new colour.
    QVERIFY(f.doc->relabelSegment(*id, f.cup).ok());
    const QImage after = f.timeline->grab().toImage();
    QVERIFY(guitest::colourDistance(after.pixelColor((x0 + x1) / 2, y), QColor(AnnotationFixture::kCupColour)) < 12);
  }

  void flagsAreColouredBySeverity() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    QVERIFY(f.doc->addFlag(project::FlagReason::MotionBlur, 4, TimeRange{f.frames[30], f.frames[45]}).ok());
    f.timeline->setAnnotationDocument(f.doc.get());
    QVERIFY(f.show());
    const QImage img = f.timeline->grab().toImage();
    const QRect lane = f.timeline->flagLaneRect();
    QVERIFY(!lane.isEmpty());
    // Left edge of a flag is drawn solid in its severity colour.
    const int x = int(std::ceil(f.timeline->xOf(f.frames[30])));
    QVERIFY2(guitest::colourDistance(img.pixelColor(x, lane.bottom() - 4), AnnotationLanes::severityColour(4)) < 12,
             qPrintable(img.pixelColor(x, lane.bottom() - 4).name()));
    const int before = int(std::floor(f.timeline->xOf(f.frames[20])));
    QVERIFY(guitest::colourDistance(img.pixelColor(before, lane.bottom() - 4), AnnotationLanes::severityColour(4)) >
            100);
  }

  void clickSelectsAndEmptyClickSeeks() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    const project::Id id = *f.doc->createSegment(f.step, f.frames[10], f.frames[30], f.grasp);
    f.timeline->setAnnotationDocument(f.doc.get());
    QVERIFY(f.show());
    QCOMPARE(f.timeline->activeTrack(), f.task);
    QSignalSpy sel(f.timeline.get(), &TimelineWidget::selectionChanged);
    QTest::mouseClick(f.timeline.get(), Qt::LeftButton, {}, f.at(f.frames[20], f.step));
    QCOMPARE(f.timeline->selectedSegment(), id);
    QCOMPARE(f.timeline->activeTrack(), f.step); // clicking a lane makes its track active
    QCOMPARE(sel.count(), 1);
    QCOMPARE(f.timeline->segmentAt(f.at(f.frames[20], f.step)), id);
    QCOMPARE(f.timeline->segmentAt(f.at(f.frames[20], f.task)), project::Id(0));
    QSignalSpy seek(f.timeline.get(), &TimelineWidget::seekRequested);
    QTest::mouseClick(f.timeline.get(), Qt::LeftButton, {}, f.at(f.frames[45], f.step));
    QCOMPARE(f.timeline->selectedSegment(), project::Id(0));
    QCOMPARE(seek.count(), 1);
    // Header click picks the active track.
    QTest::mouseClick(f.timeline.get(), Qt::LeftButton, {}, QPoint(20, f.timeline->trackLaneRect(f.task).center().y()));
    QCOMPARE(f.timeline->activeTrack(), f.task);
  }

  void edgeDragSnapsToFramesAndIsOneUndoStep() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    const project::Id id = *f.doc->createSegment(f.task, f.frames[10], f.frames[20], f.grasp);
    const project::Segment original = *f.doc->segment(id);
    f.timeline->setAnnotationDocument(f.doc.get());
    QVERIFY(f.show());
    const int undoBefore = f.undo.count();
    const Timestamp period = f.frames[1] - f.frames[0];
    // Grab the end edge and pull it to 30.3 frames: it snaps to frame 30.
    QPoint from = f.at(f.frames[20], f.task) - QPoint(1, 0);
    QPoint to = f.at(f.frames[30] + period * 3 / 10, f.task);
    drag(f.timeline.get(), from, to, 8);
    const project::Segment *s = f.doc->segment(id);
    QCOMPARE(s->startNs, f.frames[10]);
    QCOMPARE(s->endNs, f.frames[30]);
    QCOMPARE(f.undo.count(), undoBefore + 1); // eight moves, one undo step
    // The start edge, pulled left to 4.6 frames: snaps to frame 5.
    drag(f.timeline.get(), f.at(f.frames[10], f.task) + QPoint(1, 0), f.at(f.frames[4] + period * 6 / 10, f.task));
    QCOMPARE(f.doc->segment(id)->startNs, f.frames[5]);
    QCOMPARE(f.undo.count(), undoBefore + 2);
    // Undo restores exactly, in memory and in the project file.
    f.undo.undo();
    f.undo.undo();
    QVERIFY(*f.doc->segment(id) == original);
    auto stored = f.store->segments(f.rec);
    QCOMPARE(stored->size(), std::size_t(1));
    QVERIFY(stored->front() == original);
    // Redo gives the dragged result back in one step.
    f.undo.redo();
    QCOMPARE(f.doc->segment(id)->endNs, f.frames[30]);
  }

  void bodyDragMovesWholeSegmentAndStopsAtNeighbour() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    const project::Id a = *f.doc->createSegment(f.task, f.frames[10], f.frames[20], f.grasp);
    const project::Id b = *f.doc->createSegment(f.task, f.frames[30], f.frames[40], f.place);
    f.timeline->setAnnotationDocument(f.doc.get());
    QVERIFY(f.show());
    QSignalSpy status(f.timeline.get(), &TimelineWidget::statusMessage);
    const int undoBefore = f.undo.count();
    // Move a by +5 frames (grabbed in its middle).
    drag(f.timeline.get(), f.at(f.frames[15], f.task), f.at(f.frames[20], f.task));
    QCOMPARE(f.doc->segment(a)->startNs, f.frames[15]);
    QCOMPARE(f.doc->segment(a)->endNs, f.frames[25]);
    QCOMPARE(f.undo.count(), undoBefore + 1);
    QCOMPARE(status.count(), 0);
    // Push it into b: it stops against b (no overlap on "task") and says why.
    drag(f.timeline.get(), f.at(f.frames[20], f.task), f.at(f.frames[32], f.task));
    QCOMPARE(f.doc->segment(a)->endNs, f.frames[30]);
    QCOMPARE(f.doc->segment(b)->startNs, f.frames[30]);
    QVERIFY(status.count() >= 1);
    QVERIFY2(status.last().at(0).toString().contains(QStringLiteral("overlap")),
             qPrintable(status.last().at(0).toString()));
    // The lane index followed every move: hit-testing finds the moved segments where they are now.
    QCOMPARE(f.timeline->segmentAt(f.at(f.frames[28], f.task)), a);
    QCOMPARE(f.timeline->segmentAt(f.at(f.frames[35], f.task)), b);
    QCOMPARE(f.timeline->segmentAt(f.at(f.frames[12], f.task)), project::Id(0));
    const auto &items = f.timeline->annotations().track(f.task)->items;
    QCOMPARE(items.size(), std::size_t(2));
    QVERIFY(items[0].start <= items[1].start);
  }

  void contextMenuSplitsAndDeletes() {
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    const project::Id id = *f.doc->createSegment(f.task, f.frames[10], f.frames[30], f.grasp);
    AnnotationController ctl(f.doc.get(), f.time, f.timeline.get(), f.actions);
    QVERIFY(f.show());
    f.time.setTime(f.frames[20]);
    QTest::mouseClick(f.timeline.get(), Qt::RightButton, {}, f.at(f.frames[15], f.task));
    QVERIFY(ctl.contextMenu());
    QTRY_VERIFY(ctl.contextMenu()->isVisible());
    QCOMPARE(f.timeline->selectedSegment(), id);
    auto trigger = [&](const char *name) {
      QAction *a = ctl.contextMenu()->findChild<QAction *>(QString::fromLatin1(name));
      QVERIFY2(a, name);
      ctl.contextMenu()->hide();
      a->trigger();
    };
    trigger("menu.split");
    QCOMPARE(f.doc->segments().size(), std::size_t(2));
    QCOMPARE(f.doc->segment(id)->endNs, f.frames[20]);
    // Delete the right half through the menu.
    QTest::mouseClick(f.timeline.get(), Qt::RightButton, {}, f.at(f.frames[25], f.task));
    QTRY_VERIFY(ctl.contextMenu() && ctl.contextMenu()->isVisible());
    const project::Id right = f.timeline->selectedSegment();
    QVERIFY(right != id && right != 0);
    trigger("menu.delete");
    QVERIFY(!f.doc->segment(right));
    QCOMPARE(f.timeline->selectedSegment(), project::Id(0));
    // Flag over the segment from the menu.
    QTest::mouseClick(f.timeline.get(), Qt::RightButton, {}, f.at(f.frames[15], f.task));
    QTRY_VERIFY(ctl.contextMenu() && ctl.contextMenu()->isVisible());
    trigger("menu.flag");
    QVERIFY(ctl.flagDialog());
    ctl.flagDialog()->accept();
    QCOMPARE(f.doc->flags().size(), std::size_t(1));
    QCOMPARE(f.doc->flags().front().startNs, f.frames[10]);
    QCOMPARE(f.doc->flags().front().endNs, f.frames[20]);
  }

  void paintCostIsBoundedByPixelsNotSegments() {
    // 20 000 one-frame segments: the fit view merges them into coverage bars (at most one per pixel
    // column), the zoomed view draws only what is visible.
    AnnotationFixture f;
    QVERIFY2(f.setUp(), qPrintable(f.error));
    std::vector<project::SegmentChange> changes;
    for (int k = 0; k < 20000; ++k) {
      project::Segment s;
      s.recordingId = f.rec;
      s.trackId = f.task;
      s.labelId = k % 2 ? f.grasp : f.place;
      s.startNs = Timestamp(k) * 2'000'000;
      s.endNs = s.startNs + 1'000'000;
      changes.push_back({std::nullopt, s});
    }
    QVERIFY(f.store->applySegmentChanges(changes, "test").ok());
    QVERIFY(f.doc->load(f.rec).ok());
    f.timeline->setRange({0, 20000 * Timestamp(2'000'000)});
    f.timeline->setAnnotationDocument(f.doc.get());
    const auto &items = f.timeline->annotations().track(f.task)->items;
    QCOMPARE(items.size(), std::size_t(20000));
    QImage img(f.timeline->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&img);
    TimeAxis ax;
    ax.visible = f.timeline->visibleRange();
    ax.left = TimelineWidget::kHeaderWidth;
    ax.width = 880;
    ItemLaneStyle style;
    style.colour = [](std::int64_t k) { return QColor(int(k * 40 % 255), 100, 100); };
    const int fitRects = paintItemLane(p, ax, items, QRectF(ax.left, 0, ax.width, 20), style);
    QVERIFY2(fitRects > 0 && fitRects <= 2 * 880, qPrintable(QString::number(fitRects)));
    ax.visible = {Timestamp(1000) * 2'000'000, Timestamp(1050) * 2'000'000};
    const int zoomRects = paintItemLane(p, ax, items, QRectF(ax.left, 0, ax.width, 20), style);
    QCOMPARE(zoomRects, 50); // the 50 visible segments, each a box
  }
};

TACIT_GUI_TEST_MAIN(TimelineEditingTest)
#include "TimelineEditingTest.moc"
