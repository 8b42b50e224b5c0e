#pragma once
// Shared by the libFuzzer harnesses (fuzz/README.md): silence the logs, write the input to a
// scratch file for entry points that take a path, and check the error contract of a failed parse.
#include <QtGlobal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <spdlog/sinks/sink.h>
#include <string>
#include <unistd.h>

#include "core/util/Logging.h"
#include "core/util/Result.h"

namespace tacit::fuzz {

// Warnings about bad input are expected on every run: keep stderr for sanitizer and libFuzzer output.
inline void quietLogs() {
  logging::Options o;
  o.fileSink = false;
  logging::init(o);
  for (auto &sink : logging::get("tacit.fuzz")->sinks()) // the sinks every logger shares
    sink->set_level(spdlog::level::off);
  qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

// A per-process scratch folder (several harnesses and libFuzzer workers run at once).
// Never destroyed: the atexit cleanup runs after static destructors registered later, so a static
// path object would already be gone when it is read there.
inline std::filesystem::path scratchDir() {
  static const std::filesystem::path *dir = [] {
    std::filesystem::path base =
        std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    auto *d = new std::filesystem::path(base / ("tacit-fuzz-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(scratchDir(), ec);
    });
    return d;
  }();
  return *dir;
}

inline std::filesystem::path writeScratch(const std::string &name, const std::uint8_t *data, std::size_t size) {
  auto path = scratchDir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  return path;
}

// Reads choices from the input for structure-aware harnesses. Past the end every read gives 0, and
// harnesses make 0 the undamaged choice, so the empty input is a valid file.
class ByteReader {
public:
  ByteReader(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}
  std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
  bool flag() { return byte() & 1; }
  // 0 .. max inclusive.
  std::uint64_t upTo(std::uint64_t max) {
    std::uint64_t v = 0;
    for (std::uint64_t range = max; range > 0; range >>= 8)
      v = (v << 8) | byte();
    return max == std::uint64_t(-1) ? v : v % (max + 1);
  }
  std::int64_t int64() { return static_cast<std::int64_t>(upTo(std::uint64_t(-1))); }
  std::string text(std::size_t maxLength) {
    const std::size_t n = upTo(maxLength);
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
      s.push_back(static_cast<char>(byte()));
    return s;
  }

private:
  const std::uint8_t *m_data;
  std::size_t m_size, m_pos = 0;
};

// The project rule for bad input: a failure carries a message that names the file. A harness
// aborts (a finding) when a parser fails without saying where.
template <typename T> void checkFailure(const Result<T> &r, const std::string &fileLabel) {
  if (r.ok())
    return;
  if (r.error().empty() || r.error().find(fileLabel) == std::string::npos) {
    std::fprintf(stderr, "failure message does not name %s: \"%s\"\n", fileLabel.c_str(), r.error().c_str());
    std::abort();
  }
}

} // namespace tacit::fuzz
