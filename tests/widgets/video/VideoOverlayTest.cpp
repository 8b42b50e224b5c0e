// Hand landmarks from hands.csv projected through calibration.json (fisheye624) land on the hands the
// sample generator drew into the video, and the overlay then paints them in the hand colours.
#include "tests/widgets/GuiTestSupport.h"

#include "core/media/FrameSource.h"
#include "core/recording/RecordingContext.h"
#include "core/sample/SceneGeometry.h"
#include "widgets/common/HandColors.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

namespace {
QColor toQColor(sample::Colour c) {
  return QColor(c.r, c.g, c.b);
}

// Smallest colour distance to `targets` in the 5x5 neighbourhood of p.
int nearestColour(const QImage &img, QPoint p, const std::vector<QColor> &targets) {
  int best = 1 << 20;
  for (int dy = -2; dy <= 2; ++dy)
    for (int dx = -2; dx <= 2; ++dx) {
      const QPoint q = p + QPoint(dx, dy);
      if (!img.rect().contains(q))
        continue;
      for (const QColor &t : targets)
        best = std::min(best, guitest::colourDistance(img.pixelColor(q), t));
    }
  return best;
}
} // namespace

class VideoOverlayTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<RecordingContext> m_rec;
  std::unique_ptr<media::FrameSource> m_video;
  const series::HandSeries *m_hands = nullptr;

private slots:
  void initTestCase() {
    QString error;
    const QString path = guitest::makeSample(m_dir, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    auto r = RecordingContext::open(path.toStdString());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    m_rec = r.takeValue();
    QVERIFY(m_rec->video());
    QVERIFY(m_rec->series().hands);
    m_hands = m_rec->series().hands.get();
    m_video = m_rec->takeReader(m_rec->video()->id);
    QVERIFY(m_video);
  }

  void landmarksFallOnDrawnHands() {
    const MediaStream *v = m_rec->video();
    const CameraCalibration *cal = m_rec->camera(*v);
    QVERIFY(cal && cal->model);
    const QSize size(v->width, v->height);
    const auto &times = *v->frameTimes;
    VideoView view;
    view.resize(size); // 1:1 in fit mode: widget pixel == image pixel
    view.setProjector(CameraProjector(*cal, size));
    view.setOverlayEnabled(VideoView::AllOverlays, false);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const std::vector<QColor> left = {toQColor(sample::kLeftHandColour), toQColor(sample::kLeftHandJointColour)};
    const std::vector<QColor> right = {toQColor(sample::kRightHandColour), toQColor(sample::kRightHandJointColour)};
    int checked = 0, onHand = 0, framesWithHands = 0;
    // Every 7th frame of the 2 s sample.
    for (std::size_t f = 0; f < times.size(); f += 7) {
      auto frame = m_video->frame(static_cast<std::int64_t>(f));
      QVERIFY2(frame.ok(), frame.ok() ? "" : frame.error().c_str());
      view.setFrame(frame.value().image().convertToFormat(QImage::Format_RGB32), static_cast<qint64>(f), 0);
      const Timestamp t = times[f];
      const series::HandPose l = m_hands->interpolateAt(t, series::HandSide::Left, 100 * kNsPerMs);
      const series::HandPose r = m_hands->interpolateAt(t, series::HandSide::Right, 100 * kNsPerMs);
      view.setHands(l, r);
      const QImage img = view.grab().toImage();
      QCOMPARE(img.size(), size);
      const QTransform xf = view.imageToWidget();
      bool any = false;
      for (int side = 0; side < 2; ++side) {
        const ProjectedHand &h = view.projectedHands()[side];
        if (!h.present || h.confidence < 0.5f)
          continue;
        // Palm-side landmarks (wrist, knuckles, palm centre) sit inside the drawn hand; fingertips can
        // end at the silhouette edge, so they are not used here.
        for (int i : {5, 8, 11, 14, 17, 20}) {
          if (!h.points[i])
            continue;
          const QPoint p = xf.map(*h.points[i]).toPoint();
          if (!QRect(4, 4, img.width() - 8, img.height() - 8).contains(p))
            continue;
          any = true;
          ++checked;
          onHand += nearestColour(img, p, side == 0 ? left : right) < 90 ? 1 : 0;
        }
      }
      framesWithHands += any ? 1 : 0;
    }
    QVERIFY2(framesWithHands >= 3, qPrintable(QString::number(framesWithHands)));
    QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
    // Video compression and occlusion by the other hand or objects may hide a few.
    QVERIFY2(onHand >= checked * 8 / 10, qPrintable(QStringLiteral("%1 of %2").arg(onHand).arg(checked)));
  }

  void overlayPaintsHandColours() {
    const MediaStream *v = m_rec->video();
    const CameraCalibration *cal = m_rec->camera(*v);
    const QSize size(v->width, v->height);
    const auto &times = *v->frameTimes;
    VideoView view;
    view.resize(size);
    view.setProjector(CameraProjector(*cal, size));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Find a frame with both hands present.
    for (std::size_t f = 0; f < times.size(); f += 5) {
      const Timestamp t = times[f];
      const series::HandPose l = m_hands->interpolateAt(t, series::HandSide::Left, 100 * kNsPerMs);
      const series::HandPose r = m_hands->interpolateAt(t, series::HandSide::Right, 100 * kNsPerMs);
      if (!l.valid() || !r.valid() || l.confidence < 0.8f || r.confidence < 0.8f)
        continue;
      auto frame = m_video->frame(static_cast<std::int64_t>(f));
      QVERIFY(frame.ok());
      view.setFrame(frame.value().image().convertToFormat(QImage::Format_RGB32), static_cast<qint64>(f), t);
      view.setHands(l, r);
      QImage img = view.grab().toImage();
      const QTransform xf = view.imageToWidget();
      for (int side = 0; side < 2; ++side) {
        const auto &pt = view.projectedHands()[side].points[20]; // palm centre joint dot
        QVERIFY(pt);
        const QPoint p = xf.map(*pt).toPoint();
        if (!img.rect().contains(p))
          continue;
        QColor want = handColor(side);
        QVERIFY2(guitest::colourDistance(img.pixelColor(p), want) < 120,
                 qPrintable(img.pixelColor(p).name() + " vs " + want.name()));
      }
      // Hiding the left hand overlay restores the video pixels there.
      view.setOverlayEnabled(VideoView::LeftHand, false);
      img = view.grab().toImage();
      const QPoint p = xf.map(*view.projectedHands()[0].points[20]).toPoint();
      if (img.rect().contains(p))
        QVERIFY(guitest::colourDistance(img.pixelColor(p), handColor(0)) >= 120);
      return;
    }
    QFAIL("no frame with both hands confidently present");
  }

  void missingHandIsHidden() {
    VideoView view;
    view.resize(200, 200);
    QImage black(200, 200, QImage::Format_RGB32);
    black.fill(Qt::black);
    view.setFrame(black, 0, 0);
    series::HandPose missing; // confidence -1
    view.setHands(missing, missing);
    QVERIFY(!view.projectedHands()[0].present);
    QVERIFY(!view.projectedHands()[1].present);
  }
};

TACIT_GUI_TEST_MAIN(VideoOverlayTest)
#include "VideoOverlayTest.moc"
