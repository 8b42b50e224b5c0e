// "Blur this" tracking: a textured patch moving over a noisy background is followed by the MIL tracker
// forwards and backwards from the frame where the box was drawn; the per-frame keyed boxes survive a
// round trip through the project and Redaction::boxesAt picks the box of each frame.
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "core/consent/BoxTracker.h"
#include "core/consent/FaceBlur.h"
#include "core/project/ProjectStore.h"

using namespace tacit;

namespace {
constexpr int kW = 320, kH = 240, kFrames = 40, kPatch = 48;
constexpr Timestamp kPeriod = 33'333'333;

// Patch top-left on frame i: moves right 4 px and down 1 px per frame.
cv::Point patchAt(std::int64_t i) {
  return {40 + 4 * static_cast<int>(i), 60 + static_cast<int>(i)};
}

class MovingPatchSource : public media::FrameSource {
public:
  MovingPatchSource() {
    cv::RNG rng(7);
    m_background = cv::Mat(kH, kW, CV_8UC3);
    rng.fill(m_background, cv::RNG::UNIFORM, 90, 130); // low-contrast noise
    m_patch = cv::Mat(kPatch, kPatch, CV_8UC3);
    for (int y = 0; y < kPatch; ++y)
      for (int x = 0; x < kPatch; ++x)
        m_patch.at<cv::Vec3b>(y, x) = ((x / 8 + y / 8) % 2) ? cv::Vec3b(250, 40, 40) : cv::Vec3b(20, 20, 220);
  }
  std::int64_t frameCount() const override { return kFrames; }
  Timestamp ptsNs(std::int64_t i) const override { return 1'000'000 + i * kPeriod; }
  TimeRange timeRange() const override { return {ptsNs(0), ptsNs(kFrames)}; }
  std::int64_t indexAt(Timestamp t) const override { return t < ptsNs(0) ? -1 : (t - ptsNs(0)) / kPeriod; }
  Result<media::VideoFrame> frame(std::int64_t i) override {
    cv::Mat img = m_background.clone();
    m_patch.copyTo(img(cv::Rect(patchAt(i), cv::Size(kPatch, kPatch))));
    media::VideoFrame f;
    f.index = i;
    f.ptsNs = ptsNs(i);
    f.width = kW;
    f.height = kH;
    f.stride = kW * 3;
    auto buf = std::make_shared<media::FrameBuffer>(static_cast<std::size_t>(kW * kH * 3));
    std::memcpy(buf->data(), img.data, buf->size());
    f.buffer = buf;
    return f;
  }
  media::PixelFormat pixelFormat() const override { return media::PixelFormat::Rgb24; }
  int width() const override { return kW; }
  int height() const override { return kH; }
  std::string path() const override { return "moving-patch"; }
  const std::vector<std::string> &warnings() const override { return m_warnings; }

private:
  cv::Mat m_background, m_patch;
  std::vector<std::string> m_warnings;
};

double centreError(const project::RedactionBox &b, std::int64_t i) {
  const double cx = (b.x + b.w / 2) * kW, cy = (b.y + b.h / 2) * kH;
  const cv::Point p = patchAt(i);
  return std::hypot(cx - (p.x + kPatch / 2.0), cy - (p.y + kPatch / 2.0));
}
} // namespace

class BoxTrackerTest : public QObject {
  Q_OBJECT

private slots:
  void followsTheBoxBothWays() {
    MovingPatchSource src;
    const std::int64_t drawn = 15;
    const cv::Point p = patchAt(drawn);
    const project::RedactionBox box{double(p.x) / kW, double(p.y) / kH, double(kPatch) / kW, double(kPatch) / kH};
    int calls = 0;
    auto r = consent::trackBox(src, 5, 35, drawn, box, [&](double) { return ++calls > 0; });
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    QVERIFY(!r->cancelled);
    QCOMPARE(int(r->boxes.size()), 31); // frames 5..35
    QVERIFY(calls >= 31);
    for (std::size_t k = 0; k < r->boxes.size(); ++k) {
      const std::int64_t i = 5 + static_cast<std::int64_t>(k);
      QCOMPARE(r->boxes[k].atNs, src.ptsNs(i));
      QVERIFY2(centreError(r->boxes[k], i) < 10.0,
               qPrintable(QString("frame %1: centre off by %2 px").arg(i).arg(centreError(r->boxes[k], i))));
    }
    // The patch moved 120 px over the span: a static box would be far off at the ends.
    QVERIFY(centreError(box, 35) > 60);
  }

  void cancelStops() {
    MovingPatchSource src;
    auto r = consent::trackBox(src, 0, 39, 0, {0.1, 0.2, 0.15, 0.2}, [](double f) { return f < 0.3; });
    QVERIFY(r.ok());
    QVERIFY(r->cancelled);
    QVERIFY(r->boxes.empty());
  }

  void badInputIsAnError() {
    MovingPatchSource src;
    QVERIFY(!consent::trackBox(src, 0, 10, 0, {0.1, 0.1, 0, 0}).ok());
    QVERIFY(!consent::trackBox(src, 0, 10, 0, {2.0, 2.0, 0.1, 0.1}).ok());
  }

  void keyedBoxesRoundTripAndPickPerFrame() {
    MovingPatchSource src;
    const cv::Point p = patchAt(0);
    auto r =
        consent::trackBox(src, 0, 9, 0, {double(p.x) / kW, double(p.y) / kH, double(kPatch) / kW, double(kPatch) / kH});
    QVERIFY(r.ok());
    project::Redaction red = consent::boxTrackRedaction(3, *r, src.ptsNs(10), "a colleague");
    QCOMPARE(red.startNs, src.ptsNs(0));
    QCOMPARE(red.endNs, src.ptsNs(10));
    QCOMPARE(red.streams, std::vector<std::string>{"video"});
    QVERIFY(red.spatial() && !red.cutsVideo());
    // boxesAt: the key at or before t; nothing outside the span.
    QCOMPARE(red.boxesAt(src.ptsNs(4) + 5), std::vector<project::RedactionBox>{red.boxes[4]});
    QCOMPARE(red.boxesAt(src.ptsNs(0) - 1).size(), std::size_t(0));
    QCOMPARE(red.boxesAt(src.ptsNs(10)).size(), std::size_t(0));
    QCOMPARE(consent::boxesAt({red}, src.ptsNs(9)), std::vector<project::RedactionBox>{red.boxes[9]});

    QTemporaryDir dir;
    auto store = project::ProjectStore::create(dir.filePath("p.tacit").toStdString());
    QVERIFY(store.ok());
    project::RecordingRecord rec;
    rec.uuid = "r1";
    rec.relativePath = "r1";
    auto added = (*store)->insertRecordingRecord(rec);
    QVERIFY(added.ok());
    red.recordingId = added->id;
    QVERIFY((*store)->addRedaction(red).ok());
    auto back = (*store)->redactions(added->id);
    QVERIFY(back.ok());
    QCOMPARE(int(back->size()), 1);
    QCOMPARE(back->front().boxes.size(), red.boxes.size());
    QCOMPARE(back->front().boxes[7].atNs, red.boxes[7].atNs);
    QVERIFY(back->front().boxes[7].keyed());
    QCOMPARE(back->front().boxesAt(src.ptsNs(7)).front().x, red.boxes[7].x);
  }
};

QTEST_GUILESS_MAIN(BoxTrackerTest)
#include "BoxTrackerTest.moc"
