#include "core/recording/RecordingWriter.h"

#include <nlohmann/json.hpp>

#include "core/recording/CalibrationJson.h"
#include "core/recording/RecordingReader.h"
#include "core/util/AtomicFile.h"

namespace tacit {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {
fs::path effectiveCalibrationPath(const RecordingManifest &m) {
  if (!m.calibrationPath.empty())
    return m.calibrationPath;
  return m.calibration.cameras.empty() ? fs::path() : fs::path(kCalibrationFileName);
}
} // namespace

std::string RecordingWriter::recordingJson(const RecordingManifest &m) {
  ordered_json root;
  root["format"] = kRecordingFormatTag;
  root["version"] = kRecordingFormatVersion;
  root["id"] = m.id;
  if (!m.workerId.empty() || !m.workerName.empty())
    root["worker"] = {{"id", m.workerId}, {"name", m.workerName}};
  const std::pair<const char *, const std::string *> optional[] = {
      {"task", &m.task}, {"site", &m.site}, {"started_at", &m.startedAt}, {"device", &m.device}};
  for (const auto &[key, value] : optional)
    if (!value->empty())
      root[key] = *value;
  ordered_json streams = ordered_json::array();
  for (const auto &s : m.streams) {
    ordered_json j;
    j["id"] = s.id;
    j["kind"] = streamKindName(s.kind);
    j["path"] = s.path.generic_string();
    j["time_offset_ns"] = s.timeOffsetNs;
    if (!s.camera.empty())
      j["camera"] = s.camera;
    if (s.rotationDeg != 0)
      j["rotation_deg"] = s.rotationDeg;
    streams.push_back(std::move(j));
  }
  root["streams"] = std::move(streams);
  if (const fs::path cal = effectiveCalibrationPath(m); !cal.empty())
    root["calibration"] = cal.generic_string();
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string RecordingWriter::calibrationJson(const Calibration &calibration) {
  return recording::calibrationToJson(calibration).dump(2) + "\n";
}

Status RecordingWriter::write(const RecordingManifest &manifest, const fs::path &folder) {
  const std::string recordingText = recordingJson(manifest);
  const std::string recordingLabel = (folder / kRecordingFileName).generic_string();
  if (auto check = RecordingReader::parseManifest(recordingText, recordingLabel); !check)
    return Status::failure(check.error());
  for (const auto &[name, camera] : manifest.calibration.cameras)
    if (!camera.model)
      return Status::failure((folder / effectiveCalibrationPath(manifest)).generic_string() + ": camera \"" + name +
                             "\" has no model");

  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec)
    return Status::failure(folder.generic_string() + ": cannot create folder: " + ec.message());

  // Calibration first: once recording.json exists, everything it references is complete.
  if (const fs::path cal = effectiveCalibrationPath(manifest); !cal.empty()) {
    const std::string calibrationText = calibrationJson(manifest.calibration);
    const std::string calLabel = (folder / cal).generic_string();
    if (auto check = RecordingReader::parseCalibration(calibrationText, calLabel); !check)
      return Status::failure(check.error());
    if (cal.has_parent_path()) {
      fs::create_directories(folder / cal.parent_path(), ec);
      if (ec)
        return Status::failure(calLabel + ": cannot create folder: " + ec.message());
    }
    if (auto s = writeFileAtomically(folder / cal, calibrationText); !s)
      return s;
  }
  return writeFileAtomically(folder / kRecordingFileName, recordingText);
}

} // namespace tacit
