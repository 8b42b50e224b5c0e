#include <QtTest>
#include <cmath>
#include <numbers>

#include "core/geometry/CameraModel.h"
#include "core/geometry/CameraRescale.h"

using namespace tacit::geometry;

namespace {
// Real Aria factory calibration (tests/data/aria/sample_calib.json).
const std::vector<double> kRgbParams = {1214.025993758243,      1469.535869576514,      1438.595858396595,
                                        0.4049855059199108,     -0.4960655170834019,    0.2366889743579386,
                                        0.9948191490966187,     -1.573948083968366,     0.6086728193625544,
                                        -0.0003672190538065101, -0.0007413905358394097, -0.0005839984838196491,
                                        -0.0002193412417918993, 0.0001936268547567258,  -0.0002042473404798113};
const std::vector<double> kSlamParams = {242.0503165415735,      319.8053191211108,      240.9679064324467,
                                         -0.02689165420917155,   0.1019919163316408,     -0.07180862612716554,
                                         0.01245898233008245,    0.001242086400994195,   -0.0004149914187376608,
                                         0.0005499786009926172,  0.0005819661606400815,  -0.001232007804086031,
                                         -0.0003868334860997226, -0.0005963449586486949, 1.071922498768078e-05};
const std::vector<double> kEtLeftParams = {556.9648709428538,  555.9836002606175,   319.5000821079618,
                                           239.500905501914,   0.03981131761869532, -0.03980438501559722,
                                           0.1244291105385938, -0.2780730001905606};
const std::vector<double> kEtRightParams = {555.9099602548705, 554.7432604504895,    319.5000074462494,
                                            239.501648271538,  0.008691011244721752, 0.2776863741740223,
                                            -1.08861776728183, 1.255873280827279};

std::unique_ptr<CameraModel> model(CameraModelKind kind, int w, int h, std::vector<double> p) {
  auto m = makeCameraModel(kind, w, h, std::move(p));
  if (!m)
    qFatal("model rejected");
  return m;
}

std::vector<std::shared_ptr<CameraModel>> allModels() {
  std::vector<std::shared_ptr<CameraModel>> models;
  models.push_back(model(CameraModelKind::Pinhole, 640, 480, {500, 510, 319.5, 239.5}));
  models.push_back(model(CameraModelKind::KannalaBrandt4, 640, 480, kEtLeftParams));
  models.push_back(model(CameraModelKind::KannalaBrandt4, 640, 480, kEtRightParams));
  models.push_back(model(CameraModelKind::Fisheye624, 640, 480, kSlamParams));
  models.push_back(model(CameraModelKind::Fisheye624, 2880, 2880, kRgbParams));
  auto rgb = model(CameraModelKind::Fisheye624, 2880, 2880, kRgbParams);
  models.push_back(ariaRgbRescaleTo1408(*rgb));
  return models;
}

Eigen::Vector2d principalPoint(const CameraModel &m) {
  const auto &p = m.params();
  return m.kind() == CameraModelKind::Fisheye624 ? Eigen::Vector2d(p[1], p[2]) : Eigen::Vector2d(p[2], p[3]);
}

QString describe(const CameraModel &m) {
  return QStringLiteral("%1 %2x%3").arg(cameraModelName(m.kind())).arg(m.width()).arg(m.height());
}
} // namespace

class CameraModelTest : public QObject {
  Q_OBJECT
private slots:
  void namesRoundTrip() {
    for (auto kind : {CameraModelKind::Pinhole, CameraModelKind::KannalaBrandt4, CameraModelKind::Fisheye624})
      QCOMPARE(cameraModelFromName(cameraModelName(kind)), std::optional(kind));
    QCOMPARE(QString(cameraModelName(CameraModelKind::KannalaBrandt4)), QStringLiteral("kb4"));
    QVERIFY(!cameraModelFromName("Fisheye624").has_value());
    QVERIFY(!cameraModelFromName("").has_value());
  }

  void paramCountErrors() {
    QCOMPARE(cameraModelParamCount(CameraModelKind::Pinhole), 4);
    QCOMPARE(cameraModelParamCount(CameraModelKind::KannalaBrandt4), 8);
    QCOMPARE(cameraModelParamCount(CameraModelKind::Fisheye624), 15);
    QVERIFY(!makeCameraModel(CameraModelKind::Pinhole, 640, 480, {1, 2, 3}));
    QVERIFY(!makeCameraModel(CameraModelKind::KannalaBrandt4, 640, 480, {500, 500, 320, 240}));
    QVERIFY(!makeCameraModel(CameraModelKind::Fisheye624, 640, 480, kEtLeftParams));
    QVERIFY(!makeCameraModel(CameraModelKind::Fisheye624, 640, 480, {}));
    QCOMPARE(QString::fromStdString(cameraParamsProblem(CameraModelKind::Fisheye624, 640, 480, kEtLeftParams)),
             QStringLiteral("expected 15 params for fisheye624, got 8"));
    QCOMPARE(QString::fromStdString(cameraParamsProblem(CameraModelKind::Pinhole, 0, 480, {1, 1, 1, 1})),
             QStringLiteral("width and height must be > 0, got 0x480"));
    QCOMPARE(QString::fromStdString(cameraParamsProblem(CameraModelKind::Pinhole, 640, 480, {1, -1, 1, 1})),
             QStringLiteral("params[1] (focal length) must be > 0"));
    QCOMPARE(QString::fromStdString(cameraParamsProblem(CameraModelKind::Pinhole, 640, 480, {1, 1, NAN, 1})),
             QStringLiteral("params[2] is not a finite number"));
    QVERIFY(cameraParamsProblem(CameraModelKind::Fisheye624, 640, 480, kSlamParams).empty());
    auto m = makeCameraModel(CameraModelKind::Fisheye624, 640, 480, kSlamParams);
    QVERIFY(m);
    QCOMPARE(m->params(), kSlamParams);
    QCOMPARE(m->kind(), CameraModelKind::Fisheye624);
  }

