#pragma once
// The .tacit schema as a list of forward-only migrations; PRAGMA user_version records how many ran.
// Never edit a shipped migration: add a new one at the end (tests open a v1 file with current code).
#include "core/project/SqliteDb.h"

namespace tacit::project {

class ProjectSchema {
public:
  static int currentVersion();
  // Runs migrations (user_version+1 .. target) each in its own transaction. target <= 0 means current.
  // Refuses files newer than this build.
  static Status migrate(SqliteDb &db, int target = 0);
};

} // namespace tacit::project
