#include "app/cli/commands/RecordingArg.h"

namespace tacit::cli {

Result<project::Id> resolveRecording(project::ProjectStore &store, const QString &key) {
  using R = Result<project::Id>;
  bool numeric = false;
  const project::Id id = key.toLongLong(&numeric);
  if (numeric) {
    auto rec = store.recording(id);
    return rec ? R(rec->id) : R::failure(rec.error());
  }
  auto rec = store.recordingByUuid(key.toStdString());
  if (!rec)
    return R::failure(rec.error());
  if (!*rec)
    return R::failure(store.path().string() + ": no recording " + key.toStdString());
  return (*rec)->id;
}

} // namespace tacit::cli
