#pragma once
// Verbs of `tacit-cli bench <verb> ...`. Each verb registers itself from its own .cpp file:
//   static tacit::cli::BenchVerbRegistrar reg({"series", "Sensor CSV load speed", &runBenchSeries});
// run() receives the bench command's full arguments: args[0] == "bench", args[1] == the verb,
// so a QCommandLineParser sees the verb as its first positional argument. Exit codes as for
// commands (0 ok, 1 bad data, 2 usage).
#include <QString>
#include <QStringList>
#include <functional>
#include <map>

namespace tacit::cli {

struct BenchVerb {
  QString name;
  QString summary;
  std::function<int(const QStringList &args)> run;
};

void addBenchVerb(BenchVerb verb);
const std::map<QString, BenchVerb> &benchVerbs();

struct BenchVerbRegistrar {
  explicit BenchVerbRegistrar(BenchVerb verb) { addBenchVerb(std::move(verb)); }
};

} // namespace tacit::cli
