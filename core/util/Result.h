#pragma once
// Result<T>: the one way core functions report success, warnings and failure (DESIGN §3.5, §3.8).
// An error message always names the file and the problem, ready to show to a user as one line.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tacit {

struct Error {
  std::string message;
};

template <typename T> class Result {
public:
  Result(T value) : m_value(std::move(value)) {}
  Result(Error error) : m_error(std::move(error.message)) {}

  static Result failure(std::string message) { return Result(Error{std::move(message)}); }

  bool ok() const { return m_value.has_value(); }
  explicit operator bool() const { return ok(); }

  T &value() { return *m_value; }
  const T &value() const { return *m_value; }
  T &operator*() { return *m_value; }
  const T &operator*() const { return *m_value; }
  T *operator->() { return &*m_value; }
  const T *operator->() const { return &*m_value; }
  T takeValue() { return std::move(*m_value); }

  const std::string &error() const { return m_error; }
  std::vector<std::string> &warnings() { return m_warnings; }
  const std::vector<std::string> &warnings() const { return m_warnings; }
  void addWarning(std::string w) { m_warnings.push_back(std::move(w)); }

private:
  std::optional<T> m_value;
  std::string m_error;
  std::vector<std::string> m_warnings;
};

// For operations with no value.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Status(Unit{}); }

} // namespace tacit
