// tacit-cli: dispatches to the registered subcommands (app/cli/commands/).
#include <QCoreApplication>
#include <QGuiApplication>
#include <cstdio>
#include <memory>

#include "app/cli/CommandRegistry.h"
#include "core/TacitVersion.h"
#include "core/util/LastResort.h"
#include "core/util/Logging.h"

using namespace tacit::cli;

static void printUsage(FILE *out) {
  std::fprintf(out, "Usage: tacit-cli [--version] [--verbose] <command> [options]\n\nCommands:\n");
  for (const auto &[name, command] : CommandRegistry::all())
    std::fprintf(out, "  %-10s %s\n", qPrintable(name), qPrintable(command.summary));
  std::fprintf(out, "\nRun 'tacit-cli <command> --help' for a command's options.\n");
}

static int runCli(int argc, char **argv) {
  QStringList args;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const QString arg = QString::fromLocal8Bit(argv[i]);
    if (args.isEmpty() && (arg == QLatin1String("-v") || arg == QLatin1String("--verbose"))) {
      verbose = true;
      continue;
    }
    args << arg;
  }
  if (args.isEmpty()) {
    printUsage(stderr);
    return kExitUsage;
  }
  if (args.front() == QLatin1String("--version")) {
    std::printf("tacit-cli %s\n", TACIT_VERSION_STRING);
    return kExitOk;
  }
  if (args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h") ||
      args.front() == QLatin1String("help")) {
    printUsage(stdout);
    return kExitOk;
  }
  const auto &commands = CommandRegistry::all();
  auto it = commands.find(args.front());
  if (it == commands.end()) {
    std::fprintf(stderr, "tacit-cli: unknown command '%s'\n", qPrintable(args.front()));
    printUsage(stderr);
    return kExitUsage;
  }

  tacit::logging::Options logOptions;
  logOptions.verbose = verbose;
  logOptions.appName = "tacit-cli";
  logOptions.qtWarningsOnStderr = false; // stderr is for the command's own messages
  tacit::logging::init(logOptions);
  tacit::logging::installQtMessageHandler();

  std::unique_ptr<QCoreApplication> app;
  if (it->second.needsGui) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
    app = std::make_unique<QGuiApplication>(argc, argv);
  } else {
    app = std::make_unique<QCoreApplication>(argc, argv);
  }
  QCoreApplication::setApplicationName(QStringLiteral("tacit"));
  QCoreApplication::setOrganizationName(QStringLiteral("Tacit"));
  QCoreApplication::setApplicationVersion(QStringLiteral(TACIT_VERSION_STRING));
  return it->second.run(args);
}

int main(int argc, char **argv) {
  return tacit::runWithLastResort("tacit-cli", [&] { return runCli(argc, argv); });
}
