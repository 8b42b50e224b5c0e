#pragma once
// Shows one image with fit / 1:1 / zoom (wheel, around the mouse) / pan (drag) and a display rotation
// (0/90/180/270 clockwise). Subclasses draw overlays in widget coordinates through imageToWidget().
#include <QImage>
#include <QTransform>
#include <QWidget>

namespace tacit {

class ImageView : public QWidget {
  Q_OBJECT
public:
  explicit ImageView(QWidget *parent = nullptr);

  // logicalSize: the picture's full size when `image` is a reduced copy (playback frames decoded at
  // display size); overlays and zoom work in logical pixels. Empty = the image's own size.
  void setImage(const QImage &image, QSize logicalSize = {});
  const QImage &image() const { return m_image; }
  QSize imageSize() const { return m_logical; }
  void setRotation(int degreesClockwise);
  int rotation() const { return m_rotation; }
  bool isFit() const { return m_fit; }
  double scale() const; // widget pixels per image pixel
  // Fast (nearest) scaling while playing keeps the GUI thread cheap; smooth when paused.
  void setFastScaling(bool fast);
  QTransform imageToWidget() const;
  // Image coordinates under a widget point (nullopt outside the image).
  std::optional<QPointF> imagePointAt(const QPointF &widgetPoint) const;

  QSize sizeHint() const override { return {640, 640}; }

public slots:
  void fit();
  void oneToOne();
  void zoomBy(double factor);

protected:
  virtual void paintOverlays(QPainter &, const QTransform &) {}
  void paintEvent(QPaintEvent *) override;
  void wheelEvent(QWheelEvent *) override;
  void mousePressEvent(QMouseEvent *) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void mouseReleaseEvent(QMouseEvent *) override;
  void mouseDoubleClickEvent(QMouseEvent *) override;

private:
  QSizeF rotatedSize() const;
  void zoomAround(double newScale, const QPointF &widgetAnchor);

  QImage m_image;
  QSize m_logical;
  int m_rotation = 0;
  bool m_fit = true;
  double m_scale = 1.0; // when !m_fit
  QPointF m_pan;        // widget-pixel offset of the image centre from the widget centre
  bool m_fast = false;
  bool m_panning = false;
  QPointF m_lastMouse;
};

} // namespace tacit
