#pragma once
// Minimal RFC 4180 CSV for label interchange: quoted fields may hold commas, quotes and newlines.
// Each parsed record remembers the physical line it started on, for error messages.
#include <string>
#include <string_view>
#include <vector>

namespace tacit::project {

struct CsvRecord {
  int line = 0; // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

// Parses the whole text; an unterminated quote is reported in `error` (with its line).
std::vector<CsvRecord> parseCsv(std::string_view text, std::string *error);
// Quotes a field only when needed.
std::string csvField(std::string_view value);

} // namespace tacit::project
