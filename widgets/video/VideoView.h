#pragma once
// The glasses RGB view: the current frame plus overlays toggled individually: each hand's 21
// landmarks and skeleton projected through the recording's camera model (colour by hand, opacity by
// confidence, hidden when missing), the gaze point, and the frame number / timestamp.
#include <QElapsedTimer>
#include <array>
#include <optional>

#include "core/series/HandPose.h"
#include "core/time/Timestamp.h"
#include "widgets/common/ImageView.h"
#include "widgets/video/CameraProjector.h"

namespace tacit {

class VideoView : public ImageView {
  Q_OBJECT
public:
  enum Overlay { LeftHand = 1, RightHand = 2, Gaze = 4, FrameInfo = 8, AllOverlays = 15 };

  explicit VideoView(QWidget *parent = nullptr);

  // A decoded frame (index in its stream, relative time for display). fullSize: the stream's picture
  // size when `image` was decoded smaller for playback (empty = image is full size).
  void setFrame(const QImage &image, qint64 frameIndex, Timestamp relativeNs, QSize fullSize = {});
  qint64 frameIndex() const { return m_frameIndex; }
  void setProjector(const CameraProjector &projector);
  const CameraProjector &projector() const { return m_projector; }
  void setHands(const series::HandPose &left, const series::HandPose &right);
  const std::array<ProjectedHand, 2> &projectedHands() const { return m_hands; }
  // Gaze target in the device frame; nullopt hides it.
  void setGazePoint(std::optional<Eigen::Vector3d> pointDevice);
  std::optional<QPointF> gazeImagePoint() const { return m_gaze; }
  void setOverlayEnabled(Overlay overlay, bool on);
  bool overlayEnabled(Overlay overlay) const { return m_overlays & overlay; }
  void setPlaceholder(const QString &text);

  // Presentation statistics (bench): distinct frames painted and the latency from setFrame to paint.
  qint64 presentedFrames() const { return m_presented; }
  qint64 lastPresentedIndex() const { return m_lastPresentedIndex; }
  // The picture last given to setFrame has been painted (bench: request -> frame on screen).
  bool frameOnScreen() const { return m_paintedSerial == m_frameSerial; }

signals:
  // Emitted at the end of the paint that first showed a frame; latencyMs = setFrame -> painted.
  void framePresented(qint64 frameIndex, double latencyMs);

protected:
  void paintEvent(QPaintEvent *) override;
  void paintOverlays(QPainter &p, const QTransform &xf) override;

private:
  qint64 m_frameIndex = -1;
  Timestamp m_relative = 0;
  CameraProjector m_projector;
  series::HandPose m_rawHands[2];
  std::array<ProjectedHand, 2> m_hands;
  std::optional<Eigen::Vector3d> m_gazeDevice;
  std::optional<QPointF> m_gaze;
  int m_overlays = AllOverlays;
  QString m_placeholder;
  QElapsedTimer m_frameClock;
  qint64 m_presented = 0;
  qint64 m_lastPresentedIndex = -1;
  qint64 m_frameSerial = 0, m_paintedSerial = 0;
};

} // namespace tacit
