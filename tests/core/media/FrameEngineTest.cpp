// FrameEngine's contract (docs/frame-engine.md): frames published from the worker thread, exact
// frames equal VideoSource's (= the ffmpeg CLI's), newest request wins, the byte budget holds, the
// cache is a true LRU, display frames while playing, read-ahead in the playing direction (also in
// reverse), and a backward step while paused served from the decoded-GOP cache without decoding.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <condition_variable>
#include <mutex>

#include "MediaTestUtil.h"
#include "core/media/FrameEngine.h"
#include "core/media/VideoSource.h"

using namespace tacit;
using namespace tacit::media;

namespace {

// A synthetic stream whose decode can be held at a gate: makes "newest request wins" deterministic.
class GatedSource : public FrameSource {
public:
  explicit GatedSource(std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i)
      m_times.push_back(i * 33'000'000);
  }
  std::int64_t frameCount() const override { return static_cast<std::int64_t>(m_times.size()); }
  Timestamp ptsNs(std::int64_t i) const override { return m_times[static_cast<std::size_t>(i)]; }
  TimeRange timeRange() const override { return frameTimeRange(m_times); }
  std::int64_t indexAt(Timestamp t) const override { return latestIndexAt(m_times, t); }
  Result<VideoFrame> frame(std::int64_t i) override {
    {
      std::unique_lock lock(m_mutex);
      m_entered = true;
      m_cv.notify_all();
      m_cv.wait(lock, [this] { return m_open; });
    }
    ++m_decodes;
    VideoFrame f;
    f.index = i;
    f.ptsNs = ptsNs(i);
    f.width = 4;
    f.height = 4;
    f.stride = 16;
    f.format = PixelFormat::Rgb32;
    f.buffer = std::make_shared<FrameBuffer>(64);
    return f;
  }
  PixelFormat pixelFormat() const override { return PixelFormat::Rgb32; }
  int width() const override { return 4; }
  int height() const override { return 4; }
  std::string path() const override { return "gated"; }
  const std::vector<std::string> &warnings() const override { return m_warnings; }

  void close() {
    std::lock_guard lock(m_mutex);
    m_open = false;
    m_entered = false;
  }
  void open() {
    std::lock_guard lock(m_mutex);
    m_open = true;
    m_cv.notify_all();
  }
  bool waitEntered() {
    std::unique_lock lock(m_mutex);
    return m_cv.wait_for(lock, std::chrono::seconds(10), [this] { return m_entered; });
  }
  std::atomic<int> m_decodes{0};

private:
  std::vector<Timestamp> m_times;
  std::vector<std::string> m_warnings;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_open = true;
  bool m_entered = false;
};

} // namespace

class FrameEngineTest : public QObject {
  Q_OBJECT

  std::unique_ptr<FrameSource> openClip() {
    auto src = VideoSource::open(m_clip.toStdString());
    if (!src)
      return nullptr;
    return src.takeValue();
  }
  QByteArray exactBytes(std::int64_t i) {
    auto direct = VideoSource::open(m_clip.toStdString());
    auto f = direct ? (*direct)->frame(i) : Result<VideoFrame>::failure("cannot open");
    return f ? QByteArray::fromStdString(f->packedBytes()) : QByteArray();
  }
  static FrameEngine::Options quiet() { // no background work: every decode is the test's doing
    FrameEngine::Options o;
    o.readAhead = 0;
    o.prepareNeighbours = false;
    return o;
  }

private slots:
  void initTestCase() {
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    m_clip = m_dir.filePath("clip.mp4");
    const QString e =
        mediatest::makeClip(m_clip, "160x120", 48, {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "12"});
    QVERIFY2(e.isEmpty(), qPrintable(e));
  }

  void publishesExactFrameFromWorker() {
    FrameEngine engine(openClip());
    QCOMPARE(engine.frameCount(), std::int64_t(48));
    QVERIFY(engine.latest().isNull());
    std::atomic<bool> onWorker{false};
    QThread *mainThread = QThread::currentThread();
    engine.setFrameCallback([&](const VideoFrame &) { onWorker = QThread::currentThread() != mainThread; });
    QSignalSpy ready(&engine, &FrameEngine::frameReady);
    engine.request(17);
    QVERIFY(ready.wait(10000));
    const auto published = ready.first().first().value<VideoFrame>();
    QCOMPARE(published.index, std::int64_t(17));
    QVERIFY(onWorker.load());
    const VideoFrame f = engine.latest();
    QCOMPARE(f.index, std::int64_t(17));
    QVERIFY(f.exact);
    QCOMPARE(f.ptsNs, engine.ptsNs(17));
    QCOMPARE(QByteArray::fromStdString(f.packedBytes()), exactBytes(17));
    QCOMPARE(f.image().format(), QImage::Format_RGB888);
  }

  void newestRequestWins() {
    auto owned = std::make_unique<GatedSource>(48);
    GatedSource *src = owned.get();
    FrameEngine engine(std::move(owned), quiet());
    std::vector<std::int64_t> published;
    std::mutex m;
    engine.setFrameCallback([&](const VideoFrame &f) {
      std::lock_guard lock(m);
      published.push_back(f.index);
    });
    src->close();
    engine.request(0);
    QVERIFY(src->waitEntered()); // the worker is decoding frame 0
    for (std::int64_t i = 1; i < 48; ++i)
      engine.request(i); // each replaces the one before while the worker is busy
    src->open();
    QVERIFY(engine.waitIdle());
    QCOMPARE(published, (std::vector<std::int64_t>{0, 47}));
    QCOMPARE(src->m_decodes.load(), 2);
    engine.request(1000); // clamped to the last frame: a cache hit
    QVERIFY(engine.waitIdle());
    QCOMPARE(engine.latest().index, std::int64_t(47));
    QCOMPARE(src->m_decodes.load(), 2);
  }

