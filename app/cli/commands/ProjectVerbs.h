#pragma once
// Verbs of `tacit-cli project` that live in their own files (ProjectCommand.cpp dispatches).
#include <QStringList>

namespace tacit::cli {

int projectSet(const QStringList &args); // ProjectSetVerb.cpp

} // namespace tacit::cli
