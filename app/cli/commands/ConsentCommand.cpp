// tacit-cli consent grant|withdraw|status|report: the worker consent ledger (DESIGN §7).
#include <QCommandLineParser>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/consent/ConsentLedger.h"
#include "core/consent/TransparencyReport.h"

namespace {

using namespace tacit;
using nlohmann::json;
const QString kCmd = QStringLiteral("consent");

Result<std::unique_ptr<project::ProjectStore>> openStore(const std::string &path, bool write) {
  project::ProjectOpenOptions o;
  o.readOnly = !write;
  auto store = project::ProjectStore::open(path, o);
  if (store && write && (*store)->isReadOnly())
    return Result<std::unique_ptr<project::ProjectStore>>::failure(path + ": project is read-only (" +
                                                                   (*store)->readOnlyReason() + ")");
  return store;
}

std::vector<std::string> scopesOf(const QCommandLineParser &p) {
  std::vector<std::string> out;
  for (const QString &v : p.values(QStringLiteral("scope")))
    for (const QString &s : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
      out.push_back(s.trimmed().toStdString());
  return out;
}

json exportJson(const consent::ExportUse &u) {
  json items = json::array();
  for (const auto &i : u.items)
    items.push_back(
        {{"recording_id", i.recordingId}, {"segment_id", i.segmentId}, {"start_ns", i.startNs}, {"end_ns", i.endNs}});
  return {{"export_id", u.record.id}, {"format", u.record.format},        {"destination", u.record.destination},
          {"at_ms", u.record.atMs},   {"author", u.record.author},        {"items", items},
          {"episodes", u.episodes},   {"manifest_found", u.manifestFound}};
}

json eventJson(const project::ConsentEvent &e) {
  return {{"id", e.id},
          {"kind", project::consentKindName(e.kind)},
          {"worker_id", e.workerId},
          {"recording_id", e.recordingId},
          {"uses", consent::scopeUses(e.scope)},
          {"signature", e.signature},
          {"at_ms", e.atMs},
          {"row_hash", e.rowHash}};
}

int change(const QStringList &args, bool grant) {
  QCommandLineParser p;
  p.setApplicationDescription(grant ? QStringLiteral("Record a worker's consent (scopes: internal_research, "
                                                     "model_training, partner_sharing).")
                                    : QStringLiteral("Record a withdrawal and list every earlier export that "
                                                     "contains the worker's data. New exports exclude it."));
  p.addPositionalArgument(QStringLiteral("verb"), QStringLiteral("grant or withdraw"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption(
      {QStringLiteral("recording"), QStringLiteral("Recording id or uuid (its worker)."), QStringLiteral("ID")});
  p.addOption(
      {QStringLiteral("worker"), QStringLiteral("Worker id: every recording of the worker."), QStringLiteral("ID")});
  p.addOption(
      {QStringLiteral("by"), QStringLiteral("Typed full name of the worker (signature)."), QStringLiteral("NAME")});
  p.addOption({QStringLiteral("scope"), QStringLiteral("Use (repeatable or comma-separated)."), QStringLiteral("S")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 2)
    return cli::usageError(kCmd, QStringLiteral("expected %1 PROJECT").arg(pos.value(0)));
  if (p.isSet(QStringLiteral("recording")) == p.isSet(QStringLiteral("worker")))
    return cli::usageError(kCmd, QStringLiteral("give exactly one of --recording or --worker"));
  if (!p.isSet(QStringLiteral("by")) || p.value(QStringLiteral("by")).trimmed().isEmpty())
    return cli::usageError(kCmd, QStringLiteral("--by NAME (the worker's typed full name) is required"));
  const auto scopes = scopesOf(p);
  for (const auto &s : scopes)
    if (!consent::isKnownScope(s))
      return cli::usageError(kCmd, QStringLiteral("unknown scope '%1' (internal_research, model_training, "
                                                  "partner_sharing)")
                                       .arg(QString::fromStdString(s)));
  if (grant && scopes.empty())
    return cli::usageError(kCmd, QStringLiteral("grant needs --scope"));

  const std::string path = pos[1].toStdString();
  auto store = openStore(path, true);
  if (!store)
    return cli::dataError(store.error());
  std::string worker;
  project::Id recId = 0;
  if (p.isSet(QStringLiteral("recording"))) {
    auto rec = consent::findRecording(**store, p.value(QStringLiteral("recording")).toStdString());
    if (!rec)
      return cli::dataError(rec.error());
    worker = rec->workerId;
    recId = rec->id;
    if (worker.empty())
      return cli::dataError(path + ": recording " + rec->uuid + " names no worker");
  } else {
    worker = p.value(QStringLiteral("worker")).toStdString();
    auto mine = consent::recordingConsent(**store, worker);
    if (!mine)
      return cli::dataError(mine.error());
    if (mine->empty())
      return cli::dataError(path + ": no recording of worker '" + worker + "'");
  }
  const std::string by = p.value(QStringLiteral("by")).trimmed().toStdString();
  auto event = grant ? consent::grantConsent(**store, worker, recId, scopes, by)
                     : consent::withdrawConsent(**store, worker, recId, scopes, by);
  if (!event)
    return cli::dataError(event.error());
  json out = {{"event", eventJson(*event)}};
  if (!grant) {
    auto uses = consent::exportsContainingWorker(**store, worker, recId);
    if (!uses)
      return cli::dataError(uses.error());
    out["earlier_exports"] = json::array();
    for (const auto &u : *uses)
      out["earlier_exports"].push_back(exportJson(u));
    if (!p.isSet(QStringLiteral("json"))) {
      cli::printLine(std::string(project::consentKindName(event->kind)) + ": consent event #" +
                     std::to_string(event->id) + " for worker " + worker + "; new exports exclude this data");
      cli::printLine(std::to_string(uses->size()) + " earlier export(s) contain this worker's data:");
      for (const auto &u : *uses) {
        std::string eps;
        for (const auto &e : u.episodes)
          eps += (eps.empty() ? "" : ",") + e;
        cli::printLine("export #" + std::to_string(u.record.id) + " " + u.record.format + " " + u.record.destination +
                       " (" + std::to_string(u.items.size()) + " item(s)" +
                       (eps.empty() ? std::string() : "; episodes " + eps) + ")");
      }
      return cli::kExitOk;
    }
  }
  if (p.isSet(QStringLiteral("json")))
    cli::printLine(out.dump(2));
  else
    cli::printLine(std::string(project::consentKindName(event->kind)) + ": consent event #" +
                   std::to_string(event->id) + " for worker " + worker);
  return cli::kExitOk;
}

int status(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Current consent of every recording, and the ledger's integrity."));
  p.addPositionalArgument(QStringLiteral("status"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("worker"), QStringLiteral("Only this worker."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 2)
    return cli::usageError(kCmd, QStringLiteral("status needs exactly one PROJECT"));
  const std::string path = pos[1].toStdString();
  auto store = openStore(path, false);
  if (!store)
    return cli::dataError(store.error());
  auto rows = consent::recordingConsent(**store, p.value(QStringLiteral("worker")).toStdString());
  if (!rows)
    return cli::dataError(rows.error());
  auto events = (*store)->consentEvents();
  auto chain = (*store)->verifyConsentChain();
  if (!events || !chain)
    return cli::dataError(!events ? events.error() : chain.error());
  json j = {{"project", path},
            {"ledger_intact", !chain->has_value()},
            {"recordings", json::array()},
            {"events", json::array()}};
  if (*chain)
    j["ledger_broken_at_row"] = **chain;
  for (const auto &r : *rows)
    j["recordings"].push_back({{"id", r.recording.id},
                               {"uuid", r.recording.uuid},
                               {"worker_id", r.recording.workerId},
                               {"worker_name", r.recording.workerName},
                               {"consent", r.state},
                               {"uses", r.uses},
                               {"event_id", r.eventId},
                               {"exportable", r.state == "granted"}});
  for (const auto &e : *events)
    j["events"].push_back(eventJson(e));
  if (p.isSet(QStringLiteral("json"))) {
    cli::printLine(j.dump(2));
  } else {
    for (const auto &r : *rows) {
      std::string uses;
      for (const auto &u : r.uses)
        uses += (uses.empty() ? "" : ",") + u;
      cli::printLine(std::to_string(r.recording.id) + "  " + r.recording.workerId + "  " + r.state +
                     (uses.empty() ? "" : " (" + uses + ")") + "  " + r.recording.uuid);
    }
    cli::printLine(*chain ? "ledger: BROKEN at row " + std::to_string(**chain) : std::string("ledger: intact"));
  }
  return *chain ? cli::kExitDataError : cli::kExitOk;
}

int report(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Write a worker's transparency report (PDF)."));
  p.addPositionalArgument(QStringLiteral("report"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("worker"), QStringLiteral("Worker id."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("out"), QStringLiteral("PDF file to write."), QStringLiteral("FILE")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 2 || !p.isSet(QStringLiteral("worker")) || !p.isSet(QStringLiteral("out")))
    return cli::usageError(kCmd, QStringLiteral("report needs PROJECT --worker ID --out FILE"));
  auto store = openStore(pos[1].toStdString(), false);
  if (!store)
    return cli::dataError(store.error());
  const std::string out = p.value(QStringLiteral("out")).toStdString();
  if (Status s = consent::writeTransparencyReport(**store, p.value(QStringLiteral("worker")).toStdString(), out); !s)
    return cli::dataError(s.error());
  cli::printLine(out);
  return cli::kExitOk;
}

int run(const QStringList &args) {
  const QString verb = args.value(1);
  if (verb == QLatin1String("grant") || verb == QLatin1String("withdraw"))
    return change(args, verb == QLatin1String("grant"));
  if (verb == QLatin1String("status"))
    return status(args);
  if (verb == QLatin1String("report"))
    return report(args);
  if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
    cli::printLine("usage: tacit-cli consent grant|withdraw|status|report PROJECT ...");
    return cli::kExitOk;
  }
  return cli::usageError(kCmd, QStringLiteral("expected grant, withdraw, status or report"));
}

} // namespace

static tacit::cli::CommandRegistrar
    reg({QStringLiteral("consent"), QStringLiteral("Worker consent: grant, withdraw, status, report"), &run, true});
