#pragma once
// The review picture: shows one frame scaled to fit and lets the worker drag a box ("Blur this").
#include <QImage>
#include <QRectF>
#include <QWidget>
#include <vector>

namespace tacit {

class FrameBoxView : public QWidget {
  Q_OBJECT
public:
  explicit FrameBoxView(QWidget *parent = nullptr);
  void setImage(const QImage &image);
  const QImage &image() const { return m_image; }
  QRectF selection() const { return m_selection; } // normalised 0..1, empty when none
  void clearSelection();
  // Boxes drawn over the picture (face QA): normalised rectangles with a colour; `current` is thicker.
  struct Marked {
    QRectF box;
    QColor colour;
    bool current = false;
  };
  void setMarks(std::vector<Marked> marks);
  const std::vector<Marked> &marks() const { return m_marks; }
  QSize sizeHint() const override { return {640, 480}; }

signals:
  void selectionChanged(const QRectF &normalised);

protected:
  void paintEvent(QPaintEvent *) override;
  void mousePressEvent(QMouseEvent *e) override;
  void mouseMoveEvent(QMouseEvent *e) override;
  void mouseReleaseEvent(QMouseEvent *e) override;

private:
  QRectF imageRect() const;
  QPointF toNormalised(const QPointF &p) const;
  QImage m_image;
  QRectF m_selection;
  std::vector<Marked> m_marks;
  QPointF m_anchor;
  bool m_dragging = false;
};

} // namespace tacit
