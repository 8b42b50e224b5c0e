// tacit-cli project set PROJECT --recording ID [--worker W] [--worker-name N] [--task T] [--site S]:
// corrects a recording's descriptive fields in the project (recording.json is never touched), e.g.
// gives an imported plain video its worker so it can be consented and exported.
#include <QCommandLineParser>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/ProjectVerbs.h"
#include "app/cli/commands/RecordingArg.h"
#include "core/project/ProjectStore.h"

namespace tacit::cli {

int projectSet(const QStringList &args) {
  using namespace project;
  const QString cmd = QStringLiteral("project");
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Set a recording's worker, task or site in the project."));
  p.addPositionalArgument(QStringLiteral("set"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("recording"), QStringLiteral("Recording id or uuid."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("worker"), QStringLiteral("Worker id (consent is recorded per worker id)."),
               QStringLiteral("W")});
  p.addOption({QStringLiteral("worker-name"), QStringLiteral("Worker's display name."), QStringLiteral("NAME")});
  p.addOption({QStringLiteral("task"), QStringLiteral("Task description."), QStringLiteral("TEXT")});
  p.addOption({QStringLiteral("site"), QStringLiteral("Site."), QStringLiteral("TEXT")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print the recording's fields as JSON.")});
  if (int rc = parseArguments(p, args, cmd); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return usageError(cmd, QStringLiteral("use: project set PROJECT --recording ID [--worker W] [--worker-name N] "
                                          "[--task T] [--site S]"));
  if (!p.isSet(QStringLiteral("recording")))
    return usageError(cmd, QStringLiteral("--recording is required"));
  const QStringList fields = {QStringLiteral("worker"), QStringLiteral("worker-name"), QStringLiteral("task"),
                              QStringLiteral("site")};
  if (std::none_of(fields.begin(), fields.end(), [&](const QString &f) { return p.isSet(f); }))
    return usageError(cmd, QStringLiteral("give at least one of --worker, --worker-name, --task, --site"));
  auto store = ProjectStore::open(p.positionalArguments()[1].toStdString());
  if (!store)
    return dataError(store.error());
  if ((*store)->isReadOnly())
    return dataError((*store)->readOnlyReason());
  auto id = resolveRecording(**store, p.value(QStringLiteral("recording")));
  if (!id)
    return dataError(id.error());
  auto rec = (*store)->recording(*id);
  if (!rec)
    return dataError(rec.error());
  RecordingMetadata m = RecordingMetadata::of(*rec);
  if (p.isSet(QStringLiteral("worker"))) {
    m.workerId = p.value(QStringLiteral("worker")).toStdString();
    if (!p.isSet(QStringLiteral("worker-name")) && m.workerId != rec->workerId)
      m.workerName.clear(); // another worker: the old name is not theirs
  }
  if (p.isSet(QStringLiteral("worker-name")))
    m.workerName = p.value(QStringLiteral("worker-name")).toStdString();
  if (p.isSet(QStringLiteral("task")))
    m.task = p.value(QStringLiteral("task")).toStdString();
  if (p.isSet(QStringLiteral("site")))
    m.site = p.value(QStringLiteral("site")).toStdString();
  auto after = (*store)->setRecordingMetadata(*id, m);
  if (!after)
    return dataError(after.error());
  if (p.isSet(QStringLiteral("json"))) {
    nlohmann::ordered_json j{{"id", after->id},
                             {"uuid", after->uuid},
                             {"worker_id", after->workerId},
                             {"worker_name", after->workerName},
                             {"task", after->task},
                             {"site", after->site}};
    printLine(j.dump(2));
  } else {
    printLine("recording " + std::to_string(after->id) + ": worker " +
              (after->workerId.empty() ? std::string("(none)") : after->workerId) +
              (after->workerName.empty() ? "" : " (" + after->workerName + ")") + ", task \"" + after->task +
              "\", site \"" + after->site + "\"");
  }
  return kExitOk;
}

} // namespace tacit::cli
