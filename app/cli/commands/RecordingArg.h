#pragma once
// --recording ID|UUID: the project recording a CLI verb acts on (review set, project set, ...).
#include <QString>

#include "core/project/ProjectStore.h"

namespace tacit::cli {

// Numeric: the project id; else the recording.json id. The error names the project.
Result<project::Id> resolveRecording(project::ProjectStore &store, const QString &key);

} // namespace tacit::cli
