// tacit-cli review set|history: a recording's review status (unreviewed, in_review, approved, rejected).
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/RecordingArg.h"
#include "core/project/ProjectStore.h"

namespace {

using namespace tacit;
using namespace tacit::project;
using tacit::cli::dataError;
using tacit::cli::resolveRecording;
using tacit::cli::usageError;

const QString kCmd = QStringLiteral("review");

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Set or show a recording's review status."));
  p.addPositionalArgument(QStringLiteral("set|history"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("recording"), QStringLiteral("Recording id or uuid."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("status"), QStringLiteral("unreviewed, in_review, approved or rejected."),
               QStringLiteral("STATUS")});
  p.addOption({QStringLiteral("reason"), QStringLiteral("Why (required for rejected)."), QStringLiteral("TEXT")});
  p.addOption({QStringLiteral("json"), QStringLiteral("history: machine-readable output.")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 2 || (pos[0] != QLatin1String("set") && pos[0] != QLatin1String("history")))
    return usageError(kCmd, QStringLiteral("use: review set PROJECT --recording ID --status STATUS [--reason TEXT]"));
  if (!p.isSet(QStringLiteral("recording")))
    return usageError(kCmd, QStringLiteral("--recording is required"));
  const bool set = pos[0] == QLatin1String("set");
  std::optional<ReviewStatus> status;
  if (set) {
    status = reviewStatusFromName(p.value(QStringLiteral("status")).toStdString());
    if (!status)
      return usageError(kCmd, QStringLiteral("--status must be unreviewed, in_review, approved or rejected"));
    if (!checkReviewReason(*status, p.value(QStringLiteral("reason")).toStdString()).ok())
      return usageError(kCmd, QStringLiteral("rejecting needs --reason (a rejection needs a reason)"));
  }
  ProjectOpenOptions o;
  o.readOnly = !set;
  auto store = ProjectStore::open(pos[1].toStdString(), o);
  if (!store)
    return dataError(store.error());
  if (set && (*store)->isReadOnly())
    return dataError((*store)->readOnlyReason());
  auto id = resolveRecording(**store, p.value(QStringLiteral("recording")));
  if (!id)
    return dataError(id.error());
  if (set) {
    auto ev = (*store)->addReview(*id, *status, p.value(QStringLiteral("reason")).toStdString());
    if (!ev)
      return dataError(ev.error());
    cli::printLine("recording " + std::to_string(*id) + ": " + reviewStatusName(*status));
    return cli::kExitOk;
  }
  auto history = (*store)->reviewHistory(*id);
  if (!history)
    return dataError(history.error());
  if (p.isSet(QStringLiteral("json"))) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto &e : *history)
      arr.push_back(
          {{"status", reviewStatusName(e.status)}, {"reason", e.reason}, {"author", e.author}, {"at_ms", e.atMs}});
    cli::printLine(arr.dump(2));
  } else {
    for (const auto &e : *history)
      cli::printLine(std::to_string(e.atMs) + "  " + reviewStatusName(e.status) + "  " + e.author +
                     (e.reason.empty() ? "" : "  " + e.reason));
  }
  return cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({QStringLiteral("review"),
                                         QStringLiteral("Set or show a recording's review status"), &run});
