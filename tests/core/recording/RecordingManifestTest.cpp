#include <QtTest>

#include "core/recording/RecordingManifest.h"

using namespace tacit;

class RecordingManifestTest : public QObject {
  Q_OBJECT
private slots:
  void streamKindNames() {
    const std::pair<StreamKind, const char *> all[] = {
        {StreamKind::Video, "video"},        {StreamKind::Depth, "depth"},           {StreamKind::Imu, "imu"},
        {StreamKind::HandPose, "hand_pose"}, {StreamKind::Trajectory, "trajectory"}, {StreamKind::Gaze, "gaze"},
        {StreamKind::Audio, "audio"}};
    for (const auto &[kind, name] : all) {
      QCOMPARE(QString(streamKindName(kind)), QString(name));
      QCOMPARE(streamKindFromName(name), std::optional(kind));
    }
    QVERIFY(!streamKindFromName("lidar"));
    QVERIFY(!streamKindFromName("Video"));
  }
  void rigidChainsAndInverts() {
    Rigid a = Rigid::fromTranslationXyzw({1, 2, 3}, 0, 0, std::sin(M_PI / 4), std::cos(M_PI / 4)); // 90° about z
    Rigid b = Rigid::fromTranslationXyzw({0, 0, 1}, std::sin(M_PI / 4), 0, 0, std::cos(M_PI / 4)); // 90° about x
    const Eigen::Vector3d p(0.3, -0.7, 2.0);
    QVERIFY(((a * b).apply(p) - a.apply(b.apply(p))).norm() < 1e-12);
    QVERIFY(((a * a.inverse()).apply(p) - p).norm() < 1e-12);
    QVERIFY((a.apply({1, 0, 0}) - Eigen::Vector3d(1, 3, 3)).norm() < 1e-12);
    const Eigen::Matrix4d m = (a * b).matrix();
    QVERIFY(((m * p.homogeneous()).head<3>() - (a * b).apply(p)).norm() < 1e-12);
    // Quaternions from CSV are normalized.
    QVERIFY(std::abs(Rigid::fromTranslationXyzw({0, 0, 0}, 0, 0, 0, 2).rotation.norm() - 1.0) < 1e-15);
  }
};

QTEST_GUILESS_MAIN(RecordingManifestTest)
#include "RecordingManifestTest.moc"
