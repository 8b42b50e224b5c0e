// tacit-cli redact: cut a time span of a recording from every export (DESIGN §6, §7).
#include <QCommandLineParser>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/RecordingFrameGrid.h"
#include "core/consent/ConsentLedger.h"

namespace {

using namespace tacit;
const QString kCmd = QStringLiteral("redact");
const QStringList kStreams = {QStringLiteral("video"), QStringLiteral("depth"), QStringLiteral("audio"),
                              QStringLiteral("imu"),   QStringLiteral("hands"), QStringLiteral("trajectory"),
                              QStringLiteral("gaze")};

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Remove a span of a recording from every export (all or some streams)."));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("recording"), QStringLiteral("Recording id or uuid."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("start-ns"), QStringLiteral("Span start (device ns, inclusive)."), QStringLiteral("A")});
  p.addOption({QStringLiteral("end-ns"), QStringLiteral("Span end (device ns, exclusive)."), QStringLiteral("B")});
  p.addOption({QStringLiteral("streams"),
               QStringLiteral("all (default) or a list of video,depth,audio,imu,hands,trajectory,gaze."),
               QStringLiteral("LIST"), QStringLiteral("all")});
  p.addOption({QStringLiteral("reason"), QStringLiteral("Why (shown to the worker in the report)."),
               QStringLiteral("TEXT"), QStringLiteral("removed on request")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print the stored redaction as JSON.")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 1)
    return cli::usageError(kCmd, QStringLiteral("expected one PROJECT"));
  if (!p.isSet(QStringLiteral("recording")) || !p.isSet(QStringLiteral("start-ns")) ||
      !p.isSet(QStringLiteral("end-ns")))
    return cli::usageError(kCmd, QStringLiteral("--recording, --start-ns and --end-ns are required"));
  bool okA = false, okB = false;
  const qint64 a = p.value(QStringLiteral("start-ns")).toLongLong(&okA);
  const qint64 b = p.value(QStringLiteral("end-ns")).toLongLong(&okB);
  if (!okA || !okB || b <= a)
    return cli::usageError(kCmd, QStringLiteral("--start-ns and --end-ns must be integers with end > start"));
  std::vector<std::string> streams;
  const QString list = p.value(QStringLiteral("streams"));
  if (list != QLatin1String("all"))
    for (const QString &s : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      if (!kStreams.contains(s.trimmed()))
        return cli::usageError(kCmd, QStringLiteral("unknown stream '%1'").arg(s));
      streams.push_back(s.trimmed().toStdString());
    }

  const std::string path = pos[0].toStdString();
  auto store = project::ProjectStore::open(path);
  if (!store)
    return cli::dataError(store.error());
  if ((*store)->isReadOnly())
    return cli::dataError(path + ": project is read-only (" + (*store)->readOnlyReason() + ")");
  auto rec = consent::findRecording(**store, p.value(QStringLiteral("recording")).toStdString());
  if (!rec)
    return cli::dataError(rec.error());
  if (std::string problem = project::spanProblem(a, b, cli::recordingFrameGrid(**store, *rec)); !problem.empty())
    return cli::dataError(path + ": recording " + rec->uuid + ": " + problem);
  project::Redaction r;
  r.recordingId = rec->id;
  r.startNs = a;
  r.endNs = b;
  r.streams = streams;
  r.reason = p.value(QStringLiteral("reason")).toStdString();
  auto added = (*store)->addRedaction(r);
  if (!added)
    return cli::dataError(added.error());
  if (p.isSet(QStringLiteral("json")))
    cli::printLine(
        nlohmann::json{{"id", added->id},
                       {"recording_id", added->recordingId},
                       {"start_ns", added->startNs},
                       {"end_ns", added->endNs},
                       {"streams", added->streams.empty() ? std::vector<std::string>{"all"} : added->streams},
                       {"reason", added->reason},
                       {"author", added->author}}
            .dump(2));
  else
    cli::printLine("redaction #" + std::to_string(added->id) + " on recording " + rec->uuid + ": [" +
                   std::to_string(a) + ", " + std::to_string(b) + ") ns");
  return cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({QStringLiteral("redact"),
                                         QStringLiteral("Remove a time span of a recording from exports"), &run});
