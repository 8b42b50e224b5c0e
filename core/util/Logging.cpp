#include "core/util/Logging.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

#include <QString>
#include <QtGlobal>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace tacit::logging {
namespace {
std::mutex g_mutex;
std::vector<spdlog::sink_ptr> g_sinks;
bool g_initialized = false;
std::atomic<bool> g_qtWarningsOnStderr{true};

void ensureSinks(const Options &options) {
  if (g_initialized)
    return;
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_level(options.verbose ? spdlog::level::debug : spdlog::level::warn);
  g_sinks.push_back(console);
  if (options.fileSink) {
    try {
      std::filesystem::create_directories(stateDirectory());
      auto path = std::filesystem::path(stateDirectory()) / (options.appName + ".log");
      auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.string(), 5 * 1024 * 1024, 3);
      file->set_level(spdlog::level::debug);
      g_sinks.push_back(file);
    } catch (const std::exception &) {
      // A read-only home must not stop the program; the console sink still works.
    }
  }
  g_initialized = true;
}
} // namespace

std::string stateDirectory() {
  if (const char *xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
    return (std::filesystem::path(xdg) / "tacit").string();
  if (const char *home = std::getenv("HOME"); home && *home)
    return (std::filesystem::path(home) / ".local/state/tacit").string();
  return (std::filesystem::temp_directory_path() / "tacit-state").string();
}

void init(const Options &options) {
  std::lock_guard lock(g_mutex);
  g_qtWarningsOnStderr = options.qtWarningsOnStderr;
  if (g_initialized) {
    if (!g_sinks.empty())
      g_sinks.front()->set_level(options.verbose ? spdlog::level::debug : spdlog::level::warn);
    return;
  }
  ensureSinks(options);
}

std::shared_ptr<spdlog::logger> get(const std::string &subsystem) {
  std::lock_guard lock(g_mutex);
  if (auto existing = spdlog::get(subsystem))
    return existing;
  Options defaults;
  defaults.fileSink = false;
  ensureSinks(defaults);
  auto logger = std::make_shared<spdlog::logger>(subsystem, g_sinks.begin(), g_sinks.end());
  logger->set_level(spdlog::level::debug);
  logger->flush_on(spdlog::level::warn);
  spdlog::register_logger(logger);
  return logger;
}

static void qtHandler(QtMsgType type, const QMessageLogContext &, const QString &msg) {
  auto logger = get("tacit.qt");
  const std::string text = msg.toStdString();
  if (!g_qtWarningsOnStderr && type != QtCriticalMsg && type != QtFatalMsg) {
    // Debug level: kept in the log file, on stderr only with --verbose.
    logger->debug("{}", text);
    return;
  }
  switch (type) {
  case QtDebugMsg: logger->debug(text); break;
  case QtInfoMsg: logger->info(text); break;
  case QtWarningMsg: logger->warn(text); break;
  case QtCriticalMsg: logger->error(text); break;
  case QtFatalMsg: logger->critical(text); logger->flush(); std::abort();
  }
}

void installQtMessageHandler() { qInstallMessageHandler(qtHandler); }

} // namespace tacit::logging
