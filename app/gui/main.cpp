// tacit: the desktop application. Wiring only; see widgets/app/MainWindow.
//   tacit                      opens the bundled sample (generated on first start)
//   tacit PATH                 opens a recording folder or video file
//   tacit PROJECT.tacit        opens a project (recordings panel, segments, flags, labels)
//   tacit --screenshot OUT.png [--time-ns T] [--size WxH] PATH
//   tacit --bench-playback PATH --seconds 20 [--speed 2] [--bench-open]
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "app/gui/PlaybackBench.h"
#include "app/gui/ScreenshotRunner.h"
#include "core/TacitVersion.h"
#include "core/sample/BundledSample.h"
#include "core/util/LastResort.h"
#include "core/util/Logging.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ProjectController.h"
#include "widgets/consent/ConsentReviewWindow.h"
#include "widgets/pose3d/VtkOpenGLWidget.h"

static int runGui(int argc, char **argv) {
  // VTK's OpenGL2 backend needs a 3.2 core context (shared/docs/VTK-QT6.md); set before QApplication.
  QSurfaceFormat::setDefaultFormat(tacit::VtkOpenGLWidget::defaultFormat());

  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("tacit"));
  QApplication::setOrganizationName(QStringLiteral("Tacit"));
  QApplication::setApplicationVersion(QStringLiteral(TACIT_VERSION_STRING));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tacit.svg")));

  QTranslator qtTranslator;
  if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(&qtTranslator);
  QTranslator translator;
  if (translator.load(QLocale(), QStringLiteral("tacit"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    app.installTranslator(&translator);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Review, label and curate smart-glasses recordings."));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption verbose(QStringLiteral("verbose"),
                             QApplication::translate("main", "Log debug messages to stderr."));
  QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                QApplication::translate("main", "Render the window to a PNG file and exit."),
                                QStringLiteral("OUT.png"));
  QCommandLineOption timeNs(
      QStringLiteral("time-ns"),
      QApplication::translate("main", "Playhead for --screenshot (ns; absolute, or relative to the start)."),
      QStringLiteral("T"));
  QCommandLineOption size(QStringLiteral("size"), QApplication::translate("main", "Window size, e.g. 1600x1000."),
                          QStringLiteral("WxH"));
  QCommandLineOption bench(
      QStringLiteral("bench-playback"),
      QApplication::translate("main", "Play PATH and print presented fps, drops, latency, stalls."));
  QCommandLineOption benchOpen(
      QStringLiteral("bench-open"),
      QApplication::translate("main", "Only time openPath -> first frame presented -> series loaded (implies "
                                      "--bench-playback)."));
  QCommandLineOption seconds(QStringLiteral("seconds"), QApplication::translate("main", "Benchmark duration."),
                             QStringLiteral("S"), QStringLiteral("20"));
  QCommandLineOption speed(QStringLiteral("speed"), QApplication::translate("main", "Benchmark playback speed."),
                           QStringLiteral("X"), QStringLiteral("1"));
  QCommandLineOption consentReview(
      QStringLiteral("consent-review"),
      QApplication::translate("main", "Open the worker consent review mode for this project (.tacit)."),
      QStringLiteral("PROJECT"));
  QCommandLineOption worker(QStringLiteral("worker"),
                            QApplication::translate("main", "Worker id for --consent-review."), QStringLiteral("ID"));
  parser.addOptions({verbose, screenshot, timeNs, size, bench, benchOpen, seconds, speed, consentReview, worker});
  parser.addPositionalArgument(QStringLiteral("path"),
                               QApplication::translate("main", "Recording folder, video file or project (.tacit)."));
  parser.process(app);

  tacit::logging::Options logOptions;
  logOptions.verbose = parser.isSet(verbose);
  tacit::logging::init(logOptions);
  tacit::logging::installQtMessageHandler();

  if (parser.isSet(consentReview)) {
    if (!parser.isSet(worker)) {
      std::fprintf(stderr, "--consent-review needs --worker ID\n");
      return 2;
    }
    return tacit::runConsentReview(parser.value(consentReview), parser.value(worker));
  }

  // --bench-open alone is the open benchmark too (it used to open the window and wait for nothing).
  const bool benchRun = parser.isSet(bench) || parser.isSet(benchOpen);
  const bool automated = parser.isSet(screenshot) || benchRun;
  tacit::MainWindow::Options options;
  options.restoreSettings = !automated;
  // On the heap so it is torn down (decode threads joined, GL contexts released) while the
  // application object and its event loop still exist.
  auto windowOwner = std::make_unique<tacit::MainWindow>(options);
  tacit::MainWindow &window = *windowOwner;
  if (parser.isSet(size)) {
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    if (wh.size() != 2 || wh[0].toInt() < 200 || wh[1].toInt() < 200) {
      std::fprintf(stderr, "--size: expected WxH (e.g. 1600x1000), got %s\n", qPrintable(parser.value(size)));
      return 2;
    }
    window.resize(wh[0].toInt(), wh[1].toInt());
  }
  window.show();

  QString path = parser.positionalArguments().value(0);
  if (automated && path.isEmpty()) {
    // Automated runs without a path use the bundled sample, generated synchronously.
    auto sample = tacit::sample::ensureBundledSample();
    if (!sample) {
      std::fprintf(stderr, "%s\n", sample.error().c_str());
      return 1;
    }
    path = QString::fromStdString(sample.value().string());
  }

  std::unique_ptr<tacit::ScreenshotRunner> shot;
  std::unique_ptr<tacit::PlaybackBench> benchRunner;
  if (parser.isSet(screenshot)) {
    std::optional<tacit::Timestamp> t;
    if (parser.isSet(timeNs)) {
      bool ok = false;
      t = parser.value(timeNs).toLongLong(&ok);
      if (!ok) {
        std::fprintf(stderr, "--time-ns: expected an integer, got %s\n", qPrintable(parser.value(timeNs)));
        return 2;
      }
    }
    shot = std::make_unique<tacit::ScreenshotRunner>(window, parser.value(screenshot), t);
    QTimer::singleShot(0, shot.get(), [&shot, path] { shot->start(path); });
  } else if (benchRun) {
    tacit::PlaybackBench::Options bo;
    bo.seconds = parser.value(seconds).toDouble();
    bo.speed = parser.value(speed).toDouble();
    bo.openOnly = parser.isSet(benchOpen);
    benchRunner = std::make_unique<tacit::PlaybackBench>(window, bo);
    QTimer::singleShot(0, benchRunner.get(), [&benchRunner, path] { benchRunner->start(path); });
  } else if (path.endsWith(QLatin1String(".tacit"), Qt::CaseInsensitive)) {
    window.projects().openProject(path);
  } else if (!path.isEmpty()) {
    window.openPath(path);
  } else {
    window.openBundledSample();
  }
  const int rc = app.exec();
  shot.reset();
  benchRunner.reset();
  windowOwner.reset();
  QCoreApplication::processEvents();
  return rc;
}

int main(int argc, char **argv) {
  return tacit::runWithLastResort("tacit", [&] { return runGui(argc, argv); });
}
