// VideoSource returns exactly the frame the ffmpeg CLI outputs (rgb24, -vsync 0), by index, for
// each container/codec case of the issue. Sequential decode and random access are both checked.
// Built three times (TACIT_EXACT_GROUP 1, 2, 3) so each executable stays well under a minute.
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <map>

#include "MediaTestUtil.h"
#include "core/media/VideoSource.h"

using namespace tacit::media;
using mediatest::makeClip;

namespace {

struct Case {
  int group;
  std::function<QString(const QString &dir, QString *file)> make; // returns error text
};

const QStringList kH264{"-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "12"};

std::map<QString, Case> cases() {
  std::map<QString, Case> c;
  c["h264_bframes_mp4"] = {1, [](const QString &d, QString *f) {
                             *f = d + "/h264.mp4";
                             return makeClip(*f, "160x120", 48, kH264);
                           }};
  c["h264_open_gop_mp4"] = {1, [](const QString &d, QString *f) {
                              *f = d + "/opengop.mp4";
                              return makeClip(*f, "160x120", 48,
                                              {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "2", "-x264-params",
                                               "open-gop=1:keyint=12:min-keyint=12:scenecut=0"});
                            }};
  c["h264_bt709_mkv"] = {1, [](const QString &d, QString *f) {
                           *f = d + "/clip.mkv";
                           return makeClip(*f, "160x120", 48,
                                           kH264 + QStringList{"-colorspace", "bt709", "-color_primaries", "bt709",
                                                               "-color_trc", "bt709"});
                         }};
  c["vfr_mp4"] = {1, [](const QString &d, QString *f) {
                    *f = d + "/vfr.mp4";
                    return makeClip(*f, "160x120", 48,
                                    kH264 + QStringList{"-fps_mode", "passthrough", "-enc_time_base", "1:1000",
                                                        "-video_track_timescale", "1000"},
                                    {"-vf", "settb=1/1000,setpts='(N*33+mod(N*N\\,29))/1000/TB'"});
                  }};
  // Same pts on several frames (what a naive setpts on a 1/30 time base produces): still exact.
  c["duplicate_pts_mp4"] = {1, [](const QString &d, QString *f) {
                              *f = d + "/dup.mp4";
                              return makeClip(
                                  *f, "160x120", 40,
                                  kH264 + QStringList{"-fps_mode", "passthrough", "-video_track_timescale", "1000"},
                                  {"-vf", "setpts='(N*33+mod(N*N\\,29))/1000/TB'"});
                            }};
  c["edit_list_mp4"] = {1, [](const QString &d, QString *f) {
                          const QString src = d + "/src.mp4";
                          if (QString e = makeClip(src, "160x120", 48, kH264); !e.isEmpty())
                            return e;
                          *f = d + "/edit.mp4"; // starts mid-GOP: leading packets are decoded but not shown
                          return mediatest::ffmpeg({"-ss", "0.5", "-i", src, "-c", "copy", *f});
                        }};
  c["rotation_90_mp4"] = {1, [](const QString &d, QString *f) {
                            const QString src = d + "/src.mp4";
                            if (QString e = makeClip(src, "160x120", 24, kH264); !e.isEmpty())
                              return e;
                            *f = d + "/rot90.mp4";
                            return mediatest::ffmpeg({"-i", src, "-c", "copy", "-metadata:s:v", "rotate=90", *f});
                          }};
  c["rotation_180_mp4"] = {1, [](const QString &d, QString *f) {
                             const QString src = d + "/src.mp4";
                             if (QString e = makeClip(src, "160x120", 24, kH264); !e.isEmpty())
                               return e;
                             *f = d + "/rot180.mp4";
                             return mediatest::ffmpeg({"-i", src, "-c", "copy", "-metadata:s:v", "rotate=180", *f});
                           }};
  c["rotation_270_mp4"] = {1, [](const QString &d, QString *f) {
                             const QString src = d + "/src.mp4";
                             if (QString e = makeClip(src, "160x120", 24, kH264); !e.isEmpty())
                               return e;
                             *f = d + "/rot270.mp4";
                             return mediatest::ffmpeg({"-i", src, "-c", "copy", "-metadata:s:v", "rotate=270", *f});
                           }};
  c["odd_size_321x241"] = {
      1, [](const QString &d, QString *f) {
        *f = d + "/odd.mp4";
        return makeClip(*f, "321x241", 40, {"-c:v", "libx264", "-pix_fmt", "yuv444p", "-bf", "2", "-g", "12"});
      }};
  c["hevc_mp4"] = {2, [](const QString &d, QString *f) {
                     *f = d + "/hevc.mp4";
                     return makeClip(
                         *f, "160x120", 48,
                         {"-c:v", "libx265", "-x265-params", "keyint=12:bframes=2:log-level=error", "-tag:v", "hvc1"});
                   }};
  c["av1_mkv"] = {2, [](const QString &d, QString *f) {
                    *f = d + "/av1.mkv";
                    return makeClip(*f, "160x120", 48, {"-c:v", "libsvtav1", "-preset", "12", "-g", "12"});
                  }};
  c["mpeg4_avi"] = {2, [](const QString &d, QString *f) {
                      *f = d + "/mpeg4.avi";
                      return makeClip(*f, "160x120", 48, {"-c:v", "mpeg4", "-g", "12", "-q:v", "5"});
                    }};
  c["mjpeg_avi"] = {2, [](const QString &d, QString *f) {
                      *f = d + "/mjpeg.avi";
                      return makeClip(*f, "160x120", 40, {"-c:v", "mjpeg", "-pix_fmt", "yuvj420p"});
                    }};
  c["h264_10bit_mp4"] = {
      2, [](const QString &d, QString *f) {
        *f = d + "/h264_10.mp4";
        return makeClip(*f, "160x120", 40, {"-c:v", "libx264", "-pix_fmt", "yuv420p10le", "-bf", "2", "-g", "12"});
      }};
  c["hevc_10bit_mkv"] = {2, [](const QString &d, QString *f) {
                           *f = d + "/hevc_10.mkv";
                           return makeClip(*f, "160x120", 40,
                                           {"-c:v", "libx265", "-pix_fmt", "yuv420p10le", "-x265-params",
                                            "keyint=12:bframes=2:log-level=error"});
                         }};
  // Group 3: containers whose timestamps do not give the order (AVI, raw streams) and the other
  // classes of ordinary files the issue lists (MPEG-TS, MPEG-2 PS, VP9, ProRes).
  const QStringList kMpeg4B{"-c:v", "mpeg4", "-bf", "2", "-g", "12", "-q:v", "5"};
  c["mpeg4_bframes_avi"] = {3, [kMpeg4B](const QString &d, QString *f) {
                              *f = d + "/mpeg4b.avi";
                              return makeClip(*f, "160x120", 48, kMpeg4B);
                            }};
  c["mpeg4_bframes_dx50_avi"] = {3, [kMpeg4B](const QString &d, QString *f) {
                                   *f = d + "/dx50.avi";
                                   return makeClip(*f, "160x120", 48, kMpeg4B + QStringList{"-vtag", "DX50"});
                                 }};
  c["msmpeg4v3_avi"] = {3, [](const QString &d, QString *f) {
                          *f = d + "/msmpeg4v3.avi";
                          return makeClip(*f, "160x120", 48, {"-c:v", "msmpeg4", "-g", "12", "-q:v", "5"});
                        }};
  c["h264_raw"] = {3, [](const QString &d, QString *f) {
                     *f = d + "/raw.h264";
                     return makeClip(*f, "160x120", 48, kH264 + QStringList{"-f", "h264"});
                   }};
  c["h264_mpegts"] = {3, [](const QString &d, QString *f) {
                        *f = d + "/clip.ts";
                        return makeClip(*f, "160x120", 48, kH264);
                      }};
  c["mpeg2_ps"] = {
      3, [](const QString &d, QString *f) {
        *f = d + "/clip.mpg";
        return makeClip(*f, "160x120", 48, {"-c:v", "mpeg2video", "-bf", "2", "-g", "12", "-q:v", "5", "-f", "vob"});
      }};
  c["vp9_webm"] = {3, [](const QString &d, QString *f) {
                     *f = d + "/clip.webm";
                     return makeClip(*f, "160x120", 48,
                                     {"-c:v", "libvpx-vp9", "-g", "12", "-deadline", "realtime", "-cpu-used", "8"});
                   }};
  c["prores_mov"] = {3, [](const QString &d, QString *f) {
                       *f = d + "/clip.mov";
                       return makeClip(*f, "160x120", 24, {"-c:v", "prores_ks", "-profile:v", "2"});
                     }};
  c["h264_bframes_mkv"] = {1, [](const QString &d, QString *f) {
                             *f = d + "/h264b.mkv";
                             return makeClip(*f, "160x120", 48, kH264);
                           }};
  return c;
}

} // namespace

class VideoExactnessTest : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() { qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8()); }

  void exactFrames_data() {
    QTest::addColumn<QString>("name");
    for (const auto &[name, c] : cases())
      if (c.group == TACIT_EXACT_GROUP)
        QTest::newRow(qPrintable(name)) << name;
  }

  void exactFrames() {
    QFETCH(QString, name);
    const Case c = cases().at(name);
    QDir().mkpath(m_dir.filePath(name));
    QString file;
    const QString err = c.make(m_dir.filePath(name), &file);
    QVERIFY2(err.isEmpty(), qPrintable(err));

    auto opened = VideoSource::open(file.toStdString());
    QVERIFY2(opened.ok(), opened.error().c_str());
    VideoSource &src = **opened;
    QVERIFY(!src.indexFromCache());
    QString refErr;
    const auto ref = mediatest::referenceFrames(file, src.width(), src.height(), &refErr);
    QVERIFY2(refErr.isEmpty(), qPrintable(refErr));
    QCOMPARE(src.frameCount(), static_cast<std::int64_t>(ref.size()));

    // Sequential: every frame in order.
    for (std::int64_t i = 0; i < src.frameCount(); ++i) {
      auto f = src.next();
      QVERIFY2(f.ok(), f.error().c_str());
      QCOMPARE(f->index, i);
      QCOMPARE(f->ptsNs, src.ptsNs(i));
      QVERIFY2(QByteArray::fromStdString(f->packedBytes()) == ref[static_cast<std::size_t>(i)],
               qPrintable(QStringLiteral("%1: sequential frame %2 differs from ffmpeg").arg(name).arg(i)));
    }
    // Random access in a scrambled order, on a second instance that reads the cached index.
    auto again = VideoSource::open(file.toStdString());
    QVERIFY2(again.ok(), again.error().c_str());
    QVERIFY((*again)->indexFromCache());
    QCOMPARE((*again)->frameCount(), src.frameCount());
    QRandomGenerator rng(42);
    std::vector<std::int64_t> order{src.frameCount() - 1, 0, 1, src.frameCount() / 2};
    for (int k = 0; k < 16; ++k)
      order.push_back(rng.bounded(static_cast<int>(src.frameCount())));
    for (std::int64_t i : order) {
      auto f = (*again)->frame(i);
      QVERIFY2(f.ok(), f.error().c_str());
      QVERIFY2(QByteArray::fromStdString(f->packedBytes()) == ref[static_cast<std::size_t>(i)],
               qPrintable(QStringLiteral("%1: random-access frame %2 differs from ffmpeg").arg(name).arg(i)));
    }
    // Times are ascending and indexAt() inverts them (where frames have distinct times).
    for (std::int64_t i = 1; i < src.frameCount(); ++i) {
      QVERIFY(src.ptsNs(i) >= src.ptsNs(i - 1));
      if (src.ptsNs(i) == src.ptsNs(i - 1) || (i + 1 < src.frameCount() && src.ptsNs(i + 1) == src.ptsNs(i)))
        continue;
      QCOMPARE(src.indexAt(src.ptsNs(i)), i);
      QCOMPARE(src.indexAt(src.ptsNs(i) - 1), i - 1);
    }
  }

#if TACIT_EXACT_GROUP == 1
  // The literal reference command of the issue for one frame: select=eq(n,N) to PNG.
  void selectFilterReference() {
    const QString file = m_dir.filePath("sel.mp4");
    QVERIFY(makeClip(file, "160x120", 30, kH264).isEmpty());
    const QString png = m_dir.filePath("sel.png");
    QVERIFY(mediatest::ffmpeg(
                {"-i", file, "-vf", "select=eq(n\\,17)", "-vsync", "0", "-frames:v", "1", "-pix_fmt", "rgb24", png})
                .isEmpty());
    QImage ref = QImage(png).convertToFormat(QImage::Format_RGB888);
    QVERIFY(!ref.isNull());
    auto src = VideoSource::open(file.toStdString());
    QVERIFY(src.ok());
    auto f = (*src)->frame(17);
    QVERIFY(f.ok());
    QCOMPARE(f->image(), ref);
  }
#endif

private:
  QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(VideoExactnessTest)
#include "VideoExactnessTest.moc"
