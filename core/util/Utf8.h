#pragma once
// UTF-8 validation for text that ends up in the project (SQLite TEXT must stay valid UTF-8) or in
// JSON output: a Latin-1 or broken file is refused at the parser with its line, never stored.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tacit {

struct Utf8Problem {
  std::size_t offset = 0; // byte offset of the first bad byte
  int line = 1;           // 1-based line of that byte
  unsigned char byte = 0;
};

// The first ill-formed sequence (overlong forms, surrogates and code points past U+10FFFF included).
std::optional<Utf8Problem> findInvalidUtf8(std::string_view text);
// "<file>: line N: invalid UTF-8 (byte 0xE9); save the file as UTF-8", or "" when the text is valid.
std::string utf8Error(std::string_view text, const std::string &file);

// The text with every ill-formed byte replaced by U+FFFD (unchanged, and cheap, when valid).
std::string toValidUtf8(std::string text);

} // namespace tacit
