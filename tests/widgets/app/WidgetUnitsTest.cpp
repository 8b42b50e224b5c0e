// Small pieces of the review window: time input parsing, the action registry's default keys,
// timeline coverage lanes and zoom to frame level.
#include "tests/widgets/GuiTestSupport.h"

#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ShortcutsDialog.h"
#include "widgets/common/TimeFormat.h"
#include "widgets/timeline/TimelineWidget.h"

#include <QTreeWidget>

using namespace tacit;

class WidgetUnitsTest : public QObject {
  Q_OBJECT
private slots:
  void parsesTimeInput() {
    QCOMPARE(parseTimeInput("12.5")->relativeNs, 12500 * kNsPerMs);
    QCOMPARE(parseTimeInput("1:02.5")->relativeNs, 62500 * kNsPerMs);
    QCOMPARE(parseTimeInput("1:00:00")->relativeNs, 3600 * kNsPerSecond);
    QCOMPARE(parseTimeInput("#120")->kind, TimeInput::Frame);
    QCOMPARE(parseTimeInput("#120")->frame, qint64(120));
    QCOMPARE(parseTimeInput("f7")->frame, qint64(7));
    QCOMPARE(parseTimeInput("35f")->frame, qint64(35));
    QVERIFY(!parseTimeInput("abc"));
    QVERIFY(!parseTimeInput(""));
    QVERIFY(!parseTimeInput("-3"));
    QCOMPARE(formatClock(62500 * kNsPerMs), QStringLiteral("1:02.500"));
    QCOMPARE(formatClock(3723 * kNsPerSecond), QStringLiteral("1:02:03.000"));
  }

  void registryHasTheTransportKeysWithoutConflicts() {
    MainWindow::Options o;
    o.restoreSettings = false;
    MainWindow w(o);
    ActionRegistry &a = w.actions();
    QVERIFY2(a.conflicts().isEmpty(), qPrintable(a.conflicts().join("; ")));
    auto keyOf = [&](const char *id) { return a.action(id)->shortcut(); };
    QCOMPARE(keyOf("playback.toggle"), QKeySequence(Qt::Key_Space));
    QCOMPARE(keyOf("playback.stepForward"), QKeySequence(Qt::Key_Right));
    QCOMPARE(keyOf("playback.back10"), QKeySequence(Qt::SHIFT | Qt::Key_Left));
    QCOMPARE(keyOf("playback.back100"), QKeySequence(Qt::Key_PageUp));
    QCOMPARE(keyOf("playback.forward100"), QKeySequence(Qt::Key_PageDown));
    QCOMPARE(keyOf("playback.reverse"), QKeySequence(Qt::Key_J));
    QCOMPARE(keyOf("playback.pause"), QKeySequence(Qt::Key_K));
    QCOMPARE(keyOf("playback.forward"), QKeySequence(Qt::Key_L));
    QCOMPARE(keyOf("playback.start"), QKeySequence(Qt::Key_Home));
    QCOMPARE(keyOf("playback.end"), QKeySequence(Qt::Key_End));
    QCOMPARE(keyOf("timeline.zoomIn"), QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QCOMPARE(keyOf("timeline.zoomOut"), QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QCOMPARE(keyOf("view.fit"), QKeySequence(Qt::Key_F));
    QCOMPARE(keyOf("file.open"), QKeySequence(QKeySequence::Open));
    QCOMPARE(keyOf("file.export"), QKeySequence(Qt::CTRL | Qt::Key_E));
    // The shortcuts dialog lists them.
    ShortcutsDialog d(a);
    int rows = 0;
    for (int i = 0; i < d.tree()->topLevelItemCount(); ++i)
      rows += d.tree()->topLevelItem(i)->childCount();
    QVERIFY(rows >= 16);
    // Remapping goes through the registry.
    QVERIFY(a.setShortcuts("view.fit", {QKeySequence(Qt::Key_G)}));
    QCOMPARE(keyOf("view.fit"), QKeySequence(Qt::Key_G));
  }

  void coverageShowsGaps() {
    std::vector<Timestamp> t;
    for (int i = 0; i < 100; ++i)
      t.push_back(i * 10 * kNsPerMs);
    for (int i = 200; i < 300; ++i) // a 1 s gap
      t.push_back(i * 10 * kNsPerMs);
    const auto spans = coverageFromTimes(t, 0);
    QCOMPARE(spans.size(), std::size_t(2));
    QCOMPARE(spans[0].range.begin, Timestamp(0));
    QCOMPARE(spans[0].range.end, 1000 * kNsPerMs);
    QCOMPARE(spans[1].range.begin, 2000 * kNsPerMs);
  }

  void timelineZoomsToFrameLevel() {
    TimelineWidget tl;
    tl.resize(800, 120);
    tl.setRange({0, 60 * kNsPerSecond});
    tl.setFramePeriod(33333333);
    tl.setPlayhead(30 * kNsPerSecond);
    for (int i = 0; i < 30; ++i)
      tl.zoomIn();
    // Clamped at ten frames across, centred on the playhead.
    QCOMPARE(tl.visibleRange().duration(), 10 * Timestamp(33333333));
    QVERIFY(tl.visibleRange().contains(30 * kNsPerSecond));
    tl.fit();
    QCOMPARE(tl.visibleRange(), (TimeRange{0, 60 * kNsPerSecond}));
    // The playhead is drawn at its x.
    tl.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tl));
    const QImage img = tl.grab().toImage();
    const int x = static_cast<int>(std::round(tl.xOf(30 * kNsPerSecond)));
    const QColor c = img.pixelColor(x, img.height() - 5);
    QVERIFY2(c.red() > 200 && c.green() < 100, qPrintable(c.name()));
  }
};

TACIT_GUI_TEST_MAIN(WidgetUnitsTest)
#include "WidgetUnitsTest.moc"
