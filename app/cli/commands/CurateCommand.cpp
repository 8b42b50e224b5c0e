// tacit-cli curate metrics|suggest|integrity|queue: curation intelligence (docs/curation.md).
//   curate integrity REC [--json] [--min-confidence C]   dropped/duplicated frames, gaps, offsets, dropouts
//   curate suggest REC [--json] [--min-confidence C]     task-boundary suggestions with their signals
//   curate metrics P.tacit|REC [--json]                  demo-quality metrics per recording (and segment)
//   curate queue P.tacit [--by METRIC] [--refresh] [--json]   the worst-first queue
// Exit 0 ok, 1 unreadable data (one line naming the file), 2 usage.
#include "app/cli/commands/CurateCommand.h"

#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/curation/AnalysisJson.h"
#include "core/curation/RecordingAnalysis.h"

namespace tacit::cli::curate {

namespace {

using namespace tacit::curation;
const QString kCmd = QStringLiteral("curate");

bool isVerb(const QString &v) {
  return v == QLatin1String("metrics") || v == QLatin1String("suggest") || v == QLatin1String("integrity") ||
         v == QLatin1String("queue");
}

void printIntegrityText(const IntegrityReport &r) {
  for (const auto &s : r.streams)
    std::printf("%-12s %-10s %8zu samples %9.2f Hz%s%s\n", s.id.c_str(), streamKindName(s.kind), s.samples, s.rateHz,
                s.error.empty() ? "" : "  error: ", s.error.c_str());
  if (r.issues.empty())
    std::printf("no integrity issues\n");
  for (const auto &i : r.issues)
    std::printf("%-20s %-10s %s\n", issueKindName(i.kind), i.stream.c_str(), i.message.c_str());
}

void printMetricsText(const std::string &title, const MetricSet &m) {
  std::printf("%s (%.2f s)\n", title.c_str(), toSeconds(m.span.duration()));
  for (const MetricDef &d : metricCatalogue()) {
    const MetricValue *v = m.get(d.id);
    if (!v)
      continue;
    std::printf("  %-20s %12.4g %-9s normalised %10.4g %s\n", d.id, v->value, d.unit, v->normalised, d.normalisedUnit);
  }
}

int runRecordingVerb(const QString &verb, const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Curation of one recording folder."));
  p.addPositionalArgument(QStringLiteral("verb"), verb);
  p.addPositionalArgument(QStringLiteral("REC"), QStringLiteral("Recording folder."));
  p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output (stable).")});
  p.addOption({QStringLiteral("min-confidence"),
               verb == QLatin1String("suggest") ? QStringLiteral("Only suggestions at or above C (0..1, default 0).")
                                                : QStringLiteral("Hand-tracking confidence below C is a dropout "
                                                                 "(default 0.3)."),
               QStringLiteral("C")});
  p.addOption({QStringLiteral("cues"), QStringLiteral("suggest: also list every cue before fusion.")});
  p.addOption({QStringLiteral("no-video-check"), QStringLiteral("integrity: skip the IMU-vs-video motion check.")});
  if (int rc = parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 2)
    return usageError(kCmd, QStringLiteral("use: curate %1 REC [--json]").arg(verb));
  AnalysisOptions o;
  if (p.isSet(QStringLiteral("min-confidence"))) {
    bool good = false;
    const double c = p.value(QStringLiteral("min-confidence")).toDouble(&good);
    if (!good || c < 0 || c > 1)
      return usageError(kCmd, QStringLiteral("--min-confidence must be 0..1, got '%1'").arg(p.value("min-confidence")));
    if (verb == QLatin1String("suggest"))
      o.suggest.minConfidence = c;
    else
      o.integrity.minHandConfidence = o.motion.minHandConfidence = c;
  }
  o.integrity.checkVideoMotion = !p.isSet(QStringLiteral("no-video-check"));
  const bool json = p.isSet(QStringLiteral("json"));
  o.runIntegrity = verb != QLatin1String("suggest");
  o.suggestions = verb != QLatin1String("integrity");
  o.pixelMetrics = verb == QLatin1String("metrics");
  auto a = analyzeRecording(pos[1].toStdString(), HiddenSpans{}, {}, o);
  if (!a)
    return dataError(a.error());
  nlohmann::ordered_json cues = nlohmann::ordered_json::array();
  if (p.isSet(QStringLiteral("cues"))) {
    auto sig = loadRecordingSignals(pos[1].toStdString(), {false, {}});
    if (!sig)
      return dataError(sig.error());
    for (const BoundaryCue &c : boundaryCues(computeMotion(*sig, o.motion)))
      cues.push_back({{"t_ns", c.t}, {"signal", c.signal}, {"strength", c.strength}});
  }
  for (const auto &w : a.warnings())
    std::fprintf(stderr, "tacit-cli: warning: %s\n", w.c_str());
  if (verb == QLatin1String("integrity")) {
    if (json) {
      nlohmann::ordered_json j{{"recording", a->recordingUuid}, {"start_ns", a->span.begin}, {"end_ns", a->span.end}};
      j.update(integrityJson(a->integrity));
      printLine(j.dump(2));
    } else {
      printIntegrityText(a->integrity);
    }
  } else if (verb == QLatin1String("suggest")) {
    if (json) {
      printLine(nlohmann::ordered_json{
          {"recording", a->recordingUuid},
          {"start_ns", a->span.begin},
          {"end_ns", a->span.end},
          {"suggestions", suggestionsJson(a->suggestions)},
          {"cues",
           cues}}.dump(2));
    } else {
      for (const auto &s : a->suggestions) {
        std::string fired;
        for (const auto &x : s.firedBy)
          fired += (fired.empty() ? "" : ", ") + x;
        std::printf("%10.3f s  %.2f  %s\n", toSeconds(s.t - a->span.begin), s.confidence, fired.c_str());
      }
    }
  } else {
    if (json) {
      nlohmann::ordered_json j{{"recording", a->recordingUuid}};
      j.update(metricsJson(a->recording));
      if (!a->pixelNote.empty())
        j["pixel_note"] = a->pixelNote;
      j["sampled_frames"] = a->frames.size();
      printLine(j.dump(2));
    } else {
      printMetricsText(a->recordingUuid, a->recording);
    }
  }
  return kExitOk;
}

int run(const QStringList &args) {
  const QString verb = args.size() > 1 ? args[1] : QString();
  if (!isVerb(verb)) {
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
      std::printf("Usage: tacit-cli curate metrics|suggest|integrity|queue PATH [options]\n"
                  "  integrity REC [--json]            frame drops, duplicates, gaps, offsets, dropouts\n"
                  "  suggest REC [--json]              task-boundary suggestions\n"
                  "  metrics P.tacit|REC [--json]      demo-quality metrics\n"
                  "  queue P.tacit [--by METRIC] [--json] [--refresh]   worst-first queue\n");
      return kExitOk;
    }
    return usageError(kCmd, QStringLiteral("expected metrics, suggest, integrity or queue"));
  }
  const QStringList &rest = args; // args[0] ("curate") is the parser's program name
  if (verb == QLatin1String("queue"))
    return runQueue(rest);
  if (verb == QLatin1String("metrics") && rest.size() > 2 && isProjectPath(rest[2]))
    return runProjectMetrics(rest);
  return runRecordingVerb(verb, rest);
}

} // namespace

bool isProjectPath(const QString &path) {
  return path.endsWith(QLatin1String(".tacit"));
}

} // namespace tacit::cli::curate

static tacit::cli::CommandRegistrar
    reg({QStringLiteral("curate"),
         QStringLiteral("Integrity, demo-quality metrics, boundary suggestions, worst-first queue"),
         &tacit::cli::curate::run});
