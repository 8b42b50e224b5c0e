// The Qt 6 VTK adapter renders a real scene under xvfb (Mesa): grab the framebuffer, look for the sphere.
#include <QApplication>
#include <QImage>
#include <QtTest>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include "widgets/pose3d/VtkOpenGLWidget.h"

namespace {
int countPixels(const QImage &img, auto pred) {
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      n += pred(img.pixelColor(x, y)) ? 1 : 0;
  return n;
}
} // namespace

class VtkOpenGLWidgetTest : public QObject {
  Q_OBJECT
private slots:
  void rendersSphereInCentre() {
    tacit::VtkOpenGLWidget w;
    w.resize(200, 160);
    vtkNew<vtkSphereSource> sphere;
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(sphere->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(1.0, 0.0, 0.0);
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    w.renderer()->AddActor(actor);
    w.renderer()->SetBackground(0.0, 0.0, 0.3);
    w.renderer()->ResetCamera();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QImage img = w.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(img.size(), QSize(200, 160) * w.devicePixelRatioF());
    QVERIFY(w.renderCount() > 0);
    const QColor centre = img.pixelColor(img.width() / 2, img.height() / 2);
    QVERIFY2(centre.red() > 200 && centre.green() < 50, qPrintable(centre.name()));
    const QColor corner = img.pixelColor(2, 2);
    QVERIFY2(corner.blue() > 60 && corner.red() < 30, qPrintable(corner.name()));
    const int red = countPixels(img, [](const QColor &c) { return c.red() > 200 && c.green() < 50; });
    QVERIFY(red > img.width() * img.height() / 10);
    // Not flipped or offset: the sphere's red blob is centred.
    int top = img.height(), bottom = -1;
    for (int y = 0; y < img.height(); ++y)
      if (img.pixelColor(img.width() / 2, y).red() > 200) {
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
    QVERIFY(std::abs((top + bottom) / 2 - img.height() / 2) <= 3);
  }

  void rerendersAfterCameraChange() {
    tacit::VtkOpenGLWidget w;
    w.resize(120, 120);
    vtkNew<vtkSphereSource> sphere;
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(sphere->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(0.0, 1.0, 0.0);
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    w.renderer()->AddActor(actor);
    w.renderer()->ResetCamera();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QImage img = w.grabFramebuffer();
    QVERIFY(img.pixelColor(60, 60).green() > 200);
    // Move the camera so the sphere leaves the view: the centre becomes background.
    w.renderer()->GetActiveCamera()->Azimuth(180);
    w.renderer()->GetActiveCamera()->SetFocalPoint(10, 10, 10);
    img = w.grabFramebuffer();
    QVERIFY(img.pixelColor(60, 60).green() < 100);
  }
};

int main(int argc, char **argv) {
  QSurfaceFormat::setDefaultFormat(tacit::VtkOpenGLWidget::defaultFormat());
  QApplication app(argc, argv);
  VtkOpenGLWidgetTest t;
  return QTest::qExec(&t, argc, argv);
}

#include "VtkOpenGLWidgetTest.moc"
