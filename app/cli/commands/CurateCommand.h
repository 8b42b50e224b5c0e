#pragma once
// tacit-cli curate: the verbs are split over CurateCommand*.cpp; this header joins them.
#include <QStringList>

namespace tacit::cli::curate {

// args[0] = verb ("metrics", "queue"), PATH is a .tacit project.
int runProjectMetrics(const QStringList &args);
int runQueue(const QStringList &args);

bool isProjectPath(const QString &path);

} // namespace tacit::cli::curate
