#include <QtTest>
#include <set>

#include "core/geometry/HandSkeleton.h"

using namespace tacit::geometry::hand;

class HandSkeletonTest : public QObject {
  Q_OBJECT
private slots:
  void orderMatchesMps() {
    // FORMATS.md §1.3 table: ids 0..4 fingertips, 5 wrist, 20 palm centre.
    QCOMPARE(index(Landmark::ThumbTip), 0);
    QCOMPARE(index(Landmark::PinkyTip), 4);
    QCOMPARE(index(Landmark::Wrist), 5);
    QCOMPARE(index(Landmark::ThumbDistal), 7);
    QCOMPARE(index(Landmark::IndexProximal), 8);
    QCOMPARE(index(Landmark::MiddleDistal), 13);
    QCOMPARE(index(Landmark::RingProximal), 14);
    QCOMPARE(index(Landmark::PinkyDistal), 19);
    QCOMPARE(index(Landmark::PalmCenter), 20);
    QCOMPARE(kLandmarkCount, 21);
  }
  void namesAreUniqueAndRoundTrip() {
    std::set<std::string_view> names;
    for (int i = 0; i < kLandmarkCount; ++i) {
      const auto l = static_cast<Landmark>(i);
      names.insert(landmarkName(l));
      QCOMPARE(landmarkFromName(landmarkName(l)), std::optional(l));
    }
    QCOMPARE(names.size(), std::size_t(kLandmarkCount));
    QCOMPARE(QString::fromUtf8(landmarkName(Landmark::MiddleIntermediate).data()),
             QStringLiteral("middle_intermediate"));
    QVERIFY(!landmarkFromName("elbow"));
  }
  void bonesFormATreeFromTheWrist() {
    // Finger bones: every landmark except wrist and palm centre has exactly one parent, and
    // following parents always reaches the wrist.
    int parent[kLandmarkCount];
    std::fill(std::begin(parent), std::end(parent), -1);
    int fingerBones = 0;
    for (const auto &b : kBones) {
      QVERIFY(b.from != b.to);
      if (b.finger == Finger::Palm)
        continue;
      ++fingerBones;
      QCOMPARE(parent[index(b.to)], -1);
      parent[index(b.to)] = index(b.from);
      QCOMPARE(fingerOf(b.to), b.finger);
    }
    QCOMPARE(fingerBones, 19);
    for (int i = 0; i < kLandmarkCount; ++i) {
      const auto l = static_cast<Landmark>(i);
      if (l == Landmark::Wrist || l == Landmark::PalmCenter) {
        QCOMPARE(parent[i], -1);
        continue;
      }
      int at = i, steps = 0;
      while (parent[at] >= 0 && steps++ < 10)
        at = parent[at];
      QCOMPARE(at, index(Landmark::Wrist));
    }
    // Tips are leaves.
    for (const auto &b : kBones)
      QVERIFY(index(b.from) > 4);
  }
};

QTEST_GUILESS_MAIN(HandSkeletonTest)
#include "HandSkeletonTest.moc"
