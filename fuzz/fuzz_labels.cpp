// labels import (JSON or CSV, chosen at build time: TACIT_FUZZ_LABELS_FORMAT) into a fresh project,
// then both exports: an accepted file must never make a later export fail or throw (issue #14: one
// invalid-UTF-8 CSV import used to poison every later export). Odd-sized inputs import with --replace.
#include "fuzz/ProjectFixture.h"

using namespace tacit;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzz::quietLogs();
  (void)fuzz::templateProject();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  auto store = fuzz::freshProject();
  const auto format = TACIT_FUZZ_LABELS_FORMAT;
  const std::string label = format == project::LabelsFormat::Csv ? "labels.csv" : "labels.json";
  auto imported = project::importLabels(*store, text, label, size % 2 == 1, format);
  fuzz::checkFailure(imported, label);
  if (!imported)
    return 0;
  auto json = project::exportLabelsJson(*store);
  auto csv = project::exportLabelsCsv(*store);
  if (!json || !csv) {
    std::fprintf(stderr, "export after an accepted import failed: %s\n", (!json ? json : csv).error().c_str());
    std::abort();
  }
  return 0;
}
