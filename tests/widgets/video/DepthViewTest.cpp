// Depth colouring, auto range and the value under the cursor.
#include "tests/widgets/GuiTestSupport.h"

#include "widgets/depth/Colormap.h"
#include "widgets/depth/DepthView.h"

using namespace tacit;

class DepthViewTest : public QObject {
  Q_OBJECT
private slots:
  void colorizesAndReportsValues() {
    QImage depth(100, 50, QImage::Format_Grayscale16);
    for (int y = 0; y < depth.height(); ++y) {
      auto *row = reinterpret_cast<quint16 *>(depth.scanLine(y));
      for (int x = 0; x < depth.width(); ++x)
        row[x] = x < 10 ? 0 : static_cast<quint16>(500 + x * 20); // 700 .. 2480 mm, first 10 columns invalid
    }
    DepthView v;
    v.resize(100, 50);
    v.setColormap(Colormap::Grey);
    v.setDepthFrame(depth, 3);
    QVERIFY(v.autoRange());
    const auto [lo, hi] = v.range();
    QVERIFY(lo >= 700 && lo < 800);
    QVERIFY(hi > 2300 && hi <= 2480);
    QCOMPARE(v.valueAt(QPoint(50, 10)).value(), 1500);
    QVERIFY(!v.valueAt(QPoint(5, 10)).has_value());
    QVERIFY(!v.valueAt(QPoint(500, 10)).has_value());
    // Grey: brighter with distance, invalid pixels black.
    const QImage &shown = v.image();
    QCOMPARE(shown.pixelColor(5, 5), QColor(Qt::black));
    QVERIFY(shown.pixelColor(90, 5).red() > shown.pixelColor(20, 5).red() + 150);
    // Manual range saturates.
    v.setRange(1000, 1200);
    QVERIFY(!v.autoRange());
    QCOMPARE(v.image().pixelColor(90, 5), QColor(255, 255, 255));
    QCOMPARE(v.image().pixelColor(20, 5).red(), 0);
    // Turbo: far is red-ish, near blue-ish.
    v.setColormap(Colormap::Turbo);
    v.setAutoRange(true);
    const QColor nearC = v.image().pixelColor(12, 5), farC = v.image().pixelColor(99, 5);
    QVERIFY2(nearC.blue() > nearC.red(), qPrintable(nearC.name()));
    QVERIFY2(farC.red() > farC.blue(), qPrintable(farC.name()));
  }
};

TACIT_GUI_TEST_MAIN(DepthViewTest)
#include "DepthViewTest.moc"
