#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "ReadersHelper.h"
#include "core/export/LeRobotVideoEncoder.h"

using namespace tacit::exporting;
using nlohmann::json;

namespace {
constexpr int kW = 96, kH = 64;

// Flat colour per frame so a lossy round trip can be compared with a tolerance.
std::vector<std::uint8_t> flatFrame(int i) {
  std::vector<std::uint8_t> rgb(kW * kH * 3);
  for (std::size_t p = 0; p < rgb.size(); p += 3) {
    rgb[p] = static_cast<std::uint8_t>(40 + i * 5);
    rgb[p + 1] = 128;
    rgb[p + 2] = static_cast<std::uint8_t>(200 - i * 3);
  }
  return rgb;
}

QByteArray decodeFrame(const QString &file, int index) {
  QProcess p;
  p.start("ffmpeg", {"-v", "error", "-i", file, "-vf", QString("select=eq(n\\,%1)").arg(index), "-vframes", "1", "-f",
                     "rawvideo", "-pix_fmt", "rgb24", "-"});
  p.waitForFinished(30000);
  return p.readAllStandardOutput();
}
} // namespace

class VideoEncoderTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

  void encodeAndProbe(const std::string &codec, const std::string &expectCodec) {
    const QString path = m_dir.filePath(QString::fromStdString(codec) + ".mp4");
    VideoEncoderOptions opt;
    opt.width = kW;
    opt.height = kH;
    opt.codec = codec;
    auto enc = LeRobotVideoEncoder::open(path.toStdString(), opt);
    QVERIFY2(enc.ok(), enc.error().c_str());
    for (int i = 0; i < 25; ++i)
      QVERIFY((*enc)->addFrame(flatFrame(i).data()).ok());
    QVERIFY((*enc)->finish().ok());
    QCOMPARE((*enc)->frameCount(), 25);
    QCOMPARE((*enc)->codecName(), expectCodec);

    const json probe = tacit::testing::ffprobe(path);
    QVERIFY(!probe.is_null());
    const json &s = probe["streams"][0];
    QCOMPARE(s["codec_name"].get<std::string>(), expectCodec);
    QCOMPARE(s["pix_fmt"].get<std::string>(), std::string("yuv420p"));
    QCOMPARE(s["width"].get<int>(), kW);
    QCOMPARE(s["height"].get<int>(), kH);
    QCOMPARE(s["nb_read_frames"].get<std::string>(), std::string("25"));
    QCOMPARE(s["r_frame_rate"].get<std::string>(), std::string("30/1"));

    const QByteArray f = decodeFrame(path, 12);
    QCOMPARE(f.size(), kW * kH * 3);
    const auto ref = flatFrame(12);
    const int mid = (kH / 2 * kW + kW / 2) * 3;
    for (int c = 0; c < 3; ++c)
      QVERIFY2(std::abs(int(std::uint8_t(f[mid + c])) - int(ref[mid + c])) <= 6, qPrintable(QString::number(c)));
  }

private slots:
  void av1WhenAvailable() {
    // LeRobot's default codec. Debian 12's FFmpeg ships libsvtav1.
    QVERIFY(LeRobotVideoEncoder::hasEncoder("libsvtav1"));
    encodeAndProbe("auto", "av1");
  }
  void h264Fallback() { encodeAndProbe("libx264", "h264"); }

  void gopIsTwo() {
    const QString path = m_dir.filePath("libx264.mp4");
    QProcess p;
    p.start("ffprobe",
            {"-v", "error", "-select_streams", "v", "-show_entries", "frame=key_frame", "-of", "csv=p=0", path});
    p.waitForFinished(30000);
    const QStringList keys = QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(keys.size(), 25);
    for (int i = 0; i < keys.size(); i += 2) // GOP 2: every even frame is a keyframe
      QVERIFY(keys[i].startsWith(QLatin1Char('1')));
  }

  void autoFallsBackToH264WhenSvtRefusesTheSize() {
    VideoEncoderOptions opt;
    opt.width = 48; // SVT-AV1 needs at least 64 px
    opt.height = 32;
    auto enc = LeRobotVideoEncoder::open(m_dir.filePath("small.mp4").toStdString(), opt);
    QVERIFY2(enc.ok(), enc.error().c_str());
    QCOMPARE((*enc)->codecName(), std::string("h264"));
    std::vector<std::uint8_t> rgb(48 * 32 * 3, 90);
    QVERIFY((*enc)->addFrame(rgb.data()).ok());
    QVERIFY((*enc)->finish().ok());
    QCOMPARE(tacit::testing::ffprobe(m_dir.filePath("small.mp4"))["streams"][0]["nb_read_frames"].get<std::string>(),
             std::string("1"));
  }

  void oddSizeIsRejected() {
    VideoEncoderOptions opt;
    opt.width = 95;
    auto enc = LeRobotVideoEncoder::open(m_dir.filePath("odd.mp4").toStdString(), opt);
    QVERIFY(!enc.ok());
    QVERIFY(QString::fromStdString(enc.error()).contains("odd.mp4: "));
  }
};

QTEST_GUILESS_MAIN(VideoEncoderTest)
#include "VideoEncoderTest.moc"
