// tacit-cli vrs info FILE.vrs [--json]: streams, record counts and tags of a VRS file (read-only).
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/import/AriaStreamIds.h"
#include "core/import/VrsReader.h"

namespace {

using namespace tacit;

bool isAria(const vrs::Reader &reader, const vrs::StreamInfo &s) {
  return reader.fileTag("device_type").find("Aria") != std::string::npos || s.flavor().rfind("device/aria", 0) == 0;
}

nlohmann::json streamJson(const vrs::Reader &reader, const vrs::StreamInfo &s) {
  nlohmann::json j;
  j["id"] = s.id.str();
  j["type_id"] = s.id.typeId;
  j["instance_id"] = s.id.instanceId;
  j["name"] = s.name();
  j["flavor"] = s.flavor();
  // Aria stream ids only mean something in Aria files (other VRS files reuse e.g. 214).
  const bool aria = isAria(reader, s);
  j["aria_label"] = aria ? aria::streamLabel(s.id) : std::string();
  j["kind"] = aria ? aria::streamKind(s.id) : std::string("unknown");
  j["records"] = {{"configuration", s.configurationCount}, {"state", s.stateCount}, {"data", s.dataCount}};
  nlohmann::json formats = nlohmann::json::object();
  for (const auto &[k, v] : s.vrsTags)
    if (k.rfind("RF:", 0) == 0)
      formats[k.substr(3)] = v;
  j["record_formats"] = formats;
  j["user_tags"] = s.userTags;
  double first = 0, last = 0;
  bool any = false;
  for (const auto &r : reader.records())
    if (r.stream == s.id && r.type == vrs::RecordType::Data) {
      if (!any)
        first = r.timestamp;
      last = r.timestamp;
      any = true;
    }
  j["first_data_time_s"] = any ? nlohmann::json(first) : nlohmann::json();
  j["last_data_time_s"] = any ? nlohmann::json(last) : nlohmann::json();
  return j;
}

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription("Inspect a VRS file (Project Aria recordings): tacit-cli vrs info FILE.vrs [--json]");
  p.addPositionalArgument("verb", "info");
  p.addPositionalArgument("file", "VRS file (chunks FILE_1, FILE_2 ... are picked up)");
  p.addOption({"json", "Machine-readable output on stdout"});
  if (int rc = cli::parseArguments(p, args, "vrs"); rc >= 0)
    return rc;
  const QStringList pos = p.positionalArguments();
  if (pos.size() != 2 || pos[0] != "info")
    return cli::usageError("vrs", "expected: vrs info FILE.vrs [--json]");
  auto reader = vrs::Reader::open(pos[1].toStdString());
  if (!reader)
    return cli::dataError(reader.error());
  const vrs::Reader &r = *reader;
  if (p.isSet("json")) {
    nlohmann::json j;
    j["file"] = pos[1].toStdString();
    j["format_version"] = r.formatVersion();
    j["record_count"] = r.records().size();
    j["truncated"] = r.truncated();
    j["warnings"] = r.warnings();
    nlohmann::json streams = nlohmann::json::array();
    for (const auto &s : r.streams())
      streams.push_back(streamJson(r, s));
    j["streams"] = streams;
    j["file_tags"] = r.fileTags();
    cli::printLine(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return cli::kExitOk;
  }
  cli::printLine(r.fileName() + ": " + r.formatVersion() + ", " + std::to_string(r.records().size()) + " records, " +
                 std::to_string(r.streams().size()) + " streams" + (r.truncated() ? " (TRUNCATED)" : ""));
  for (const auto &s : r.streams()) {
    char line[512];
    std::string label = isAria(r, s) ? aria::streamLabel(s.id) : std::string();
    std::snprintf(line, sizeof line, "  %-8s %-28s %-18s config %u  state %u  data %u", s.id.str().c_str(),
                  s.name().empty() ? "(unnamed)" : s.name().c_str(), label.empty() ? "-" : label.c_str(),
                  s.configurationCount, s.stateCount, s.dataCount);
    cli::printLine(line);
  }
  for (const auto &[k, v] : r.fileTags())
    cli::printLine("  tag " + k + " = " + (v.size() > 60 ? v.substr(0, 57) + "..." : v));
  for (const auto &w : r.warnings())
    std::fprintf(stderr, "warning: %s\n", w.c_str());
  return cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({"vrs", "Inspect a VRS file: vrs info FILE.vrs [--json]", &run});
