// tacit-cli curate queue / curate metrics P.tacit (see CurateCommand.cpp): recordings that were not
// analysed yet (or changed since) are analysed and stored in the project first, unless the project
// is read-only or --no-analyse is given.
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/CurateCommand.h"
#include "core/curation/AnalysisJson.h"
#include "core/curation/CurationQueue.h"
#include "core/curation/ProjectCuration.h"

namespace tacit::cli::curate {

namespace {

using namespace tacit::curation;
using nlohmann::ordered_json;
const QString kCmd = QStringLiteral("curate");

struct OpenedProject {
  std::unique_ptr<project::ProjectStore> store;
};

// Opens the project and brings the stored analyses up to date. -1 = fine, else an exit code.
int openAndAnalyse(const QString &path, bool analyse, bool refresh, OpenedProject &out) {
  project::ProjectOpenOptions o;
  o.readOnly = !analyse;
  auto store = project::ProjectStore::open(path.toStdString(), o);
  if (!store)
    return dataError(store.error());
  out.store = store.takeValue();
  if (!analyse || out.store->isReadOnly())
    return -1;
  AnalysisOptions options;
  auto report = analyseProject(*out.store, refresh, options);
  if (!report)
    return dataError(report.error());
  for (const auto &p : report->problems)
    std::fprintf(stderr, "tacit-cli: warning: %s\n", p.c_str());
  return -1;
}

ordered_json entryJson(const QueueEntry &e, int rank) {
  ordered_json j;
  j["rank"] = rank;
  j["recording_id"] = e.recording.id;
  j["uuid"] = e.recording.uuid;
  j["path"] = e.recording.relativePath;
  j["task"] = e.recording.task;
  j["duration_s"] = toSeconds(e.durationNs());
  j["analysed"] = e.analysed;
  j["stale"] = e.stale;
  j["combined"] = e.combined;
  ordered_json reasons = ordered_json::array();
  for (const auto &r : e.reasons)
    reasons.push_back({{"metric", r.metric}, {"value", r.value}, {"badness", r.badness}, {"text", r.text}});
  j["reasons"] = std::move(reasons);
  j["worst"] = e.worst.empty()
                   ? ordered_json()
                   : ordered_json{{"start_ns", e.worst.begin}, {"end_ns", e.worst.end}, {"metric", e.worstMetric}};
  j["suggested_flag"] = project::flagReasonCode(suggestedFlagReason(e));
  ordered_json metrics = ordered_json::object();
  for (const MetricDef &d : metricCatalogue())
    if (const MetricValue *v = e.metrics.get(d.id))
      metrics[d.id] = std::isfinite(v->normalised) ? ordered_json(v->normalised) : ordered_json();
  j["metrics"] = std::move(metrics);
  j["integrity_issues"] = e.issues.size();
  j["state"] = project::queueStateName(e.state.state);
  if (e.state.state != project::QueueState::Open) {
    j["reviewer"] = e.state.reviewer;
    j["at_ms"] = e.state.atMs;
    if (e.state.flagId)
      j["flag_id"] = e.state.flagId;
  }
  return j;
}

} // namespace

int runQueue(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("The worst-first curation queue of a project."));
  p.addPositionalArgument(QStringLiteral("queue"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("by"), QStringLiteral("Sort key: combined (default), duration or a metric id."),
               QStringLiteral("METRIC"), QStringLiteral("combined")});
  p.addOption({QStringLiteral("all"), QStringLiteral("Also list items that were flagged, dismissed or reviewed.")});
  p.addOption({QStringLiteral("refresh"), QStringLiteral("Analyse every recording again.")});
  p.addOption({QStringLiteral("no-analyse"), QStringLiteral("Only read what is stored (opens read-only).")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output (stable).")});
  if (int rc = parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 2 || !isProjectPath(pos[1]))
    return usageError(kCmd, QStringLiteral("use: curate queue P.tacit [--by METRIC] [--json]"));
  const std::string by = p.value(QStringLiteral("by")).toStdString();
  std::vector<QueueEntry> probe;
  if (!sortQueue(probe, by)) {
    std::string keys;
    for (const auto &k : queueSortKeys())
      keys += (keys.empty() ? "" : ", ") + k;
    return usageError(kCmd, QString::fromStdString("--by must be one of " + keys + "; got '" + by + "'"));
  }
  OpenedProject opened;
  if (int rc =
          openAndAnalyse(pos[1], !p.isSet(QStringLiteral("no-analyse")), p.isSet(QStringLiteral("refresh")), opened);
      rc >= 0)
    return rc;
  auto queue = loadQueue(*opened.store);
  if (!queue)
    return dataError(queue.error());
  sortQueue(*queue, by);
  const bool all = p.isSet(QStringLiteral("all"));
  if (p.isSet(QStringLiteral("json"))) {
    ordered_json items = ordered_json::array();
    int rank = 0;
    for (const auto &e : *queue)
      if (all || e.state.state == project::QueueState::Open)
        items.push_back(entryJson(e, ++rank));
    printLine(ordered_json{{"project", opened.store->path().generic_string()}, {"by", by}, {"items", items}}.dump(2));
    return kExitOk;
  }
  int rank = 0;
  for (const auto &e : *queue) {
    if (!all && e.state.state != project::QueueState::Open)
      continue;
    std::printf("%3d  %7.2f  %7.1f s  %-10s %s%s\n", ++rank, e.combined, toSeconds(e.durationNs()),
                project::queueStateName(e.state.state), e.recording.relativePath.c_str(),
                e.analysed ? "" : "  (not analysed)");
    for (const auto &r : e.reasons)
      std::printf("                              - %s\n", r.text.c_str());
  }
  return kExitOk;
}

int runProjectMetrics(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Demo-quality metrics of every recording and segment of a project."));
  p.addPositionalArgument(QStringLiteral("metrics"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("refresh"), QStringLiteral("Analyse every recording again.")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output (stable).")});
  if (int rc = parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 2)
    return usageError(kCmd, QStringLiteral("use: curate metrics P.tacit|REC [--json]"));
  OpenedProject opened;
  if (int rc = openAndAnalyse(pos[1], true, p.isSet(QStringLiteral("refresh")), opened); rc >= 0)
    return rc;
  auto stored = opened.store->curationAnalyses();
  if (!stored)
    return dataError(stored.error());
  auto queue = loadQueue(*opened.store); // for the duration outliers across the project
  if (!queue)
    return dataError(queue.error());
  std::map<project::Id, const QueueEntry *> entryOf;
  for (const auto &e : *queue)
    entryOf[e.recording.id] = &e;
  // Segment duration outliers per label across the project.
  std::map<std::string, std::vector<double>> byLabel;
  std::vector<std::pair<project::Id, nlohmann::json>> parsed;
  for (const auto &a : *stored) {
    auto j = nlohmann::json::parse(a.analysisJson, nullptr, false);
    if (!j.is_object())
      continue;
    for (const auto &s : j.value("segments", nlohmann::json::array()))
      byLabel[s.value("label", std::string())].push_back(
          toSeconds(s.value("end_ns", Timestamp(0)) - s.value("start_ns", Timestamp(0))));
    parsed.push_back({a.recordingId, std::move(j)});
  }
  ordered_json recordings = ordered_json::array();
  for (auto &[id, j] : parsed) {
    const auto entry = entryOf.find(id);
    if (entry == entryOf.end())
      continue;
    const QueueEntry &e = *entry->second;
    ordered_json r{
        {"recording_id", id}, {"uuid", e.recording.uuid}, {"path", e.recording.relativePath}, {"combined", e.combined}};
    r.update(metricsJson(e.metrics));
    ordered_json segs = ordered_json::array();
    for (const auto &s : j.value("segments", nlohmann::json::array())) {
      MetricSet m = metricsFromJson(s);
      const std::string label = s.value("label", std::string());
      const double outlier = tukeyOutlier(toSeconds(m.span.duration()), byLabel[label]);
      m.values["duration_outlier"] = {outlier, outlier, m.span};
      ordered_json sj{{"segment_id", s.value("segment_id", std::int64_t(0))}, {"label", label}};
      sj.update(metricsJson(m));
      segs.push_back(std::move(sj));
    }
    r["segments"] = std::move(segs);
    recordings.push_back(std::move(r));
  }
  if (p.isSet(QStringLiteral("json"))) {
    printLine(ordered_json{{"project", opened.store->path().generic_string()}, {"recordings", recordings}}.dump(2));
    return kExitOk;
  }
  for (const auto &r : recordings) {
    std::printf("%s  combined %.2f\n", r["path"].get<std::string>().c_str(), r["combined"].get<double>());
    for (const auto &[id, v] : r["metrics"].items())
      if (!v["normalised"].is_null())
        std::printf("  %-20s %12.4g\n", id.c_str(), v["normalised"].get<double>());
  }
  return kExitOk;
}

} // namespace tacit::cli::curate
