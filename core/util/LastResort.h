#pragma once
// The last-resort handler of the executables: an exception that escaped every Result boundary (a bug)
// prints one line and exits 1 instead of aborting with a core dump (exit 134). Parsers must not rely
// on it: they return Result; this only keeps a remaining bug from looking like a crash to a user.
#include <exception>
#include <functional>

namespace tacit {

// std::set_terminate handler for exceptions escaping other threads: "<app>: internal error: <what>".
void installLastResortHandler(const char *appName);
// Runs body; an escaping exception prints the same line and returns 1.
int runWithLastResort(const char *appName, const std::function<int()> &body);

} // namespace tacit
