// project_stress_helper PROJECT EDITS SEED: runs runStressEdits and prints each acknowledged edit.
#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>

#include "core/project/ProjectStress.h"

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  if (argc != 4) {
    std::fprintf(stderr, "usage: project_stress_helper PROJECT EDITS SEED\n");
    return 2;
  }
  auto store = tacit::project::ProjectStore::open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().c_str());
    return 1;
  }
  auto st = tacit::project::runStressEdits(**store, std::atoi(argv[2]), static_cast<unsigned>(std::atoi(argv[3])),
                                           [](const std::string &line) {
                                             std::printf("%s\n", line.c_str());
                                             std::fflush(stdout);
                                           });
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.error().c_str());
    return 1;
  }
  return 0;
}