  void knownProjections() {
    // Reference values from an independent implementation of the FORMATS.md §1.10 formulas.
    auto rgb = model(CameraModelKind::Fisheye624, 2880, 2880, kRgbParams);
    const struct {
      Eigen::Vector3d p;
      Eigen::Vector2d uv;
    } fisheye[] = {{{0.1, -0.2, 1.0}, {1591.1481838238, 1195.2199412874}},
                   {{0.5, 0.3, 0.8}, {2195.2885306858, 1874.0400704852}},
                   {{-0.7, 0.9, 0.6}, {539.1125545587, 2630.0923238690}}};
    for (const auto &c : fisheye) {
      auto uv = rgb->project(c.p);
      QVERIFY(uv);
      QVERIFY2((*uv - c.uv).norm() < 1e-6, qPrintable(QString::number((*uv - c.uv).norm())));
      // Scale invariance: the model only sees the ray.
      QVERIFY((*rgb->project(3.0 * c.p) - c.uv).norm() < 1e-6);
    }
    auto et = model(CameraModelKind::KannalaBrandt4, 640, 480, kEtLeftParams);
    QVERIFY((*et->project({0.1, -0.2, 1.0}) - Eigen::Vector2d(374.3963376177, 129.9018288942)).norm() < 1e-6);
    QVERIFY((*et->project({0.3, 0.25, 0.9}) - Eigen::Vector2d(495.7025663695, 386.0776118101)).norm() < 1e-6);
    auto pin = model(CameraModelKind::Pinhole, 640, 480, {500, 510, 319.5, 239.5});
    QVERIFY((*pin->project({0.2, -0.1, 2.0}) - Eigen::Vector2d(369.5, 214.0)).norm() < 1e-12);
    // The optical axis lands on the principal point for every model.
    for (const auto &m : allModels()) {
      const Eigen::Vector2d c = principalPoint(*m);
      QVERIFY2((*m->project({0, 0, 1}) - c).norm() < 1e-12, qPrintable(describe(*m)));
      QVERIFY2((*m->unproject(c) - Eigen::Vector3d(0, 0, 1)).norm() < 1e-12, qPrintable(describe(*m)));
    }
  }

  void behindCameraAndOutsideFov() {
    for (const auto &m : allModels()) {
      QVERIFY(!m->project({0.1, 0.1, 0.0}));
      QVERIFY(!m->project({0.1, 0.1, -1.0}));
      QVERIFY(!m->project({0, 0, 0}));
      QVERIFY(m->maxTheta() > 0.5 && m->maxTheta() < std::numbers::pi / 2);
      if (m->kind() == CameraModelKind::Pinhole)
        continue;
      const double beyond = m->maxTheta() + 0.01;
      if (beyond < std::numbers::pi / 2)
        QVERIFY2(!m->project({std::sin(beyond), 0, std::cos(beyond)}), qPrintable(describe(*m)));
      // A pixel far outside the image corresponds to no ray of the calibrated model.
      QVERIFY2(!m->unproject({1e6, 1e6}), qPrintable(describe(*m)));
    }
  }

  void roundTripRaysOverFieldOfView() {
    for (const auto &m : allModels()) {
      double worstPx = 0, worstRay = 0;
      const double thetaMax = m->maxTheta();
      for (int i = 0; i <= 60; ++i) {
        const double theta = thetaMax * (i == 60 ? 0.999999 : i / 60.0);
        for (int j = 0; j < 48; ++j) {
          const double phi = 2 * std::numbers::pi * j / 48;
          const Eigen::Vector3d ray(std::sin(theta) * std::cos(phi), std::sin(theta) * std::sin(phi), std::cos(theta));
          auto px = m->project(2.5 * ray);
          QVERIFY2(px, qPrintable(describe(*m) + QString(" theta %1").arg(theta)));
          auto back = m->unproject(*px);
          QVERIFY2(back, qPrintable(describe(*m) + QString(" theta %1").arg(theta)));
          QVERIFY(std::abs(back->norm() - 1.0) < 1e-12);
          worstRay = std::max(worstRay, (*back - ray).norm());
          worstPx = std::max(worstPx, (*m->project(*back) - *px).norm());
        }
      }
      qInfo("%s: max theta %.4f rad, worst round trip %.3g px, %.3g ray", qPrintable(describe(*m)), thetaMax, worstPx,
            worstRay);
      QVERIFY2(worstPx < 1e-6, qPrintable(describe(*m) + QString(" px error %1").arg(worstPx)));
      QVERIFY2(worstRay < 1e-9, qPrintable(describe(*m) + QString(" ray error %1").arg(worstRay)));
    }
  }

