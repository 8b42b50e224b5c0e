// The plot draws from the min/max pyramid and puts its cursor line exactly at the playhead's x.
#include "tests/widgets/GuiTestSupport.h"

#include "core/series/Series.h"
#include "widgets/plot/PlotWidget.h"
#include "widgets/plot/PlotsView.h"

using namespace tacit;

namespace {
std::shared_ptr<series::Series> sineSeries(std::size_t n, Timestamp period) {
  auto s = std::make_shared<series::Series>(std::vector<std::string>{"a", "b"});
  for (std::size_t i = 0; i < n; ++i) {
    const float v[2] = {std::sin(float(i) * 0.01f) * 5.0f, float(i % 100) / 100.0f};
    s->append(static_cast<Timestamp>(i) * period, v);
  }
  s->finish();
  return s;
}

} // namespace

class PlotWidgetTest : public QObject {
  Q_OBJECT
private slots:
  void cursorIsAtPlayheadX() {
    auto s = sineSeries(10000, kNsPerMs);
    auto src = std::make_shared<SeriesPlotSource>("Test", "u", s, std::vector<int>{0, 1}, QStringList{"a", "b"});
    PlotWidget w;
    w.resize(600, 160);
    w.setSource(src);
    w.setBounds(src->timeRange());
    w.setVisibleRange(src->timeRange());
    const Timestamp t = 3 * kNsPerSecond + 250 * kNsPerMs;
    w.setPlayhead(t);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QImage img = w.grab().toImage();
    const int expected = static_cast<int>(std::floor(w.axis().xOf(t)));
    QCOMPARE(w.cursorX(), expected);
    // The whole column at x is the cursor colour (apart from the title row it crosses).
    int hits = 0;
    for (int y = 0; y < img.height(); ++y)
      hits += guitest::colourDistance(img.pixelColor(expected, y), PlotWidget::cursorColor()) < 30 ? 1 : 0;
    QVERIFY2(hits > img.height() * 8 / 10, qPrintable(QString::number(hits)));
    // No other column carries a cursor-coloured line.
    for (int x = PlotWidget::kLeftMargin; x < img.width() - 2; ++x) {
      if (std::abs(x - expected) <= 0)
        continue;
      int n = 0;
      for (int y = 0; y < img.height(); ++y)
        n += guitest::colourDistance(img.pixelColor(x, y), PlotWidget::cursorColor()) < 30 ? 1 : 0;
      QVERIFY2(n < img.height() / 2, qPrintable(QStringLiteral("column %1").arg(x)));
    }

    // Moving the playhead moves the line.
    const Timestamp t2 = 7 * kNsPerSecond;
    w.setPlayhead(t2);
    const QImage img2 = w.grab().toImage();
    const int x2 = static_cast<int>(std::floor(w.axis().xOf(t2)));
    QVERIFY(x2 > expected + 100);
    QVERIFY(guitest::colourDistance(img2.pixelColor(x2, img2.height() / 2), PlotWidget::cursorColor()) < 30);
    QVERIFY(guitest::colourDistance(img2.pixelColor(expected, img2.height() / 2), PlotWidget::cursorColor()) >= 30);
  }

  void drawsTheSignalEnvelope() {
    // A constant +1 / -1 square wave: the plot shows channel colour at both extremes.
    auto s = std::make_shared<series::Series>(std::vector<std::string>{"sq"});
    for (int i = 0; i < 200000; ++i) {
      const float v = (i / 50) % 2 ? 1.0f : -1.0f;
      s->append(static_cast<Timestamp>(i) * kNsPerMs, &v);
    }
    s->finish();
    auto src = std::make_shared<SeriesPlotSource>("Sq", "", s, std::vector<int>{0}, QStringList{"sq"});
    src->setColors({QColor(0, 255, 0)});
    PlotWidget w;
    w.resize(400, 120);
    w.setSource(src);
    w.setBounds(src->timeRange());
    w.setVisibleRange(src->timeRange());
    w.setPlayhead(-1);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QImage img = w.grab().toImage();
    // Around the middle, green reaches near the top and the bottom of the plot area.
    int top = img.height(), bottom = -1;
    for (int x = 240; x < 260; ++x)
      for (int y = 0; y < img.height(); ++y)
        if (img.pixelColor(x, y).green() > 200 && img.pixelColor(x, y).red() < 80) {
          top = std::min(top, y);
          bottom = std::max(bottom, y);
        }
    QVERIFY2(bottom - top > 60, qPrintable(QStringLiteral("%1..%2").arg(top).arg(bottom)));
  }

  void plotsViewSharesZoom() {
    auto s = sineSeries(5000, kNsPerMs);
    auto a = std::make_shared<SeriesPlotSource>("A", "", s, std::vector<int>{0}, QStringList{"a"});
    auto b = std::make_shared<SeriesPlotSource>("B", "", s, std::vector<int>{1}, QStringList{"b"});
    PlotsView v;
    v.setSources({a, b}, a->timeRange());
    QCOMPARE(v.plots().size(), std::size_t(2));
    const TimeRange zoom{kNsPerSecond, 2 * kNsPerSecond};
    v.setVisibleRange(zoom);
    for (PlotWidget *p : v.plots())
      QCOMPARE(p->visibleRange(), zoom);
    // The playhead leaving the zoomed window pages the view to follow it.
    v.setPlayhead(3 * kNsPerSecond + 500 * kNsPerMs);
    QVERIFY(v.visibleRange().contains(3 * kNsPerSecond + 500 * kNsPerMs));
    QCOMPARE(v.visibleRange().duration(), zoom.duration());
  }
};

TACIT_GUI_TEST_MAIN(PlotWidgetTest)
#include "PlotWidgetTest.moc"
