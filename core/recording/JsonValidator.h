#pragma once
// Typed access to a parsed JSON document that turns every problem into one line naming the file,
// the JSON path and what was expected: `recording.json: $.streams[2].kind: expected one of ...`.
// The one way Tacit reads a JSON file (recording.json, calibration.json, labels, taxonomy, Aria
// calibration): parseJsonText() never throws, refuses invalid UTF-8 and nesting deeper than
// kMaxJsonDepth (a deep document would otherwise overflow the stack of every recursive walk and
// dump) and names the line. Inside a parser, JsonValidator throws JsonError and the module boundary
// turns it into a Result (RecordingReader, LabelsInterchange), so the parsing code reads straight through.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit::recording {

constexpr int kMaxJsonDepth = 64;

// Parses text: invalid UTF-8, nesting past maxDepth and syntax errors become
// "<file>: line L[, column C]: <problem>". Never throws.
Result<nlohmann::json> parseJsonText(const std::string &text, const std::string &file, int maxDepth = kMaxJsonDepth);
// Same checks, on a document parsed elsewhere (arrays and objects deeper than maxDepth).
bool jsonDeeperThan(const nlohmann::json &value, int maxDepth);

struct JsonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class JsonValidator {
public:
  explicit JsonValidator(std::string fileLabel) : m_file(std::move(fileLabel)) {}

  // parseJsonText() that throws JsonError.
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
  bool boolean(const nlohmann::json &v, const std::string &path) const;
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
