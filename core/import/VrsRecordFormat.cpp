#include "core/import/VrsRecordFormat.h"

#include <charconv>

namespace tacit::vrs {

static std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos)
      return out;
    start = p + 1;
  }
}

Result<RecordFormat> RecordFormat::parse(const std::string &text) {
  RecordFormat rf;
  if (text.empty())
    return rf; // an empty format = record without content
  for (const std::string &blockText : split(text, '+')) {
    auto parts = split(blockText, '/');
    ContentBlock b;
    const std::string &type = parts[0];
    if (type == "data_layout")
      b.kind = BlockKind::DataLayout;
    else if (type == "image")
      b.kind = BlockKind::Image;
    else if (type == "audio")
      b.kind = BlockKind::Audio;
    else if (type == "custom")
      b.kind = BlockKind::Custom;
    else if (type == "empty")
      b.kind = BlockKind::Empty;
    else
      return Result<RecordFormat>::failure("unknown record format block '" + blockText + "' in '" + text + "'");
    std::size_t first = 1;
    if ((b.kind == BlockKind::Image || b.kind == BlockKind::Audio) && parts.size() > 1 &&
        parts[1].find('=') == std::string::npos) {
      b.format = parts[1];
      first = 2;
    }
    for (std::size_t i = first; i < parts.size(); ++i) {
      const std::string &tok = parts[i];
      auto eq = tok.find('=');
      if (eq == std::string::npos) {
        b.tokens.push_back(tok);
        continue;
      }
      std::string key = tok.substr(0, eq), value = tok.substr(eq + 1);
      if (key == "size") {
        std::size_t n = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || ptr != value.data() + value.size())
          return Result<RecordFormat>::failure("bad block size '" + tok + "' in record format '" + text + "'");
        b.size = n;
      } else {
        b.params[key] = value;
      }
    }
    rf.blocks.push_back(std::move(b));
  }
  return rf;
}

} // namespace tacit::vrs
