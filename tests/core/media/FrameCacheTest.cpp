// FrameCache: LRU order, byte budget always respected, shrinking the budget evicts.
#include <QtTest>

#include "core/media/BufferPool.h"
#include "core/media/FrameCache.h"

using namespace tacit::media;

namespace {
VideoFrame makeFrame(std::int64_t index, std::size_t bytes) {
  VideoFrame f;
  f.index = index;
  f.width = 1;
  f.height = 1;
  f.stride = 3;
  f.buffer = std::make_shared<FrameBuffer>(bytes);
  return f;
}
} // namespace

class FrameCacheTest : public QObject {
  Q_OBJECT
private slots:
  void defaultBudgetIs512MiB() { QCOMPARE(FrameCache().budget(), std::size_t(512) << 20); }

  void budgetRespectedAndLruEvicted() {
    FrameCache cache(1000);
    for (int i = 0; i < 4; ++i)
      cache.insert(makeFrame(i, 250));
    QCOMPARE(cache.bytes(), std::size_t(1000));
    QVERIFY(cache.get(0)); // 0 becomes most recent; 1 is now the oldest
    cache.insert(makeFrame(4, 250));
    QVERIFY(cache.bytes() <= cache.budget());
    QVERIFY(!cache.contains(1));
    QVERIFY(cache.contains(0) && cache.contains(2) && cache.contains(3) && cache.contains(4));
    for (int i = 5; i < 100; ++i) {
      cache.insert(makeFrame(i, 100 + (i * 37) % 300));
      QVERIFY(cache.bytes() <= cache.budget());
    }
    QVERIFY(cache.contains(99));
  }

  void reinsertDoesNotDoubleCount() {
    FrameCache cache(1000);
    cache.insert(makeFrame(7, 300));
    cache.insert(makeFrame(7, 300));
    QCOMPARE(cache.size(), std::size_t(1));
    QCOMPARE(cache.bytes(), std::size_t(300));
  }

  void oversizeFrameNotCached() {
    FrameCache cache(100);
    cache.insert(makeFrame(1, 101));
    QCOMPARE(cache.size(), std::size_t(0));
    QCOMPARE(cache.bytes(), std::size_t(0));
  }

  void shrinkingBudgetEvicts() {
    FrameCache cache(1000);
    for (int i = 0; i < 10; ++i)
      cache.insert(makeFrame(i, 100));
    cache.setBudget(350);
    QCOMPARE(cache.size(), std::size_t(3));
    QVERIFY(cache.contains(9) && cache.contains(8) && cache.contains(7));
    cache.clear();
    QCOMPARE(cache.bytes(), std::size_t(0));
  }

  void bufferPoolRecyclesBounded() {
    BufferPool pool(2);
    const std::uint8_t *first = nullptr;
    {
      auto a = pool.acquire(64);
      first = a->data();
    }
    QCOMPARE(pool.freeCount(), std::size_t(1));
    auto b = pool.acquire(64);
    QCOMPARE(static_cast<const std::uint8_t *>(b->data()), first); // recycled, not reallocated
    {
      std::vector<std::shared_ptr<FrameBuffer>> many;
      for (int i = 0; i < 5; ++i)
        many.push_back(pool.acquire(64));
    }
    QCOMPARE(pool.freeCount(), std::size_t(2)); // bounded
  }
};

QTEST_GUILESS_MAIN(FrameCacheTest)
#include "FrameCacheTest.moc"
