// AsyncFrameProvider: frames published from the worker thread; scrubbing inside the cache costs
// no decode; newest request wins; the cache byte budget holds during playback.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>

#include "MediaTestUtil.h"
#include "core/media/AsyncFrameProvider.h"
#include "core/media/VideoSource.h"

using namespace tacit::media;

class AsyncFrameProviderTest : public QObject {
  Q_OBJECT

  std::unique_ptr<FrameSource> openClip() {
    auto src = VideoSource::open(m_clip.toStdString());
    if (!src)
      return nullptr;
    return src.takeValue();
  }

private slots:
  void initTestCase() {
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    m_clip = m_dir.filePath("clip.mp4");
    const QString e =
        mediatest::makeClip(m_clip, "160x120", 48, {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "12"});
    QVERIFY2(e.isEmpty(), qPrintable(e));
  }

  void publishesRequestedFrameFromWorker() {
    AsyncFrameProvider provider(openClip());
    QCOMPARE(provider.frameCount(), std::int64_t(48));
    QVERIFY(provider.latest().isNull());
    std::atomic<bool> onWorker{false};
    QThread *mainThread = QThread::currentThread();
    provider.setFrameCallback([&](const VideoFrame &) { onWorker = QThread::currentThread() != mainThread; });
    QSignalSpy ready(&provider, &AsyncFrameProvider::frameReady);
    provider.request(17);
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.first().first().toLongLong(), 17);
    QVERIFY(onWorker.load());
    const VideoFrame f = provider.latest();
    QCOMPARE(f.index, std::int64_t(17));
    QCOMPARE(f.ptsNs, provider.ptsNs(17));
    auto direct = VideoSource::open(m_clip.toStdString());
    QVERIFY(direct.ok());
    auto expected = (*direct)->frame(17);
    QVERIFY(expected.ok());
    QCOMPARE(f.packedBytes(), expected->packedBytes());
    QCOMPARE(f.image().format(), QImage::Format_RGB888);
  }

  void scrubbingInsideCacheCostsNoDecode() {
    AsyncFrameProvider::Options o;
    o.prefetchFrames = 0; // so any decode would be the scrub's fault
    AsyncFrameProvider provider(openClip(), o);
    for (std::int64_t i = 20; i <= 24; ++i) { // playback
      provider.request(i);
      QVERIFY(provider.waitIdle());
    }
    const std::int64_t decoded = provider.decodedFrames();
    const std::int64_t hits = provider.cacheHits();
    for (std::int64_t i : {23, 22, 21, 24, 20, 22, 24, 21}) { // back and forth
      provider.request(i);
      QVERIFY(provider.waitIdle());
      QCOMPARE(provider.latest().index, i);
    }
    QCOMPARE(provider.decodedFrames(), decoded);
    QCOMPARE(provider.cacheHits(), hits + 8);
  }

  void newestRequestWins() {
    AsyncFrameProvider::Options o;
    o.prefetchFrames = 0;
    AsyncFrameProvider provider(openClip(), o);
    for (std::int64_t i = 0; i < 48; ++i)
      provider.request(i);
    QVERIFY(provider.waitIdle());
    QCOMPARE(provider.latest().index, std::int64_t(47));
    provider.request(1000); // clamped
    QVERIFY(provider.waitIdle());
    QCOMPARE(provider.latest().index, std::int64_t(47));
  }

  void cacheBudgetHoldsDuringPlayback() {
    AsyncFrameProvider::Options o;
    const std::size_t frameBytes = 512 * 120; // 160 px * 3 B rounded up to 512 B stride
    o.cacheBytes = 5 * frameBytes;
    AsyncFrameProvider provider(openClip(), o);
    for (std::int64_t i = 0; i < 48; ++i) {
      provider.request(i);
      QVERIFY(provider.waitIdle());
      QVERIFY(provider.cache().bytes() <= o.cacheBytes);
    }
    QCOMPARE(provider.cache().size(), std::size_t(5));
  }

  void requestByTime() {
    AsyncFrameProvider provider(openClip());
    provider.requestTime(provider.ptsNs(30) + 1);
    QVERIFY(provider.waitIdle());
    QCOMPARE(provider.latest().index, std::int64_t(30));
  }

private:
  QTemporaryDir m_dir;
  QString m_clip;
};

QTEST_GUILESS_MAIN(AsyncFrameProviderTest)
#include "AsyncFrameProviderTest.moc"
