// DepthSource returns 16-bit depth values exactly (millimetres), from FFV1 gray16le in MKV and
// from 16-bit PNG sequences, with frame times (file name ns or fps) plus the stream offset.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include "MediaTestUtil.h"
#include "core/media/DepthSource.h"

using namespace tacit::media;

namespace {
constexpr int kW = 64, kH = 48;
quint16 depthAt(int x, int y, int f) {
  if (x == 0 && y == 0)
    return 0;
  if (x == kW - 1 && y == kH - 1)
    return 65535;
  return static_cast<quint16>((x * 37 + y * 1009 + f * 4099) % 65536);
}
void checkFrame(const VideoFrame &fr, int f) {
  QCOMPARE(fr.format, PixelFormat::Gray16);
  QCOMPARE(fr.width, kW);
  QCOMPARE(fr.height, kH);
  for (int y = 0; y < kH; ++y) {
    const auto *row = reinterpret_cast<const quint16 *>(fr.row(y));
    for (int x = 0; x < kW; ++x)
      if (row[x] != depthAt(x, y, f))
        QFAIL(qPrintable(
            QStringLiteral("frame %1 (%2,%3): %4 != %5").arg(f).arg(x).arg(y).arg(row[x]).arg(depthAt(x, y, f))));
  }
}
} // namespace

class DepthSourceTest : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() { qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8()); }

  void ffv1Gray16Mkv() {
    const QString raw = m_dir.filePath("depth.raw");
    QFile f(raw);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int fr = 0; fr < 10; ++fr)
      for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
          const quint16 v = depthAt(x, y, fr);
          const char le[2] = {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
          f.write(le, 2);
        }
    f.close();
    const QString mkv = m_dir.filePath("depth.mkv");
    QVERIFY(mediatest::ffmpeg(
                {"-f", "rawvideo", "-pix_fmt", "gray16le", "-s", "64x48", "-r", "30", "-i", raw, "-c:v", "ffv1", mkv})
                .isEmpty());
    DepthSource::Options o;
    o.timeOffsetNs = 5000;
    auto src = DepthSource::open(mkv.toStdString(), o);
    QVERIFY2(src.ok(), src.error().c_str());
    QCOMPARE((*src)->frameCount(), std::int64_t(10));
    QCOMPARE((*src)->ptsNs(0), std::int64_t(5000));
    QCOMPARE((*src)->ptsNs(3), std::int64_t(5000 + 100000000));
    for (int fr : {0, 1, 2, 9, 4, 3, 8}) {
      auto frame = (*src)->frame(fr);
      QVERIFY2(frame.ok(), frame.error().c_str());
      checkFrame(*frame, fr);
      if (QTest::currentTestFailed())
        return;
    }
  }

  void pngSequenceWithTimestamps() {
    const QString dir = m_dir.filePath("pngs");
    QDir().mkpath(dir);
    const qint64 times[] = {1000000000, 1033000000, 1067000000, 1100000000};
    for (int fr = 0; fr < 4; ++fr) {
      QImage img(kW, kH, QImage::Format_Grayscale16);
      for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
          reinterpret_cast<quint16 *>(img.scanLine(y))[x] = depthAt(x, y, fr);
      QVERIFY(img.save(dir + QStringLiteral("/%1.png").arg(times[fr])));
    }
    DepthSource::Options o;
    o.timeOffsetNs = -1000000000;
    auto src = DepthSource::open(dir.toStdString(), o);
    QVERIFY2(src.ok(), src.error().c_str());
    QCOMPARE((*src)->frameCount(), std::int64_t(4));
    QCOMPARE((*src)->ptsNs(0), std::int64_t(0));
    QCOMPARE((*src)->ptsNs(2), std::int64_t(67000000));
    QCOMPARE((*src)->indexAt(66999999), std::int64_t(1));
    for (int fr = 3; fr >= 0; --fr) {
      auto frame = (*src)->frame(fr);
      QVERIFY2(frame.ok(), frame.error().c_str());
      checkFrame(*frame, fr);
      QCOMPARE(frame->ptsNs, (*src)->ptsNs(fr));
    }
  }

  void pngSequenceNamedByOrder() {
    const QString dir = m_dir.filePath("named");
    QDir().mkpath(dir);
    for (int fr = 0; fr < 3; ++fr) {
      QImage img(kW, kH, QImage::Format_Grayscale16);
      img.fill(0);
      QVERIFY(img.save(dir + QStringLiteral("/depth_%1.png").arg(fr, 4, 10, QLatin1Char('0'))));
    }
    DepthSource::Options o;
    o.sequenceFps = 10;
    auto src = DepthSource::open(dir.toStdString(), o);
    QVERIFY2(src.ok(), src.error().c_str());
    QCOMPARE((*src)->ptsNs(2), std::int64_t(200000000));
  }

  void eightBitPngIsAnError() {
    const QString dir = m_dir.filePath("eight");
    QDir().mkpath(dir);
    QImage img(8, 8, QImage::Format_Grayscale8);
    img.fill(3);
    QVERIFY(img.save(dir + "/1.png"));
    auto src = DepthSource::open(dir.toStdString());
    QVERIFY(!src);
    QVERIFY2(QString::fromStdString(src.error()).contains("1.png: not a 16-bit"), src.error().c_str());
  }

  void emptyFolderIsAnError() {
    const QString dir = m_dir.filePath("none");
    QDir().mkpath(dir);
    auto src = DepthSource::open(dir.toStdString());
    QVERIFY(!src);
    QVERIFY2(QString::fromStdString(src.error()).contains("no .png"), src.error().c_str());
  }

private:
  QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(DepthSourceTest)
#include "DepthSourceTest.moc"
