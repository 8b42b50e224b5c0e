// tacit-cli project create|add|info|check|relink|set (and the hidden stress verb used by the kill -9 tests).
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/ProjectVerbs.h"
#include "core/project/ProjectStore.h"
#include "core/project/ProjectStress.h"

namespace {

using namespace tacit;
using namespace tacit::project;
using tacit::cli::dataError;
using tacit::cli::usageError;

const QString kCmd = QStringLiteral("project");

void printWarnings(const std::vector<std::string> &warnings) {
  for (const auto &w : warnings)
    std::fprintf(stderr, "tacit-cli: warning: %s\n", w.c_str());
}

// Opens for writing; a project held by another process is an error for write verbs.
Result<std::unique_ptr<ProjectStore>> openForWrite(const std::string &path) {
  auto store = ProjectStore::open(path);
  if (store && (*store)->isReadOnly())
    return Result<std::unique_ptr<ProjectStore>>::failure((*store)->readOnlyReason());
  return store;
}

Result<std::unique_ptr<ProjectStore>> openForRead(const std::string &path) {
  ProjectOpenOptions o;
  o.readOnly = true;
  auto store = ProjectStore::open(path, o);
  if (!store && store.error().find("needs an upgrade") != std::string::npos)
    return ProjectStore::open(path); // old schema: migrate once (takes the lock)
  return store;
}

int create(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Create an empty project file."));
  p.addPositionalArgument(QStringLiteral("create"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("new .tacit file"));
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return usageError(kCmd, QStringLiteral("create needs exactly one PROJECT"));
  auto store = ProjectStore::create(p.positionalArguments()[1].toStdString());
  if (!store)
    return dataError(store.error());
  cli::printLine("created " + (*store)->path().string());
  return cli::kExitOk;
}

int add(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Add recording folders to a project (referenced, never copied)."));
  p.addPositionalArgument(QStringLiteral("add"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addPositionalArgument(QStringLiteral("REC_DIR..."), QStringLiteral("recording folders"));
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() < 3)
    return usageError(kCmd, QStringLiteral("add needs PROJECT and at least one REC_DIR"));
  auto store = openForWrite(pos[1].toStdString());
  if (!store)
    return dataError(store.error());
  for (int i = 2; i < pos.size(); ++i) {
    auto rec = (*store)->addRecording(pos[i].toStdString());
    if (!rec)
      return dataError(rec.error());
    printWarnings(rec.warnings());
    cli::printLine("added recording " + std::to_string(rec->id) + " " + rec->uuid + " (" + rec->relativePath + ")");
  }
  return cli::kExitOk;
}

int info(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("List a project's recordings with review status and label counts."));
  p.addPositionalArgument(QStringLiteral("info"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output on stdout.")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return usageError(kCmd, QStringLiteral("info needs exactly one PROJECT"));
  auto store = openForRead(p.positionalArguments()[1].toStdString());
  if (!store)
    return dataError(store.error());
  auto summaries = (*store)->recordingSummaries();
  auto tracks = (*store)->tracks();
  auto labels = (*store)->labels();
  if (!summaries || !tracks || !labels)
    return dataError(!summaries ? summaries.error() : !tracks ? tracks.error() : labels.error());
  if (p.isSet(QStringLiteral("json"))) {
    nlohmann::ordered_json j;
    j["path"] = (*store)->path().string();
    j["schema_version"] = (*store)->schemaVersion();
    auto jt = nlohmann::ordered_json::array();
    for (const auto &t : *tracks)
      jt.push_back({{"id", t.id}, {"name", t.name}, {"allow_overlap", t.allowOverlap}});
    j["tracks"] = jt;
    j["label_count"] = labels->size();
    auto recs = nlohmann::ordered_json::array();
    for (const auto &s : *summaries) {
      const auto &r = s.record;
      recs.push_back({{"id", r.id},
                      {"uuid", r.uuid},
                      {"path", r.relativePath},
                      {"worker", {{"id", r.workerId}, {"name", r.workerName}}},
                      {"task", r.task},
                      {"status", reviewStatusName(r.status)},
                      {"segments", s.segmentCount},
                      {"flags", s.flagCount},
                      {"max_flag_severity", s.maxFlagSeverity},
                      {"media", mediaStateName(s.media)}});
    }
    j["recordings"] = recs;
    cli::printLine(j.dump(2));
    return cli::kExitOk;
  }
  cli::printLine((*store)->path().string() + ": " + std::to_string(summaries->size()) + " recording(s), " +
                 std::to_string(labels->size()) + " label(s)");
  for (const auto &s : *summaries) {
    char line[512];
    std::snprintf(line, sizeof(line), "%4lld  %-10s %6d seg %4d flags  %-8s %s", static_cast<long long>(s.record.id),
                  reviewStatusName(s.record.status), s.segmentCount, s.flagCount, mediaStateName(s.media),
                  s.record.relativePath.c_str());
    cli::printLine(line);
  }
  return cli::kExitOk;
}

int check(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(
      QStringLiteral("Check a project: SQLite integrity, foreign keys, consent chain, missing or changed media. "
                     "Exit 1 when anything is wrong."));
  p.addPositionalArgument(QStringLiteral("check"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return usageError(kCmd, QStringLiteral("check needs exactly one PROJECT"));
  const std::string path = p.positionalArguments()[1].toStdString();
  auto store = openForRead(path);
  if (!store)
    return dataError(store.error());
  auto problems = (*store)->checkIntegrity();
  if (!problems)
    return dataError(problems.error());
  auto summaries = (*store)->recordingSummaries();
  if (!summaries)
    return dataError(summaries.error());
  for (const auto &s : *summaries)
    if (s.media != MediaState::Ok)
      problems->push_back(path + ": recording " + std::to_string(s.record.id) + " (" + s.record.uuid + ") is " +
                          mediaStateName(s.media) + " at " + (*store)->absoluteFolder(s.record).string() +
                          (s.media == MediaState::Missing ? "; use 'tacit-cli project relink'" : ""));
  if (problems->empty()) {
    cli::printLine(path + ": ok (" + std::to_string(summaries->size()) + " recordings)");
    return cli::kExitOk;
  }
  for (std::size_t i = 0; i + 1 < problems->size(); ++i)
    std::fprintf(stderr, "tacit-cli: %s\n", (*problems)[i].c_str());
  return dataError(problems->back());
}

int relink(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Point recordings at their new folders: either one recording (--recording ID NEW_DIR) or every missing "
      "recording found under SEARCH_DIR."));
  p.addPositionalArgument(QStringLiteral("relink"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("new folder (with --recording) or folder to search"));
  p.addOption({QStringLiteral("recording"), QStringLiteral("Recording id or uuid."), QStringLiteral("ID")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 3)
    return usageError(kCmd, QStringLiteral("relink needs PROJECT and DIR"));
  auto store = openForWrite(pos[1].toStdString());
  if (!store)
    return dataError(store.error());
  if (p.isSet(QStringLiteral("recording"))) {
    const std::string key = p.value(QStringLiteral("recording")).toStdString();
    bool numeric = false;
    Id id = p.value(QStringLiteral("recording")).toLongLong(&numeric);
    if (!numeric) {
      auto rec = (*store)->recordingByUuid(key);
      if (!rec || !*rec)
        return dataError(pos[1].toStdString() + ": no recording " + key);
      id = (*rec)->id;
    }
    auto done = (*store)->relinkRecording(id, pos[2].toStdString());
    if (!done)
      return dataError(done.error());
    printWarnings(done.warnings());
    cli::printLine("relinked recording " + std::to_string(done->id) + " to " + done->relativePath);
    return cli::kExitOk;
  }
  auto done = (*store)->relinkMissingUnder(pos[2].toStdString());
  if (!done)
    return dataError(done.error());
  for (const auto &r : *done)
    cli::printLine("relinked recording " + std::to_string(r.id) + " to " + r.relativePath);
  auto summaries = (*store)->recordingSummaries();
  int stillMissing = 0;
  for (const auto &s : *summaries)
    stillMissing += s.media == MediaState::Missing;
  if (stillMissing)
    return dataError(pos[1].toStdString() + ": " + std::to_string(stillMissing) + " recording(s) still missing");
  return cli::kExitOk;
}

// Hidden: edit burst for crash tests; prints "<n> segment|flag|note <id>" after each commit.
int stress(const QStringList &args) {
  QCommandLineParser p;
  p.addPositionalArgument(QStringLiteral("stress"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption(
      {QStringLiteral("edits"), QStringLiteral("Number of edits."), QStringLiteral("N"), QStringLiteral("1000")});
  p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"), QStringLiteral("1")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return usageError(kCmd, QStringLiteral("stress needs exactly one PROJECT"));
  auto store = openForWrite(p.positionalArguments()[1].toStdString());
  if (!store)
    return dataError(store.error());
  auto st = runStressEdits(**store, p.value(QStringLiteral("edits")).toInt(), p.value(QStringLiteral("seed")).toUInt(),
                           [](const std::string &line) {
                             cli::printLine(line);
                             std::fflush(stdout);
                           });
  return st.ok() ? cli::kExitOk : dataError(st.error());
}

int run(const QStringList &args) {
  const QString verb = args.size() > 1 ? args[1] : QString();
  if (verb == QLatin1String("create"))
    return create(args);
  if (verb == QLatin1String("add"))
    return add(args);
  if (verb == QLatin1String("info"))
    return info(args);
  if (verb == QLatin1String("check"))
    return check(args);
  if (verb == QLatin1String("relink"))
    return relink(args);
  if (verb == QLatin1String("set"))
    return cli::projectSet(args);
  if (verb == QLatin1String("stress"))
    return stress(args);
  if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
    std::printf("Usage: tacit-cli project create|add|info|check|relink|set PROJECT ...\n"
                "  create PROJECT                 new empty .tacit project\n"
                "  add PROJECT REC_DIR...         add recording folders (by relative path + content hash)\n"
                "  info PROJECT [--json]          recordings with ids, status, segment and flag counts\n"
                "  check PROJECT                  integrity + missing media (exit 1 when broken)\n"
                "  relink PROJECT [--recording ID] DIR   point moved recordings at their new folder\n"
                "  set PROJECT --recording ID [--worker W] [--worker-name N] [--task T] [--site S]\n"
                "                                 correct a recording's worker, task or site\n");
    return cli::kExitOk;
  }
  return usageError(kCmd, verb.isEmpty() ? QStringLiteral("missing verb (create, add, info, check, relink, set)")
                                         : QStringLiteral("unknown verb '%1'").arg(verb));
}

} // namespace

static tacit::cli::CommandRegistrar
    reg({QStringLiteral("project"),
         QStringLiteral("Create and inspect .tacit projects (create, add, info, check, relink, set)"), &run});
