#include "core/util/LastResort.h"

#include <cstdio>
#include <cstdlib>

namespace tacit {

namespace {
const char *g_appName = "tacit";

void printInternalError(const char *what) {
  std::fprintf(stderr, "%s: internal error: %s\n", g_appName, what);
  std::fflush(stderr);
}

void describeCurrentException() {
  try {
    throw;
  } catch (const std::exception &e) {
    printInternalError(e.what());
  } catch (...) { // last resort: nothing else can name it
    printInternalError("unknown exception");
  }
}

[[noreturn]] void onTerminate() {
  if (std::current_exception())
    describeCurrentException();
  else
    printInternalError("terminate called");
  std::_Exit(1);
}
} // namespace

void installLastResortHandler(const char *appName) {
  g_appName = appName;
  std::set_terminate(&onTerminate);
}

int runWithLastResort(const char *appName, const std::function<int()> &body) {
  installLastResortHandler(appName);
  try {
    return body();
  } catch (...) { // the last resort itself: rethrown inside to print what it was
    describeCurrentException();
    return 1;
  }
}

} // namespace tacit
