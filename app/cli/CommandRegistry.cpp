#include "app/cli/CommandRegistry.h"

#include <QCommandLineParser>
#include <cstdio>

namespace tacit::cli {

static std::map<QString, Command> &registry() {
  static std::map<QString, Command> commands;
  return commands;
}

void CommandRegistry::add(Command command) { registry()[command.name] = std::move(command); }
const std::map<QString, Command> &CommandRegistry::all() { return registry(); }

int dataError(const std::string &message) {
  std::fprintf(stderr, "tacit-cli: %s\n", message.c_str());
  return kExitDataError;
}
int dataError(const QString &message) { return dataError(message.toStdString()); }

int usageError(const QString &command, const QString &message) {
  std::fprintf(stderr, "tacit-cli %s: %s\nTry 'tacit-cli %s --help'.\n", qPrintable(command), qPrintable(message),
               qPrintable(command));
  return kExitUsage;
}

int parseArguments(QCommandLineParser &parser, const QStringList &args, const QString &command) {
  parser.addHelpOption();
  if (!parser.parse(args))
    return usageError(command, parser.errorText());
  if (parser.isSet(QStringLiteral("help"))) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    return kExitOk;
  }
  return -1;
}

void printLine(const std::string &text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

} // namespace tacit::cli
