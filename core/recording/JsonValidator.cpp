#include "core/recording/JsonValidator.h"

#include <cctype>
#include <cmath>

#include "core/util/Utf8.h"

namespace tacit::recording {

using nlohmann::json;

namespace {
void lineAndColumn(const std::string &text, std::size_t offset, std::size_t &line, std::size_t &column) {
  line = 1;
  column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

// Byte offset of the first bracket that opens level maxDepth + 1 (outside strings), or npos.
std::size_t tooDeepAt(const std::string &text, int maxDepth) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth)
        return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string::npos;
}
} // namespace

Result<json> parseJsonText(const std::string &text, const std::string &file, int maxDepth) {
  using R = Result<json>;
  if (std::string bad = utf8Error(text, file); !bad.empty())
    return R::failure(bad);
  std::size_t line = 1, column = 1;
  if (const std::size_t deep = tooDeepAt(text, maxDepth); deep != std::string::npos) {
    lineAndColumn(text, deep, line, column);
    return R::failure(file + ": invalid JSON: line " + std::to_string(line) + ", column " + std::to_string(column) +
                      ": nested deeper than " + std::to_string(maxDepth) + " levels");
  }
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!root.is_discarded())
    return R(std::move(root));
  // Parse again with exceptions for nlohmann's position and description of the problem; the text is
  // known to be UTF-8 and shallow, so only json::parse_error can come out of it.
  try {
    const json again = json::parse(text);
    (void)again;
  } catch (const json::parse_error &e) {
    lineAndColumn(text, e.byte > 0 ? e.byte - 1 : 0, line, column);
    std::string what = e.what();
    const auto colon = what.find(": ", what.find("parse error"));
    const std::string problem = colon == std::string::npos ? what : what.substr(colon + 2);
    return R::failure(file + ": invalid JSON: line " + std::to_string(line) + ", column " + std::to_string(column) +
                      ": " + problem);
  }
  return R::failure(file + ": invalid JSON");
}

bool jsonDeeperThan(const json &value, int maxDepth) {
  // Iterative, so a deep value built in memory cannot overflow the stack either.
  std::vector<std::pair<const json *, int>> todo{{&value, 1}};
  while (!todo.empty()) {
    auto [v, depth] = todo.back();
    todo.pop_back();
    if (!v->is_structured())
      continue;
    if (depth > maxDepth)
      return true;
    for (const auto &child : *v)
      todo.push_back({&child, depth + 1});
  }
  return false;
}

json JsonValidator::parse(const std::string &text) const {
  auto parsed = parseJsonText(text, m_file);
  if (!parsed)
    throw JsonError(parsed.error());
  return parsed.takeValue();
}

void JsonValidator::fail(const std::string &path, const std::string &problem) const {
  throw JsonError(m_file + ": " + path + ": " + problem);
}

std::string JsonValidator::child(const std::string &path, const std::string &key) {
  bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0]));
  for (char c : key)
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  return plain ? path + "." + key : path + "[" + json(key).dump(-1, ' ', false, json::error_handler_t::replace) + "]";
}

std::string JsonValidator::item(const std::string &path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string JsonValidator::describe(const json &v) {
  switch (v.type()) {
  case json::value_t::null: return "null";
  case json::value_t::boolean: return std::string("boolean ") + (v.get<bool>() ? "true" : "false");
  case json::value_t::string: {
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 60)
      s = s.substr(0, 56) + "...\"";
    return "string " + s;
  }
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
  case json::value_t::number_float: return "number " + v.dump();
  case json::value_t::array: return "array";
  case json::value_t::object: return "object";
  default: return "invalid value";
  }
}

const json &JsonValidator::object(const json &v, const std::string &path) const {
  if (!v.is_object())
    fail(path, "expected an object, got " + describe(v));
  return v;
}

const json &JsonValidator::array(const json &v, const std::string &path) const {
  if (!v.is_array())
    fail(path, "expected an array, got " + describe(v));
  return v;
}

std::string JsonValidator::string(const json &v, const std::string &path, bool allowEmpty) const {
  if (!v.is_string())
    fail(path, "expected a string, got " + describe(v));
  std::string s = v.get<std::string>();
  if (!allowEmpty && s.empty())
    fail(path, "expected a non-empty string");
  return s;
}

std::int64_t JsonValidator::integer(const json &v, const std::string &path) const {
  // nlohmann stores non-negative integers as unsigned.
  if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    fail(path, "integer out of range: " + v.dump());
  if (v.is_number_integer())
    return v.get<std::int64_t>();
  fail(path, "expected an integer, got " + describe(v));
}

bool JsonValidator::boolean(const json &v, const std::string &path) const {
  if (!v.is_boolean())
    fail(path, "expected true or false, got " + describe(v));
  return v.get<bool>();
}

double JsonValidator::number(const json &v, const std::string &path) const {
  if (!v.is_number())
    fail(path, "expected a number, got " + describe(v));
  const double d = v.get<double>();
  if (!std::isfinite(d))
    fail(path, "expected a finite number");
  return d;
}

std::vector<double> JsonValidator::numbers(const json &v, const std::string &path, int count) const {
  array(v, path);
  if (count >= 0 && v.size() != static_cast<std::size_t>(count))
    fail(path, "expected " + std::to_string(count) + " numbers, got " + std::to_string(v.size()));
  std::vector<double> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    out.push_back(number(v[i], item(path, i)));
  return out;
}

const json &JsonValidator::required(const json &obj, const std::string &path, const std::string &key) const {
  auto it = obj.find(key);
  if (it == obj.end())
    fail(path, "missing required key \"" + key + "\"");
  return *it;
}

const json *JsonValidator::optional(const json &obj, const std::string &key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

} // namespace tacit::recording
