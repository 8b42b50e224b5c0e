#include "core/import/CsvRemapper.h"

#include <cmath>
#include <fstream>

namespace tacit::import {

namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.pop_back();
  std::size_t b = s.find_first_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b);
}

std::vector<std::string> split(const std::string &line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = line.find(',', start);
    out.push_back(trim(line.substr(start, p == std::string::npos ? std::string::npos : p - start)));
    if (p == std::string::npos)
      return out;
    start = p + 1;
  }
}

int findColumn(const std::vector<std::string> &header, const std::string &ours, const CsvRemap &remap) {
  auto it = remap.columns.find(ours);
  const std::string &theirs = it == remap.columns.end() ? ours : it->second;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == theirs)
      return int(i);
  return -1;
}

} // namespace

Result<std::vector<std::string>> csvHeader(const std::filesystem::path &path) {
  std::ifstream in(path);
  if (!in)
    return Result<std::vector<std::string>>::failure(path.filename().string() + ": cannot open");
  std::string line;
  if (!std::getline(in, line))
    return Result<std::vector<std::string>>::failure(path.filename().string() + ": empty file");
  if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
    line.erase(0, 3);
  return split(line);
}

std::vector<std::string> unmappedColumns(const std::vector<std::string> &header, const std::vector<std::string> &ours,
                                         const CsvRemap &remap) {
  std::vector<std::string> missing;
  for (const auto &c : ours)
    if (findColumn(header, c, remap) < 0)
      missing.push_back(c);
  return missing;
}

Result<std::string> remapCsv(const std::filesystem::path &path, const std::vector<std::string> &ours,
                             const CsvRemap &remap) {
  using R = Result<std::string>;
  const std::string name = path.filename().string();
  auto header = csvHeader(path);
  if (!header)
    return R::failure(header.error());
  if (auto missing = unmappedColumns(*header, ours, remap); !missing.empty()) {
    std::string miss, expected;
    for (const auto &m : missing)
      miss += (miss.empty() ? "" : ", ") + m;
    for (const auto &c : ours)
      expected += (expected.empty() ? "" : ",") + c;
    if (expected.size() > 300)
      expected = expected.substr(0, 297) + "...";
    return R::failure(name + ": missing columns " + miss + " (expected " + expected +
                      "; map differently named columns with --map-column ours=theirs)");
  }
  std::vector<int> index;
  for (const auto &c : ours)
    index.push_back(findColumn(*header, c, remap));
  std::string out;
  for (std::size_t i = 0; i < ours.size(); ++i)
    out += (i ? "," : "") + ours[i];
  out += '\n';
  std::ifstream in(path);
  std::string line;
  std::getline(in, line); // header
  int lineNo = 1;
  while (std::getline(in, line)) {
    ++lineNo;
    if (trim(line).empty())
      continue;
    auto cells = split(line);
    for (std::size_t i = 0; i < index.size(); ++i) {
      if (i)
        out += ',';
      if (std::size_t(index[i]) >= cells.size())
        continue; // short row: left empty, the series reader reports it
      std::string cell = cells[std::size_t(index[i])];
      if (ours[i] == remap.timeColumn && remap.timeScale != 1 && !cell.empty()) {
        char *end = nullptr;
        double v = std::strtod(cell.c_str(), &end);
        if (end && *end == '\0')
          cell = std::to_string(std::llround(v * remap.timeScale));
      }
      out += cell;
    }
    out += '\n';
  }
  return out;
}

} // namespace tacit::import
