// The 3D view renders both hand skeletons in their hand colours, hides a missing hand and keeps
// following the head.
#include "tests/widgets/GuiTestSupport.h"

#include "widgets/common/HandColors.h"
#include "widgets/pose3d/Pose3DView.h"

using namespace tacit;

namespace {
// A flat hand 40 cm in front of the device (z forward), offset sideways.
series::HandPose handAt(double x, float confidence) {
  series::HandPose h;
  h.confidence = confidence;
  h.hasLandmarks = true;
  for (int i = 0; i < series::kHandLandmarkCount; ++i)
    h.landmarks[i] = Eigen::Vector3f(float(x + 0.012 * (i % 5)), float(0.1 + 0.012 * (i / 5)), 0.4f);
  return h;
}
} // namespace

class Pose3DViewTest : public QObject {
  Q_OBJECT
private slots:
  void showsBothHandColours() {
    Pose3DView v;
    v.resize(400, 300);
    Rigid head; // identity: device frame == world
    head.translation = Eigen::Vector3d(0, 0, 1.6);
    // Device z forward should look along world +x: rotate so the view from behind sees the hands.
    head.rotation = Eigen::Quaterniond(Eigen::AngleAxisd(M_PI / 2, Eigen::Vector3d::UnitY()));
    v.setTrajectory({Eigen::Vector3d(-1, 0, 1.6), Eigen::Vector3d(0, 0, 1.6)});
    v.setHeadPose(head);
    v.setHands(handAt(-0.15, 1.0f), handAt(0.1, 1.0f));
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    const QImage img = v.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    const int left = guitest::countNear(img, handColor(0), 90);
    const int right = guitest::countNear(img, handColor(1), 90);
    QVERIFY2(left > 20 && right > 20, qPrintable(QStringLiteral("left %1 right %2").arg(left).arg(right)));

    // A missing hand disappears.
    series::HandPose missing;
    v.setHands(missing, handAt(0.1, 1.0f));
    const QImage img2 = v.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(guitest::countNear(img2, handColor(0), 60), 0);
    QVERIFY(guitest::countNear(img2, handColor(1), 90) > 20);

    // Low confidence fades towards grey: far fewer pixels in the full colour.
    v.setHands(missing, handAt(0.1, 0.1f));
    const QImage img3 = v.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QVERIFY(guitest::countNear(img3, handColor(1), 60) < guitest::countNear(img2, handColor(1), 60) / 4);
  }
};

TACIT_GUI_TEST_MAIN(Pose3DViewTest)
#include "Pose3DViewTest.moc"
