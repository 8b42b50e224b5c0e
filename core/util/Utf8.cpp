#include "core/util/Utf8.h"

#include <cstdio>

namespace tacit {

std::optional<Utf8Problem> findInvalidUtf8(std::string_view text) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  int line = 1;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      line += c == '\n';
      ++i;
      continue;
    }
    // Unicode 15, table 3-7 (well-formed byte sequences).
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    }
    bool good = len != 0 && i + len <= n;
    for (std::size_t k = 1; good && k < len; ++k) {
      const unsigned char b = s[i + k];
      good = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    }
    if (!good)
      return Utf8Problem{i, line, c};
    i += len;
  }
  return std::nullopt;
}

std::string toValidUtf8(std::string text) {
  auto bad = findInvalidUtf8(text);
  if (!bad)
    return text;
  std::string out = text.substr(0, bad->offset);
  std::string_view rest(text);
  rest.remove_prefix(bad->offset);
  while (bad) {
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(1); // one replacement per bad byte
    bad = findInvalidUtf8(rest);
    if (bad) {
      out.append(rest.substr(0, bad->offset));
      rest.remove_prefix(bad->offset);
    }
  }
  out.append(rest);
  return out;
}

std::string utf8Error(std::string_view text, const std::string &file) {
  const auto bad = findInvalidUtf8(text);
  if (!bad)
    return {};
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", bad->byte);
  return file + ": line " + std::to_string(bad->line) + ": invalid UTF-8 (byte " + hex + "); save the file as UTF-8";
}

} // namespace tacit
