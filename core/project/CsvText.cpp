#include "core/project/CsvText.h"

namespace tacit::project {

std::vector<CsvRecord> parseCsv(std::string_view text, std::string *error) {
  std::vector<CsvRecord> out;
  CsvRecord rec;
  std::string field;
  int line = 1;
  rec.line = 1;
  bool inQuotes = false, fieldStarted = false;
  int quoteLine = 0;
  auto endRecord = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank)
      out.push_back(std::move(rec));
    rec = CsvRecord{};
    rec.line = line;
    fieldStarted = false;
  };
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 BOM from spreadsheets
    text.remove_prefix(3);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inQuotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          inQuotes = false;
        }
      } else {
        if (c == '\n')
          ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
    case '"':
      if (!fieldStarted || field.empty()) {
        inQuotes = true;
        quoteLine = line;
      } else {
        field += c;
      }
      fieldStarted = true;
      break;
    case ',':
      rec.fields.push_back(std::move(field));
      field.clear();
      fieldStarted = false;
      break;
    case '\r': break;
    case '\n':
      ++line;
      endRecord();
      break;
    default: field += c; fieldStarted = true;
    }
  }
  if (inQuotes && error)
    *error = "line " + std::to_string(quoteLine) + ": unterminated quoted field";
  if (fieldStarted || !field.empty() || !rec.fields.empty())
    endRecord();
  return out;
}

std::string csvField(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos)
    return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
  return out;
}

} // namespace tacit::project
