#pragma once
// Fast, locale-independent CSV text building with std::to_chars (the sample writes ~10^5 rows).
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace tacit::sample {

class CsvBuffer {
public:
  void reserve(std::size_t bytes) { m_text.reserve(bytes); }
  void line(std::string_view text) {
    m_text.append(text);
    m_text.push_back('\n');
    m_first = true;
  }
  void integer(std::int64_t v) {
    sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_text.append(buf, r.ptr);
  }
  // Fixed-point with `decimals` digits; "-0.000" is written as "0.000".
  void number(double v, int decimals) {
    sep();
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
    if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string_view::npos)
      s.remove_prefix(1);
    m_text.append(s);
  }
  void text(std::string_view v) {
    sep();
    m_text.append(v);
  }
  void endRow() {
    m_text.push_back('\n');
    m_first = true;
  }
  const std::string &str() const { return m_text; }
  std::string take() { return std::move(m_text); }

private:
  void sep() {
    if (!m_first)
      m_text.push_back(',');
    m_first = false;
  }
  std::string m_text;
  bool m_first = true;
};

} // namespace tacit::sample
