#pragma once
// Subcommands of tacit-cli register themselves here. Contract (README "Command line"):
// exit 0 ok, 1 bad data (one line on stderr naming the file and the problem), 2 usage error.
#include <QStringList>
#include <functional>
#include <map>
#include <string>

class QCommandLineParser;

namespace tacit::cli {

enum ExitCode { kExitOk = 0, kExitDataError = 1, kExitUsage = 2 };

struct Command {
  QString name;
  QString summary;
  // args[0] is the subcommand name; the rest are its arguments.
  std::function<int(const QStringList &args)> run;
  bool needsGui = false; // true: runs under a QGuiApplication (offscreen), e.g. PDF or font rendering
};

class CommandRegistry {
public:
  static void add(Command command);
  static const std::map<QString, Command> &all();
};

struct CommandRegistrar {
  explicit CommandRegistrar(Command command) { CommandRegistry::add(std::move(command)); }
};

// Prints "tacit-cli: <message>" on stderr and returns kExitDataError.
int dataError(const std::string &message);
int dataError(const QString &message);
// Prints "tacit-cli <command>: <message>" and a hint on stderr and returns kExitUsage.
int usageError(const QString &command, const QString &message);

// Parses args with parser (adds --help). Returns -1 to continue, else the exit code to return
// (0 after printing help, 2 on a usage error).
int parseArguments(QCommandLineParser &parser, const QStringList &args, const QString &command);

// Writes text to stdout exactly (no locale conversion), with a trailing newline.
void printLine(const std::string &text);

} // namespace tacit::cli
