#include "core/recording/RecordingReader.h"

#include <map>

#include "core/recording/CalibrationJson.h"
#include "core/recording/JsonValidator.h"
#include "core/recording/StreamPath.h"
#include "core/util/AtomicFile.h"
#include "core/util/Logging.h"

namespace tacit {

namespace fs = std::filesystem;
using nlohmann::json;
using recording::JsonError;
using recording::JsonValidator;

namespace {

std::string jsonQuoted(const std::string &s) {
  return json(s).dump();
}

std::string kindList() {
  std::string out;
  for (auto kind : {StreamKind::Video, StreamKind::Depth, StreamKind::Imu, StreamKind::HandPose, StreamKind::Trajectory,
                    StreamKind::Gaze, StreamKind::Audio}) {
    if (!out.empty())
      out += ", ";
    out += streamKindName(kind);
  }
  return out;
}

std::string optionalString(const json &obj, const std::string &path, const char *key, const JsonValidator &check) {
  const json *v = JsonValidator::optional(obj, key);
  return v ? check.string(*v, JsonValidator::child(path, key), true) : std::string();
}

StreamDescriptor parseStream(const json &value, const std::string &path, const JsonValidator &check) {
  check.object(value, path);
  StreamDescriptor s;
  s.id = check.string(check.required(value, path, "id"), JsonValidator::child(path, "id"));

  const std::string kindPath = JsonValidator::child(path, "kind");
  const std::string kindName = check.string(check.required(value, path, "kind"), kindPath, true);
  const auto kind = streamKindFromName(kindName);
  if (!kind)
    check.fail(kindPath, "expected one of " + kindList() + ", got " + jsonQuoted(kindName));
  s.kind = *kind;

  const std::string pathPath = JsonValidator::child(path, "path");
  const std::string rel = check.string(check.required(value, path, "path"), pathPath, true);
  if (auto problem = recording::relativePathProblem(rel); !problem.empty())
    check.fail(pathPath, problem);
  s.path = fs::path(rel).lexically_normal();

  if (const json *offset = JsonValidator::optional(value, "time_offset_ns"))
    s.timeOffsetNs = check.integer(*offset, JsonValidator::child(path, "time_offset_ns"));
  s.camera = optionalString(value, path, "camera", check);
  if (const json *rotation = JsonValidator::optional(value, "rotation_deg")) {
    const std::string rotationPath = JsonValidator::child(path, "rotation_deg");
    const auto deg = check.integer(*rotation, rotationPath);
    if (deg != 0 && deg != 90 && deg != 180 && deg != 270)
      check.fail(rotationPath, "expected 0, 90, 180 or 270, got " + std::to_string(deg));
    s.rotationDeg = static_cast<int>(deg);
  }
  return s;
}

RecordingManifest parseManifestJson(const std::string &text, const JsonValidator &check) {
  const json root = check.parse(text);
  check.object(root, "$");
  RecordingManifest m;

  const std::string format = check.string(check.required(root, "$", "format"), "$.format", true);
  if (format != kRecordingFormatTag)
    check.fail("$.format", std::string("expected \"") + kRecordingFormatTag + "\", got " + jsonQuoted(format));
  m.version = static_cast<int>(check.integer(check.required(root, "$", "version"), "$.version"));
  if (m.version != kRecordingFormatVersion)
    check.fail("$.version", "unsupported version " + std::to_string(m.version) + "; this build reads version " +
                                std::to_string(kRecordingFormatVersion));
  m.id = check.string(check.required(root, "$", "id"), "$.id");

  if (const json *worker = JsonValidator::optional(root, "worker")) {
    check.object(*worker, "$.worker");
    m.workerId = optionalString(*worker, "$.worker", "id", check);
    m.workerName = optionalString(*worker, "$.worker", "name", check);
  }
  m.task = optionalString(root, "$", "task", check);
  m.site = optionalString(root, "$", "site", check);
  m.startedAt = optionalString(root, "$", "started_at", check);
  m.device = optionalString(root, "$", "device", check);

  const json &streams = check.array(check.required(root, "$", "streams"), "$.streams");
  if (streams.empty())
    check.fail("$.streams", "expected at least one stream");
  std::map<std::string, std::size_t> firstIndex;
  for (std::size_t i = 0; i < streams.size(); ++i) {
    const std::string path = JsonValidator::item("$.streams", i);
    StreamDescriptor s = parseStream(streams[i], path, check);
    if (auto [it, inserted] = firstIndex.emplace(s.id, i); !inserted)
      check.fail(JsonValidator::child(path, "id"), "duplicate stream id " + jsonQuoted(s.id) +
                                                       " (first used at $.streams[" + std::to_string(it->second) +
                                                       "])");
    m.streams.push_back(std::move(s));
  }

  if (const json *calibration = JsonValidator::optional(root, "calibration")) {
    const std::string rel = check.string(*calibration, "$.calibration", true);
    if (auto problem = recording::relativePathProblem(rel); !problem.empty())
      check.fail("$.calibration", problem);
    m.calibrationPath = fs::path(rel).lexically_normal();
  }
  return m;
}

} // namespace

Result<RecordingManifest> RecordingReader::parseManifest(const std::string &text, const std::string &fileLabel) {
  try {
    return parseManifestJson(text, JsonValidator(fileLabel));
  } catch (const JsonError &e) {
    return Result<RecordingManifest>::failure(e.what());
  }
}

Result<Calibration> RecordingReader::parseCalibration(const std::string &text, const std::string &fileLabel) {
  try {
    JsonValidator check(fileLabel);
    return recording::calibrationFromJson(check.parse(text), check);
  } catch (const JsonError &e) {
    return Result<Calibration>::failure(e.what());
  }
}

Result<RecordingManifest> RecordingReader::read(const fs::path &path) {
  std::error_code ec;
  const bool isFile = fs::is_regular_file(path, ec);
  const fs::path folderArg = isFile ? path.parent_path() : path;
  const fs::path manifestPath = isFile ? path : path / kRecordingFileName;
  const std::string label = manifestPath.generic_string();

  auto text = readSmallFile(manifestPath, 16u << 20);
  if (!text)
    return Result<RecordingManifest>::failure(text.error());
  auto parsed = parseManifest(*text, label);
  if (!parsed)
    return parsed;
  RecordingManifest m = parsed.takeValue();
  Result<RecordingManifest> result(RecordingManifest{});

  m.folder = fs::canonical(fs::absolute(folderArg.empty() ? fs::path(".") : folderArg), ec);
  if (ec)
    return Result<RecordingManifest>::failure(label + ": cannot resolve the recording folder: " + ec.message());

  // Files: escaping symlinks are errors, missing files are warnings (the stream is dropped).
  std::vector<StreamDescriptor> present;
  for (std::size_t i = 0; i < m.streams.size(); ++i) {
    const auto &s = m.streams[i];
    const std::string where = label + ": $.streams[" + std::to_string(i) + "].path: ";
    const fs::path file = m.folder / s.path;
    if (!fs::exists(fs::symlink_status(file, ec)) || !fs::exists(file, ec)) {
      result.addWarning(where + "file not found: " + jsonQuoted(s.path.generic_string()) + "; stream " + jsonQuoted(s.id) +
                        " skipped");
      continue;
    }
    if (auto problem = recording::symlinkEscapeProblem(m.folder, s.path.string()); !problem.empty())
      return Result<RecordingManifest>::failure(where + problem);
    if (fs::is_directory(file, ec))
      return Result<RecordingManifest>::failure(where + jsonQuoted(s.path.generic_string()) +
                                                " is a folder, expected a file");
    present.push_back(s);
  }
  m.streams = std::move(present);

  if (!m.calibrationPath.empty()) {
    const fs::path file = m.folder / m.calibrationPath;
    const std::string calLabel = (folderArg / m.calibrationPath).generic_string();
    if (!fs::exists(file, ec)) {
      result.addWarning(label + ": $.calibration: file not found: " + jsonQuoted(m.calibrationPath.generic_string()) +
                        "; recording has no calibration");
    } else {
      if (auto problem = recording::symlinkEscapeProblem(m.folder, m.calibrationPath.string()); !problem.empty())
        return Result<RecordingManifest>::failure(label + ": $.calibration: " + problem);
      auto calText = readSmallFile(file, 16u << 20);
      if (!calText)
        return Result<RecordingManifest>::failure(calText.error());
      auto calibration = parseCalibration(*calText, calLabel);
      if (!calibration)
        return Result<RecordingManifest>::failure(calibration.error());
      m.calibration = calibration.takeValue();
    }
  }

  for (std::size_t i = 0; i < m.streams.size(); ++i) {
    const auto &s = m.streams[i];
    if (!s.camera.empty() && !m.calibration.camera(s.camera))
      result.addWarning(label + ": stream " + jsonQuoted(s.id) + ": camera " + jsonQuoted(s.camera) +
                        " is not in the calibration; overlays that need it are unavailable");
  }

  auto log = logging::get("tacit.recording");
  for (const auto &w : result.warnings())
    log->info("{}", w);
  *result = std::move(m);
  return result;
}

} // namespace tacit
