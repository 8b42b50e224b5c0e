#pragma once
// Named spdlog loggers per subsystem ("tacit.media", "tacit.project", ...) sharing one set of sinks:
// stderr (warnings, or everything with --verbose) and a rotating file in the user's state directory.
#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace tacit::logging {

struct Options {
  bool verbose = false; // debug level on stderr
  bool fileSink = true; // rotating log file in stateDirectory()
  std::string appName = "tacit";
  // false (tacit-cli): Qt's own debug/info/warning messages (e.g. "QStandardPaths: XDG_RUNTIME_DIR not
  // set" under sudo, cron or CI) go to the log file only, and to stderr with --verbose; stderr stays
  // for the command's own one-line errors. Critical and fatal Qt messages always reach stderr.
  bool qtWarningsOnStderr = true;
};

// Call once at program start; safe to call again (later calls re-level the sinks).
void init(const Options &options);
// The logger for a subsystem, created on first use with the shared sinks.
std::shared_ptr<spdlog::logger> get(const std::string &subsystem);
// $XDG_STATE_HOME/tacit or ~/.local/state/tacit.
std::string stateDirectory();
// Routes qDebug/qWarning/... into the "tacit.qt" logger.
void installQtMessageHandler();

} // namespace tacit::logging
