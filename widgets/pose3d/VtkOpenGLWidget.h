#pragma once
// A QOpenGLWidget that drives a vtkGenericOpenGLRenderWindow (shared/docs/VTK-QT6.md): Debian's VTK 9.1
// ships its Qt module for Qt 5 only, so this is our Qt 6 replacement for QVTKOpenGLNativeWidget.
// VTK types are only forward-declared here; VTK headers stay in widgets/pose3d/*.cpp.
#include <QOpenGLWidget>
#include <QSurfaceFormat>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderer;
class vtkRenderWindowInteractor;

namespace tacit {

class VtkOpenGLWidget : public QOpenGLWidget {
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
  // Number of VTK renders done so far (each paintGL renders once).
  int renderCount() const;

protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseReleaseEvent(QMouseEvent *event) override;
  void mouseMoveEvent(QMouseEvent *event) override;
  void mouseDoubleClickEvent(QMouseEvent *event) override;
  void wheelEvent(QWheelEvent *event) override;

private slots:
  void onContextAboutToBeDestroyed();

private:
  void releaseGraphics();
  void forwardMouse(QMouseEvent *event, unsigned long vtkEvent, bool repeat = false);

  struct Private;
  std::unique_ptr<Private> d;
};

} // namespace tacit
