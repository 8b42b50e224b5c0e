#pragma once
// Shared by the widget tests: a GUI test main that sets VTK's surface format first, a small
// synthetic recording generated in process, and colour helpers for pixel assertions.
#include <QApplication>
#include <QColor>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "core/sample/SampleGenerator.h"
#include "core/sample/SampleOptions.h"
#include "widgets/pose3d/VtkOpenGLWidget.h"

#define TACIT_GUI_TEST_MAIN(TestClass)                                                                                 \
  int main(int argc, char **argv) {                                                                                    \
    QSurfaceFormat::setDefaultFormat(tacit::VtkOpenGLWidget::defaultFormat());                                         \
    QStandardPaths::setTestModeEnabled(true);                                                                          \
    QApplication app(argc, argv);                                                                                      \
    app.setOrganizationName(QStringLiteral("TacitTest"));                                                              \
    app.setApplicationName(QStringLiteral(#TestClass));                                                                \
    TestClass tc;                                                                                                      \
    return QTest::qExec(&tc, argc, argv);                                                                              \
  }

namespace guitest {

// Writes a 320x320, 2 s synthetic recording into dir/rec and returns its path (empty on failure,
// with the reason in *error).
inline QString makeSample(const QTemporaryDir &dir, QString *error, double seconds = 2.0, int size = 320) {
  tacit::sample::SampleOptions o;
  o.durationSec = seconds;
  o.width = size;
  o.height = size;
  o.imuHz = 200;
  const std::string folder = dir.path().toStdString() + "/rec";
  auto r = tacit::sample::generateSample(o, folder);
  if (!r) {
    *error = QString::fromStdString(r.error());
    return {};
  }
  return QString::fromStdString(folder);
}

inline int colourDistance(const QColor &a, const QColor &b) {
  return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

// Pixels of `img` within `tolerance` (sum of channel differences) of `colour`.
inline int countNear(const QImage &img, const QColor &colour, int tolerance) {
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      n += colourDistance(img.pixelColor(x, y), colour) <= tolerance ? 1 : 0;
  return n;
}

} // namespace guitest