  void scrubbingInsideCacheCostsNoDecode() {
    FrameEngine engine(openClip(), quiet());
    for (std::int64_t i = 20; i <= 24; ++i) { // playback
      engine.request(i);
      QVERIFY(engine.waitIdle());
    }
    const std::int64_t decoded = engine.decodedFrames();
    const std::int64_t hits = engine.cacheHits();
    for (std::int64_t i : {23, 22, 21, 24, 20, 22, 24, 21}) { // back and forth
      engine.request(i);
      QVERIFY(engine.waitIdle());
      QCOMPARE(engine.latest().index, i);
    }
    QCOMPARE(engine.decodedFrames(), decoded);
    QCOMPARE(engine.cacheHits(), hits + 8);
  }

  void budgetHoldsWhilePlaying() {
    FrameEngine::Options o;
    const std::size_t frameBytes = 512 * 120; // 160 px * 3 B rounded up to a 512 B stride
    o.cacheBytes = 5 * frameBytes;
    o.pictureCacheBytes = 3 * 160 * 120 * 2; // about two yuv420p pictures
    FrameEngine engine(openClip(), o);
    for (std::int64_t i = 0; i < 48; ++i) {
      engine.request(i, FrameEngine::Quality::Exact, 1);
      QVERIFY(engine.waitIdle());
      QVERIFY(engine.cache().bytes() <= o.cacheBytes);
      QVERIFY(engine.pictures().bytes() <= o.pictureCacheBytes);
    }
    QVERIFY(engine.cache().size() <= 5);
  }

  void lruKeepsWhatWasUsed() {
    // Budget for three frames: 0, 1, 2 cached; using 0 again makes 1 the least recently used.
    FrameEngine::Options o = quiet();
    o.cacheBytes = 3 * 512 * 120;
    FrameEngine engine(openClip(), o);
    for (std::int64_t i : {0, 1, 2}) {
      engine.request(i);
      QVERIFY(engine.waitIdle());
    }
    QVERIFY(engine.cached(0, true)); // a GUI-thread hit counts as a use
    engine.request(3);
    QVERIFY(engine.waitIdle());
    QVERIFY(engine.cached(0, true));
    QVERIFY(!engine.cached(1, false));
    QVERIFY(engine.cached(2, true));
    QVERIFY(engine.cached(3, true));
  }

  void displayFramesAndReadAheadWhilePlaying() {
    FrameEngine::Options o;
    o.readAhead = 6;
    FrameEngine engine(openClip(), o);
    engine.setDisplaySize(QSize(80, 60));
    engine.request(10, FrameEngine::Quality::Display, 1);
    QVERIFY(engine.waitIdle());
    const VideoFrame f = engine.latest();
    QCOMPARE(f.index, std::int64_t(10));
    QVERIFY(!f.exact);
    QCOMPARE(f.format, PixelFormat::Rgb32);
    QCOMPARE(QSize(f.width, f.height), QSize(80, 60));
    for (std::int64_t i = 11; i <= 16; ++i)
      QVERIFY2(engine.cached(i, false), qPrintable(QString::number(i)));
    QVERIFY(!engine.cached(9, false));
    // An exact request replaces the display frame and is exact.
    engine.request(12);
    QVERIFY(engine.waitIdle());
    QVERIFY(engine.latest().exact);
    QCOMPARE(QByteArray::fromStdString(engine.latest().packedBytes()), exactBytes(12));
  }

  void reverseReadAheadDecodesEachGopOnce() {
    FrameEngine::Options o;
    o.readAhead = 10;
    FrameEngine engine(openClip(), o);
    engine.setDisplaySize(QSize(80, 60));
    engine.request(35, FrameEngine::Quality::Display, -1);
    QVERIFY(engine.waitIdle());
    for (std::int64_t i = 25; i <= 34; ++i)
      QVERIFY2(engine.cached(i, false), qPrintable(QString::number(i)));
    // 35 (request) + the GOPs of 24..35: far fewer decodes than frames read ahead.
    QVERIFY2(engine.decodedFrames() <= 4, qPrintable(QString::number(engine.decodedFrames())));
  }

  void backwardStepServedFromGopCache() {
    FrameEngine engine(openClip());
    engine.request(30); // paused at 30: 29 and 31 are made ready in the background
    QVERIFY(engine.waitIdle());
    QVERIFY(engine.cached(29, true));
    QVERIFY(engine.cached(31, true));
    const std::int64_t decoded = engine.decodedFrames();
    // Step back: a cache hit; the next step back is converted from the decoded GOP.
    engine.request(29);
    QVERIFY(engine.waitIdle());
    QCOMPARE(engine.latest().index, std::int64_t(29));
    QCOMPARE(QByteArray::fromStdString(engine.latest().packedBytes()), exactBytes(29));
    QVERIFY(engine.cached(28, true));
    QVERIFY(engine.pictureHits() >= 1);
    engine.request(28);
    QVERIFY(engine.waitIdle());
    QCOMPARE(QByteArray::fromStdString(engine.latest().packedBytes()), exactBytes(28));
    QCOMPARE(engine.decodedFrames(), decoded); // nothing decoded again for either step
  }

  void requestByTime() {
    FrameEngine engine(openClip());
    engine.requestTime(engine.ptsNs(30) + 1);
    QVERIFY(engine.waitIdle());
    QCOMPARE(engine.latest().index, std::int64_t(30));
  }

private:
  QTemporaryDir m_dir;
  QString m_clip;
};

QTEST_GUILESS_MAIN(FrameEngineTest)
#include "FrameEngineTest.moc"
