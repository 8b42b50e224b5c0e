// tacit: the desktop application. Wiring only; see widgets/app/MainWindow.
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSurfaceFormat>
#include <QTranslator>

#include "core/TacitVersion.h"
#include "core/util/Logging.h"
#include "widgets/app/MainWindow.h"

int main(int argc, char **argv) {
  // VTK's OpenGL2 backend needs a 3.2 core context (shared/docs/VTK-QT6.md); set before QApplication.
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  format.setSamples(0);
  QSurfaceFormat::setDefaultFormat(format);

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
  parser.setApplicationDescription(QApplication::translate("main", "Review, label and curate smart-glasses recordings."));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")},
                             QApplication::translate("main", "Log debug messages to stderr."));
  parser.addOption(verbose);
  parser.addPositionalArgument(QStringLiteral("path"), QApplication::translate("main", "Recording folder or video file."));
  parser.process(app);

  tacit::logging::Options logOptions;
  logOptions.verbose = parser.isSet(verbose);
  tacit::logging::init(logOptions);
  tacit::logging::installQtMessageHandler();

  tacit::MainWindow window;
  window.show();
  if (!parser.positionalArguments().isEmpty())
    window.openPath(parser.positionalArguments().front());
  return app.exec();
}
