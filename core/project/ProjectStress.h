#pragma once
// An edit burst for crash-safety tests (`tacit-cli project stress`, bench/project_kill.sh): real user
// edits through AnnotationDocument + QUndoStack, each committed before `ack` is called with a line
// "<n> segment|flag <id>". A test kills the process at random and checks every acked edit survived.
#include <functional>
#include <string>

#include "core/project/ProjectStore.h"

namespace tacit::project {

Status runStressEdits(ProjectStore &store, int edits, unsigned seed,
                      const std::function<void(const std::string &)> &ack);

} // namespace tacit::project
