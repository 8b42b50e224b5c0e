#pragma once
// A widget that drives a vtkGenericOpenGLRenderWindow (shared/docs/VTK-QT6.md): Debian's VTK 9.1
// ships its Qt module for Qt 5 only, so this is our Qt 6 replacement for QVTKOpenGLNativeWidget.
// VTK types are only forward-declared here; VTK headers stay in widgets/pose3d/*.cpp.
//
// It renders offscreen (own QOpenGLContext + QOffscreenSurface + FBO) and paints the result as an
// image, instead of being a QOpenGLWidget: a QOpenGLWidget turns the whole top-level window into an
// OpenGL-composited one, so every repaint of any view (60 video frames a second) re-uploaded and
// re-composited the full window through the GL driver (llvmpipe under Xvfb: a quarter of the CPU
// during playback). Rendered this way the window stays raster and the 3D view costs one VTK render
// and one small read-back per update().
#include <QImage>
#include <QSurfaceFormat>
#include <QWidget>
#include <memory>

class QOpenGLContext;

class vtkGenericOpenGLRenderWindow;
class vtkRenderer;
class vtkRenderWindowInteractor;

namespace tacit {

class VtkOpenGLWidget : public QWidget {
  Q_OBJECT
public:
  explicit VtkOpenGLWidget(QWidget *parent = nullptr);
  ~VtkOpenGLWidget() override;

  // The format VTK's OpenGL2 backend needs (3.2 core, depth 24, stencil 8, no MSAA). Set it as the
  // default with QSurfaceFormat::setDefaultFormat before the QApplication is created.
  static QSurfaceFormat defaultFormat();

  vtkRenderer *renderer() const;
  vtkGenericOpenGLRenderWindow *renderWindow() const;
  vtkRenderWindowInteractor *interactor() const;
  // Number of VTK renders done so far (each paint renders once).
  int renderCount() const;
  // Renders the scene now and returns it (device pixels), like QOpenGLWidget::grabFramebuffer.
  QImage grabFramebuffer();
  // The offscreen GL context (created on the first render) and helpers VTK's callbacks use.
  QOpenGLContext *context() const;
  void makeCurrent();
  void doneCurrent();
  unsigned defaultFramebufferObject() const;

protected:
  void paintEvent(QPaintEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseReleaseEvent(QMouseEvent *event) override;
  void mouseMoveEvent(QMouseEvent *event) override;
  void mouseDoubleClickEvent(QMouseEvent *event) override;
  void wheelEvent(QWheelEvent *event) override;

private:
  bool ensureContext();
  bool renderFrame(); // VTK render into the FBO, read back into the cached image
  void releaseGraphics();
  void forwardMouse(QMouseEvent *event, unsigned long vtkEvent, bool repeat = false);

  struct Private;
  std::unique_ptr<Private> d;
};

} // namespace tacit
