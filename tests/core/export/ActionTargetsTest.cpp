#include <QtTest>

#include "core/export/ActionTargets.h"

using namespace tacit::exporting;

class ActionTargetsTest : public QObject {
  Q_OBJECT

  // Palms fixed in the world while the camera moves +1 cm/frame along x: in camera frame t the future
  // palm positions drift by -1 cm per future frame.
  static EpisodeData movingCamera(int n) {
    EpisodeData ep;
    for (int i = 0; i < n; ++i) {
      ep.frameTimes.push_back(i);
      Eigen::Isometry3d pose = Eigen::Isometry3d::Identity();
      pose.translation() = Eigen::Vector3d(0.01 * i, 0, 0);
      ep.worldFromCamera.push_back(pose);
      // Same world point (0.5, 0, 1) seen from camera i.
      ep.leftPalm.emplace_back(float(0.5 - 0.01 * i), 0.f, 1.f);
      ep.rightPalm.emplace_back(float(-0.5 - 0.01 * i), 0.f, 1.f);
    }
    return ep;
  }

private slots:
  void eePoseIsLeftThenRight() {
    auto ep = movingCamera(3);
    auto a = eePoseArray(ep);
    QCOMPARE(int(a.size()), 18);
    QCOMPARE(a[6], float(0.5 - 0.01));
    QCOMPARE(a[9], float(-0.5 - 0.01));
  }

  void futureActionsAreInTheCurrentCameraFrame() {
    auto ep = movingCamera(40);
    auto a = futureActions(ep);
    QCOMPARE(int(a.size()), 40 * 10 * 6);
    // A world-fixed point stays where camera t sees it, whatever the future frame.
    for (int t : {0, 5, 39})
      for (int k = 0; k < 10; ++k) {
        QVERIFY(std::abs(a[(t * 10 + k) * 6 + 0] - (0.5f - 0.01f * t)) < 1e-5f);
        QVERIFY(std::abs(a[(t * 10 + k) * 6 + 3] - (-0.5f - 0.01f * t)) < 1e-5f);
      }
  }

  void futureStepsUseStrideAndClampAtTheEnd() {
    EpisodeData ep;
    for (int i = 0; i < 20; ++i) {
      ep.frameTimes.push_back(i);
      ep.leftPalm.emplace_back(float(i), 0.f, 0.f);
      ep.rightPalm.emplace_back(0.f, float(i), 0.f);
    }
    auto a = futureActions(ep);
    QCOMPARE(a[(0 * 10 + 0) * 6], 3.f);  // t=0, step 1 -> frame 3
    QCOMPARE(a[(0 * 10 + 4) * 6], 15.f); // step 5 -> frame 15
    QCOMPARE(a[(0 * 10 + 9) * 6], 19.f); // step 10 -> frame 30, clamped to 19
    QCOMPARE(a[(2 * 10 + 0) * 6 + 4], 5.f);
    auto d = denseFutureActions(ep);
    QCOMPARE(int(d.size()), 20 * 100 * 6);
    QCOMPARE(d[0], 3.f);                                       // first dense sample = first key step
    QVERIFY(std::abs(d[1 * 6] - (3.f + 27.f / 99.f)) < 1e-5f); // linear between frames
    QCOMPARE(d[99 * 6], 19.f);                                 // last = clamped last frame
  }
};

QTEST_GUILESS_MAIN(ActionTargetsTest)
#include "ActionTargetsTest.moc"
