#pragma once
// Typed access to a parsed JSON document that turns every problem into one line naming the file,
// the JSON path and what was expected: `recording.json: $.streams[2].kind: expected one of ...`.
// Internal to the recording module: errors are thrown as JsonError and turned into a Result at the
// module boundary (RecordingReader), so the parsing code reads straight through.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace tacit::recording {

struct JsonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class JsonValidator {
public:
  explicit JsonValidator(std::string fileLabel) : m_file(std::move(fileLabel)) {}

  // Parses text; a syntax error becomes "<file>: invalid JSON: line L, column C: <problem>".
  nlohmann::json parse(const std::string &text) const;

  [[noreturn]] void fail(const std::string &path, const std::string &problem) const;

  // "$.a" + "b" -> "$.a.b"; keys that are not plain identifiers use ["..."].
  static std::string child(const std::string &path, const std::string &key);
  static std::string item(const std::string &path, std::size_t index);
  // "string \"abc\"", "number 3", "array", ... for messages.
  static std::string describe(const nlohmann::json &value);

  const nlohmann::json &object(const nlohmann::json &v, const std::string &path) const;
  const nlohmann::json &array(const nlohmann::json &v, const std::string &path) const;
  std::string string(const nlohmann::json &v, const std::string &path, bool allowEmpty = false) const;
  std::int64_t integer(const nlohmann::json &v, const std::string &path) const;
  double number(const nlohmann::json &v, const std::string &path) const;
  // Array of exactly `count` numbers (any count when count < 0).
  std::vector<double> numbers(const nlohmann::json &v, const std::string &path, int count = -1) const;

  // Member access on an object at `path`: required() fails when the key is missing,
  // optional() returns nullptr when it is missing or null.
  const nlohmann::json &required(const nlohmann::json &obj, const std::string &path, const std::string &key) const;
  static const nlohmann::json *optional(const nlohmann::json &obj, const std::string &key);

  const std::string &file() const { return m_file; }

private:
  std::string m_file;
};

} // namespace tacit::recording
