#pragma once
// Small helpers shared by the sample tests: CSV parsing and decoding video with the ffmpeg CLI.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sampletest {

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<double>> rows; // non-numeric cells become NaN
  int column(const std::string &name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name)
        return static_cast<int>(i);
    return -1;
  }
};

inline std::vector<std::string> split(const std::string &line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ','))
    out.push_back(cell);
  if (!line.empty() && line.back() == ',')
    out.emplace_back();
  return out;
}

inline Csv parseCsv(const std::string &text) {
  Csv csv;
  std::stringstream ss(text);
  std::string line;
  bool first = true;
  while (std::getline(ss, line)) {
    if (first) {
      csv.header = split(line);
      first = false;
      continue;
    }
    std::vector<double> row;
    for (const auto &cell : split(line)) {
      char *end = nullptr;
      const double v = std::strtod(cell.c_str(), &end);
      row.push_back(end && *end == '\0' && !cell.empty() ? v : std::numeric_limits<double>::quiet_NaN());
    }
    csv.rows.push_back(std::move(row));
  }
  return csv;
}

inline std::string readText(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// All frames of a video as raw pixels (pix_fmt rgb24 or gray16le), in decode (= presentation) order.
inline QByteArray decodeRaw(const QString &path, const QString &pixFmt) {
  QProcess p;
  p.start("ffmpeg",
          {"-v", "error", "-nostdin", "-i", path, "-vsync", "passthrough", "-f", "rawvideo", "-pix_fmt", pixFmt, "-"});
  if (!p.waitForFinished(60000) || p.exitCode() != 0)
    return {};
  return p.readAllStandardOutput();
}

} // namespace sampletest
