// tacit-cli labels export|import (segments, flags, review status) and taxonomy export|import.
#include <QCommandLineParser>
#include <cstdio>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/RecordingFrameGrid.h"
#include "core/project/LabelsInterchange.h"
#include "core/project/TaxonomyJson.h"
#include "core/util/AtomicFile.h"

namespace {

using namespace tacit;
using namespace tacit::project;
using tacit::cli::dataError;
using tacit::cli::usageError;

const QString kCmd = QStringLiteral("labels");

Status writeOutput(const QString &out, const std::string &text) {
  if (out.isEmpty() || out == QLatin1String("-")) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return okStatus();
  }
  return writeFileAtomically(out.toStdString(), text);
}

int printErrors(const std::string &message) {
  std::size_t start = 0;
  while (true) {
    const auto nl = message.find('\n', start);
    std::fprintf(stderr, "tacit-cli: %s\n", message.substr(start, nl - start).c_str());
    if (nl == std::string::npos)
      break;
    start = nl + 1;
  }
  return cli::kExitDataError;
}

int exportLabels(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Export segments, quality flags and review history."));
  p.addPositionalArgument(QStringLiteral("export"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("format"), QStringLiteral("json (default) or csv."), QStringLiteral("FORMAT"),
               QStringLiteral("json")});
  p.addOption({QStringLiteral("out"), QStringLiteral("Output file (default: stdout)."), QStringLiteral("FILE")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return usageError(kCmd, QStringLiteral("export needs exactly one PROJECT"));
  const QString format = p.value(QStringLiteral("format"));
  if (format != QLatin1String("json") && format != QLatin1String("csv"))
    return usageError(kCmd, QStringLiteral("--format must be json or csv"));
  ProjectOpenOptions o;
  o.readOnly = true;
  auto store = ProjectStore::open(p.positionalArguments()[1].toStdString(), o);
  if (!store)
    return dataError(store.error());
  auto text = format == QLatin1String("json") ? exportLabelsJson(**store)
                                              : exportLabelsCsv(**store, cli::recordingFrameGrids(**store));
  if (!text)
    return dataError(text.error());
  auto st = writeOutput(p.value(QStringLiteral("out")), *text);
  return st.ok() ? cli::kExitOk : dataError(st.error());
}

int importLabelsCmd(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Import segments, flags and review history (JSON or CSV). Every row is validated first; on any error all "
      "problems are listed (with line numbers) and nothing changes."));
  p.addPositionalArgument(QStringLiteral("import"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("labels file (.json or .csv)"));
  p.addOption({QStringLiteral("replace"),
               QStringLiteral("Replace the labels of the recordings in FILE (default: add to them).")});
  p.addOption(
      {QStringLiteral("format"), QStringLiteral("json or csv (default: from the content)."), QStringLiteral("FORMAT")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 3)
    return usageError(kCmd, QStringLiteral("import needs PROJECT and FILE"));
  LabelsFormat format = LabelsFormat::Auto;
  if (p.isSet(QStringLiteral("format"))) {
    const QString f = p.value(QStringLiteral("format"));
    if (f != QLatin1String("json") && f != QLatin1String("csv"))
      return usageError(kCmd, QStringLiteral("--format must be json or csv"));
    format = f == QLatin1String("json") ? LabelsFormat::Json : LabelsFormat::Csv;
  }
  auto text = readSmallFile(pos[2].toStdString(), 1u << 30);
  if (!text)
    return dataError(text.error());
  auto store = ProjectStore::open(pos[1].toStdString());
  if (!store)
    return dataError(store.error());
  if ((*store)->isReadOnly())
    return dataError((*store)->readOnlyReason());
  auto summary = importLabels(**store, *text, pos[2].toStdString(), p.isSet(QStringLiteral("replace")), format,
                              cli::recordingFrameGrids(**store));
  if (!summary)
    return printErrors(summary.error());
  cli::printLine("imported " + std::to_string(summary->segments) + " segments, " + std::to_string(summary->flags) +
                 " flags, " + std::to_string(summary->reviewEvents) + " review events into " +
                 std::to_string(summary->recordings) + " recording(s)");
  return cli::kExitOk;
}

int taxonomy(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Export or import (replace) the label taxonomy as JSON."));
  p.addPositionalArgument(QStringLiteral("taxonomy"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("export|import"), QStringLiteral("direction"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addPositionalArgument(QStringLiteral("[FILE]"), QStringLiteral("taxonomy JSON (import)"));
  p.addOption({QStringLiteral("out"), QStringLiteral("Output file (export; default stdout)."), QStringLiteral("FILE")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() == 3 && pos[1] == QLatin1String("export")) {
    ProjectOpenOptions o;
    o.readOnly = true;
    auto store = ProjectStore::open(pos[2].toStdString(), o);
    if (!store)
      return dataError(store.error());
    auto labels = (*store)->labels();
    if (!labels)
      return dataError(labels.error());
    auto st = writeOutput(p.value(QStringLiteral("out")),
                          taxonomyToJson(*labels).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return st.ok() ? cli::kExitOk : dataError(st.error());
  }
  if (pos.size() == 4 && pos[1] == QLatin1String("import")) {
    auto text = readSmallFile(pos[3].toStdString());
    if (!text)
      return dataError(text.error());
    auto labels = taxonomyFromJsonText(*text, pos[3].toStdString());
    if (!labels)
      return printErrors(labels.error());
    auto store = ProjectStore::open(pos[2].toStdString());
    if (!store)
      return dataError(store.error());
    if ((*store)->isReadOnly())
      return dataError((*store)->readOnlyReason());
    auto st = (*store)->replaceTaxonomy(*labels);
    if (!st.ok())
      return dataError(st.error());
    cli::printLine("imported " + std::to_string(labels->size()) + " labels");
    return cli::kExitOk;
  }
  return usageError(kCmd,
                    QStringLiteral("use: labels taxonomy export PROJECT [--out F] | labels taxonomy import PROJECT F"));
}

int run(const QStringList &args) {
  const QString verb = args.size() > 1 ? args[1] : QString();
  if (verb == QLatin1String("export"))
    return exportLabels(args);
  if (verb == QLatin1String("import"))
    return importLabelsCmd(args);
  if (verb == QLatin1String("taxonomy"))
    return taxonomy(args);
  if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
    std::printf("Usage: tacit-cli labels export|import|taxonomy ...\n"
                "  export PROJECT [--format json|csv] [--out F]   segments, flags and review history\n"
                "  import PROJECT F [--replace] [--format json|csv]  all-or-nothing, errors with line numbers\n"
                "  taxonomy export PROJECT [--out F] | taxonomy import PROJECT F\n");
    return cli::kExitOk;
  }
  return usageError(kCmd, verb.isEmpty() ? QStringLiteral("missing verb (export, import, taxonomy)")
                                         : QStringLiteral("unknown verb '%1'").arg(verb));
}

} // namespace

static tacit::cli::CommandRegistrar
    reg({QStringLiteral("labels"), QStringLiteral("Export/import segments, flags, reviews and the taxonomy"), &run});
