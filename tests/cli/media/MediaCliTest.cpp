// tacit-cli frame / index / bench on a plain file and on a recording folder: exact frames as PNG
// (RGB identical to the ffmpeg CLI; depth as 16-bit PNG), index JSON, exit codes.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "../../core/media/MediaTestUtil.h"

namespace {
struct Run {
  int code = -1;
  QByteArray out, err;
};
Run cli(const QStringList &args) {
  QProcess p;
  p.start(QStringLiteral(TACIT_CLI_PATH), args);
  Run r;
  if (!p.waitForFinished(60000))
    return r;
  r.code = p.exitCode();
  r.out = p.readAllStandardOutput();
  r.err = p.readAllStandardError();
  return r;
}
} // namespace

class MediaCliTest : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    m_rec = m_dir.filePath("rec");
    QDir().mkpath(m_rec);
    QVERIFY(mediatest::makeClip(m_rec + "/rgb.mp4", "160x120", 30,
                                {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "12"})
                .isEmpty());
    QVERIFY(mediatest::ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=30", "-frames:v", "10", "-vf",
                               "format=gray16le", "-c:v", "ffv1", m_rec + "/depth.mkv"})
                .isEmpty());
    QFile json(m_rec + "/recording.json");
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"format":"tacit-recording","version":1,"id":"0b7c6a9e-cli-test","streams":[
      {"id":"rgb","kind":"video","path":"rgb.mp4","time_offset_ns":1000000000},
      {"id":"depth","kind":"depth","path":"depth.mkv"}]})");
  }

  void frameByIndexMatchesFfmpeg() {
    const QString out = m_dir.filePath("f7.png");
    const Run r = cli({"frame", m_rec + "/rgb.mp4", "--index", "7", "--out", out});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString ref = m_dir.filePath("ref7.png");
    QVERIFY(mediatest::ffmpeg({"-i", m_rec + "/rgb.mp4", "-vf", "select=eq(n\\,7)", "-vsync", "0", "-frames:v", "1",
                               "-pix_fmt", "rgb24", ref})
                .isEmpty());
    QCOMPARE(QImage(out).convertToFormat(QImage::Format_RGB888), QImage(ref).convertToFormat(QImage::Format_RGB888));
  }

  void plainAviWithBFrames() {
    // MPEG-4 Part 2 with B-frames in AVI (no timestamps give the order): `info` describes the file as
    // one video stream and `frame` writes ffmpeg's frame N for every N asked (first, middle, last).
    const QString avi = m_dir.filePath("plain.avi");
    QVERIFY(mediatest::makeClip(avi, "160x120", 25, {"-c:v", "mpeg4", "-bf", "2", "-g", "12", "-q:v", "5"}).isEmpty());
    const Run info = cli({"info", avi, "--json"});
    QVERIFY2(info.code == 0, info.err.constData());
    const QJsonArray streams = QJsonDocument::fromJson(info.out).object()["streams"].toArray();
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams[0].toObject()["samples"].toInt(), 25);
    for (int n : {0, 1, 2, 12, 24}) {
      const QString out = m_dir.filePath(QStringLiteral("avi%1.png").arg(n));
      const Run r = cli({"frame", avi, "--index", QString::number(n), "--out", out});
      QVERIFY2(r.code == 0, r.err.constData());
      const QString ref = m_dir.filePath(QStringLiteral("aviref%1.png").arg(n));
      QVERIFY(mediatest::ffmpeg({"-i", avi, "-vf", QStringLiteral("select=eq(n\\,%1)").arg(n), "-vsync", "0",
                                 "-frames:v", "1", "-pix_fmt", "rgb24", ref})
                  .isEmpty());
      QVERIFY2(QImage(out).convertToFormat(QImage::Format_RGB888) == QImage(ref).convertToFormat(QImage::Format_RGB888),
               qPrintable(QStringLiteral("frame %1 differs from ffmpeg's").arg(n)));
    }
  }

  void frameByTimeInRecordingUsesOffset() {
    const QString out = m_dir.filePath("t.png");
    // Frame 7 is at 7/30 s + 1 s offset; a time just after it still selects it.
    const Run r = cli({"frame", m_rec, "--time-ns", "1234000000", "--out", out, "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["index"].toInt(), 7);
    QCOMPARE(j["pts_ns"].toInteger(), qint64(1233333333));
    const Run before = cli({"frame", m_rec, "--time-ns", "5", "--out", out});
    QCOMPARE(before.code, 1);
    QVERIFY(before.err.contains("no frame at or before"));
  }

  void depthFrameIs16BitPng() {
    const QString out = m_dir.filePath("d.png");
    const Run r = cli({"frame", m_rec, "--stream", "depth", "--index", "3", "--out", out});
    QVERIFY2(r.code == 0, r.err.constData());
    const QImage img(out);
    QCOMPARE(img.format(), QImage::Format_Grayscale16);
    QByteArray raw;
    QVERIFY(mediatest::ffmpeg({"-i", m_rec + "/depth.mkv", "-vf", "select=eq(n\\,3)", "-vsync", "0", "-frames:v", "1",
                               "-pix_fmt", "gray16le", "-f", "rawvideo", "-"},
                              &raw)
                .isEmpty());
    QCOMPARE(raw.size(), 64 * 48 * 2);
    for (int y = 0; y < 48; ++y)
      QVERIFY(memcmp(img.constScanLine(y), raw.constData() + y * 128, 128) == 0);
  }

  void indexJson() {
    const Run r = cli({"index", m_rec, "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["frame_count"].toInt(), 30);
    QCOMPARE(j["pts_ns"].toArray().size(), 30);
    QCOMPARE(j["pts_ns"].toArray()[0].toInteger(), qint64(1000000000));
    QCOMPARE(j["key_frames"].toArray()[0].toInt(), 0);
    QCOMPARE(j["key_frames"].toArray().size(), 3); // GOP 12 over 30 frames
    QCOMPARE(j["width"].toInt(), 160);
  }

  void errorsAndUsage() {
    QCOMPARE(cli({"frame", m_rec, "--out", m_dir.filePath("x.png")}).code, 2); // no --index/--time-ns
    const Run missing = cli({"index", m_dir.filePath("missing.mp4")});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains("missing.mp4"));
    const Run stream = cli({"index", m_rec, "--stream", "imu"});
    QCOMPARE(stream.code, 1);
    const Run range = cli({"frame", m_rec, "--index", "30", "--out", m_dir.filePath("x.png")});
    QCOMPARE(range.code, 1);
    QVERIFY(range.err.contains("out of range"));
    QCOMPARE(cli({"bench", "nosuchverb"}).code, 2);
    // PATH is exactly one positional for both commands (shared MediaCliSupport arguments).
    QCOMPARE(cli({"index"}).code, 2);
    QCOMPARE(cli({"index", m_rec, m_rec}).code, 2);
    QCOMPARE(cli({"frame", "--index", "0", "--out", m_dir.filePath("x.png")}).code, 2);
    const Run notRecording = cli({"index", m_rec + "/rgb.mp4", "--stream", "rgb"});
    QCOMPARE(notRecording.code, 1);
    QVERIFY(notRecording.err.contains("--stream needs a recording folder"));
    // A folder without recording.json (and without PNG depth frames) says so (issue #14).
    QDir(m_dir.path()).mkpath("plain");
    for (const QStringList &args :
         {QStringList{"index", m_dir.filePath("plain")},
          QStringList{"frame", m_dir.filePath("plain"), "--index", "0", "--out", m_dir.filePath("x.png")}}) {
      const Run plain = cli(args);
      QCOMPARE(plain.code, 1);
      QVERIFY2(plain.err.contains("recording.json: not found; the folder is not a recording"), qPrintable(plain.err));
    }
  }

  void benchVerbs() {
    const Run d = cli({"bench", "decode", m_rec + "/rgb.mp4", "--json"});
    QVERIFY2(d.code == 0, d.err.constData());
    QCOMPARE(QJsonDocument::fromJson(d.out).object()["frames"].toInt(), 30);
    const Run s = cli({"bench", "seek", m_rec + "/rgb.mp4", "--random", "5", "--seed", "3", "--json"});
    QVERIFY2(s.code == 0, s.err.constData());
    QCOMPARE(QJsonDocument::fromJson(s.out).object()["requests"].toInt(), 5);
  }

private:
  QTemporaryDir m_dir;
  QString m_rec;
};

QTEST_GUILESS_MAIN(MediaCliTest)
#include "MediaCliTest.moc"