  void roundTripEveryImageRegion() {
    // Every pixel of the image (sampled on a grid that includes the corners) has a ray.
    for (const auto &m : allModels()) {
      double worst = 0;
      int outside = 0;
      const int n = 50;
      for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j) {
          const Eigen::Vector2d px(-0.5 + (m->width() - 1e-9) * i / n, -0.5 + (m->height() - 1e-9) * j / n);
          auto ray = m->unproject(px);
          if (!ray) {
            // Allowed only outside the valid field of view (the SLAM cameras' dark corners lie beyond
            // 90 degrees): the pixel must be farther out than the boundary ray in its direction.
            const Eigen::Vector2d c = principalPoint(*m);
            const double phi = std::atan2(px.y() - c.y(), px.x() - c.x());
            const double t = m->maxTheta();
            auto edge = m->project({std::sin(t) * std::cos(phi), std::sin(t) * std::sin(phi), std::cos(t)});
            QVERIFY(edge);
            QVERIFY2((px - c).norm() > (*edge - c).norm() - 1.0,
                     qPrintable(describe(*m) + QString(" pixel %1,%2").arg(px.x()).arg(px.y())));
            ++outside;
            continue;
          }
          auto again = m->project(*ray);
          QVERIFY(again);
          worst = std::max(worst, (*again - px).norm());
        }
      QVERIFY2(worst < 1e-6, qPrintable(describe(*m) + QString(" px error %1").arg(worst)));
      // Only the wide SLAM camera has image corners beyond its field of view.
      if (m->width() == 640 && m->kind() == CameraModelKind::Fisheye624)
        QVERIFY(outside > 0 && outside < 200);
      else
        QCOMPARE(outside, 0);
    }
  }

  void inImageUsesPixelCentres() {
    auto m = model(CameraModelKind::Pinhole, 4, 3, {1, 1, 1.5, 1});
    QVERIFY(m->inImage({-0.5, -0.5}));
    QVERIFY(m->inImage({3.49, 2.49}));
    QVERIFY(!m->inImage({3.5, 0}));
    QVERIFY(!m->inImage({0, 2.5}));
    QVERIFY(!m->inImage({-0.51, 0}));
  }

  void ariaRgbRescale() {
    auto full = model(CameraModelKind::Fisheye624, 2880, 2880, kRgbParams);
    auto half = ariaRgbRescaleTo1408(*full);
    QVERIFY(half);
    QCOMPARE(half->width(), 1408);
    QCOMPARE(half->height(), 1408);
    const auto &p = half->params();
    QCOMPARE(p[0], kRgbParams[0] / 2);
    QCOMPARE(p[1], 0.5 * (kRgbParams[1] - 32 + 0.5) - 0.5);
    QCOMPARE(p[2], 0.5 * (kRgbParams[2] - 32 + 0.5) - 0.5);
    for (std::size_t i = 3; i < 15; ++i)
      QCOMPARE(p[i], kRgbParams[i]);
    // Any point lands where the crop-and-halve of the full image puts it.
    for (const Eigen::Vector3d &pt : {Eigen::Vector3d(0.1, -0.2, 1.0), Eigen::Vector3d(-0.4, 0.3, 0.7)}) {
      const Eigen::Vector2d a = *full->project(pt);
      const Eigen::Vector2d expected =
          0.5 * (a - Eigen::Vector2d(32, 32) + Eigen::Vector2d(0.5, 0.5)) - Eigen::Vector2d(0.5, 0.5);
      QVERIFY((*half->project(pt) - expected).norm() < 1e-9);
    }
    // Generic rescale keeps two-focal models two-focal and refuses a bad scale.
    auto et = model(CameraModelKind::KannalaBrandt4, 640, 480, kEtLeftParams);
    auto etHalf = rescaleCamera(*et, 320, 240, 0.5);
    QVERIFY(etHalf);
    QCOMPARE(etHalf->params()[1], kEtLeftParams[1] / 2);
    QCOMPARE(etHalf->params()[3], 0.5 * (kEtLeftParams[3] + 0.5) - 0.5);
    QVERIFY(!rescaleCamera(*et, 320, 240, 0.0));
  }
};

QTEST_GUILESS_MAIN(CameraModelTest)
#include "CameraModelTest.moc"
