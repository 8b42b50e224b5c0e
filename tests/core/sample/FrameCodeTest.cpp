// The frame index code must survive lossy compression and be rejected where there is none.
#include <QBuffer>
#include <QImage>
#include <QtTest>

#include "core/sample/FrameCode.h"

using namespace tacit::sample;

class FrameCodeTest : public QObject {
  Q_OBJECT
private slots:
  void roundTripsEveryWidth_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<uint>("index");
    for (int w : {256, 320, 642, 1408, 1920})
      for (uint i : {0u, 1u, 59u, 0xABCDEFu, static_cast<uint>(kFrameCodeMax)})
        QTest::addRow("%d-%u", w, i) << w << i;
  }
  void roundTripsEveryWidth() {
    QFETCH(int, width);
    QFETCH(uint, index);
    QImage img(width, 200, QImage::Format_RGB888);
    img.fill(QColor(90, 140, 200));
    drawFrameCode(img.bits(), img.width(), img.height(), static_cast<int>(img.bytesPerLine()), index);
    const auto read = readFrameCode(img);
    QVERIFY(read.has_value());
    QCOMPARE(*read, static_cast<std::uint32_t>(index));
  }

  void cellsAreAtLeastEightPixels() {
    QCOMPARE(frameCodeLayout(256).cell, 8);
    QCOMPARE(frameCodeLayout(1408).cell, 22);
    const FrameCodeLayout l = frameCodeLayout(1408);
    QVERIFY(l.x0 >= 0 && l.x0 + 26 * l.cell <= 1408);
    QCOMPARE(l.x0 % 2, 0);
  }

  void survivesJpegAndOtherFormats() {
    QImage img(640, 480, QImage::Format_RGB888);
    img.fill(QColor(30, 30, 30));
    drawFrameCode(img.bits(), img.width(), img.height(), static_cast<int>(img.bytesPerLine()), 123456);
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QVERIFY(img.save(&buf, "JPG", 20));
    QImage decoded;
    QVERIFY(decoded.loadFromData(bytes, "JPG"));
    QCOMPARE(readFrameCode(decoded).value_or(0), 123456u);
    QCOMPARE(readFrameCode(decoded.convertToFormat(QImage::Format_ARGB32)).value_or(0), 123456u);
  }

  void rejectsFramesWithoutCode() {
    QImage black(640, 480, QImage::Format_RGB888);
    black.fill(Qt::black);
    QVERIFY(!readFrameCode(black).has_value());
    QImage grey(640, 480, QImage::Format_RGB888);
    grey.fill(QColor(128, 128, 128));
    QVERIFY(!readFrameCode(grey).has_value()); // guards fine, cells ambiguous
    QVERIFY(!readFrameCode(QImage()).has_value());
    QVERIFY(!readFrameCode(nullptr, 640, 480, 640 * 3).has_value());
    QImage tiny(100, 20, QImage::Format_RGB888);
    tiny.fill(Qt::white);
    QVERIFY(!readFrameCode(tiny).has_value());
  }
};

QTEST_GUILESS_MAIN(FrameCodeTest)
#include "FrameCodeTest.moc"
