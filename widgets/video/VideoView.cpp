#include "widgets/video/VideoView.h"

#include <QPainter>

#include "widgets/common/HandColors.h"
#include "widgets/common/TimeFormat.h"
#include "widgets/video/HandOverlayPainter.h"

namespace tacit {

VideoView::VideoView(QWidget *parent) : ImageView(parent) {
  m_frameClock.start();
}

void VideoView::setFrame(const QImage &image, qint64 frameIndex, Timestamp relativeNs, QSize fullSize) {
  const QSize logical = fullSize.isEmpty() ? image.size() : fullSize;
  const bool sizeChanged = logical != imageSize();
  m_frameIndex = frameIndex;
  m_relative = relativeNs;
  m_frameClock.restart();
  ++m_frameSerial;
  setImage(image, logical);
  if (sizeChanged)
    setHands(m_rawHands[0], m_rawHands[1]);
}

void VideoView::setProjector(const CameraProjector &projector) {
  m_projector = projector;
  setHands(m_rawHands[0], m_rawHands[1]);
  setGazePoint(m_gazeDevice);
}

void VideoView::setHands(const series::HandPose &left, const series::HandPose &right) {
  m_rawHands[0] = left;
  m_rawHands[1] = right;
  m_hands[0] = m_projector.projectHand(left);
  m_hands[1] = m_projector.projectHand(right);
  update();
}

void VideoView::setGazePoint(std::optional<Eigen::Vector3d> pointDevice) {
  m_gazeDevice = pointDevice;
  m_gaze = pointDevice ? m_projector.project(*pointDevice) : std::nullopt;
  update();
}

void VideoView::setOverlayEnabled(Overlay overlay, bool on) {
  m_overlays = on ? (m_overlays | overlay) : (m_overlays & ~overlay);
  update();
}

void VideoView::setPlaceholder(const QString &text) {
  m_placeholder = text;
  update();
}

void VideoView::paintEvent(QPaintEvent *e) {
  ImageView::paintEvent(e);
  m_paintedSerial = m_frameSerial;
  if (m_frameIndex >= 0 && m_frameIndex != m_lastPresentedIndex) {
    m_lastPresentedIndex = m_frameIndex;
    ++m_presented;
    emit framePresented(m_frameIndex, m_frameClock.nsecsElapsed() / 1e6);
  }
}

void VideoView::paintOverlays(QPainter &p, const QTransform &xf) {
  if (image().isNull()) {
    p.setPen(QColor(160, 160, 160));
    p.drawText(rect(), Qt::AlignCenter, m_placeholder.isEmpty() ? tr("No video") : m_placeholder);
    return;
  }
  if (m_overlays & LeftHand)
    paintHand(p, m_hands[0], handColor(0), xf);
  if (m_overlays & RightHand)
    paintHand(p, m_hands[1], handColor(1), xf);
  if ((m_overlays & Gaze) && m_gaze)
    paintGazePoint(p, xf.map(*m_gaze));
  if (m_overlays & FrameInfo) {
    const QString text = QStringLiteral("#%1  %2").arg(m_frameIndex).arg(formatClock(m_relative));
    QFont f = font();
    f.setFamily(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    p.setFont(f);
    const QRect box = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
    const QRect at = box.translated(8 - box.left(), height() - 8 - box.bottom());
    p.fillRect(at, QColor(0, 0, 0, 160));
    p.setPen(Qt::white);
    p.drawText(at, Qt::AlignCenter, text);
  }
}

} // namespace tacit
