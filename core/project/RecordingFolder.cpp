#include "core/project/RecordingFolder.h"

#include <QCryptographicHash>
#include <nlohmann/json.hpp>

#include "core/util/AtomicFile.h"

namespace tacit::project {

namespace fs = std::filesystem;

std::string sha256Hex(std::string_view bytes) {
  const auto h = QCryptographicHash::hash(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                          QCryptographicHash::Sha256);
  return h.toHex().toStdString();
}

namespace {
std::string str(const nlohmann::json &j, const char *key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
} // namespace

Result<RecordingFolderInfo> readRecordingFolder(const fs::path &folder) {
  const auto jsonPath = folder / "recording.json";
  auto bytes = readSmallFile(jsonPath, 16u << 20);
  if (!bytes)
    return Result<RecordingFolderInfo>::failure(bytes.error());
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(*bytes);
  } catch (const nlohmann::json::parse_error &e) {
    return Result<RecordingFolderInfo>::failure(jsonPath.string() + ": invalid JSON: " + e.what());
  }
  if (!j.is_object())
    return Result<RecordingFolderInfo>::failure(jsonPath.string() + ": expected a JSON object");
  RecordingFolderInfo info;
  auto &r = info.record;
  r.uuid = str(j, "id");
  if (r.uuid.empty())
    return Result<RecordingFolderInfo>::failure(jsonPath.string() + ": missing \"id\"");
  r.manifestHash = sha256Hex(*bytes);
  if (auto w = j.find("worker"); w != j.end() && w->is_object()) {
    r.workerId = str(*w, "id");
    r.workerName = str(*w, "name");
  }
  r.task = str(j, "task");
  r.site = str(j, "site");
  r.startedAt = str(j, "started_at");
  r.device = str(j, "device");
  if (auto d = j.find("duration_ns"); d != j.end() && d->is_number_integer())
    r.durationNs = d->get<std::int64_t>();
  if (auto s = j.find("streams"); s != j.end() && s->is_array()) {
    for (const auto &stream : *s) {
      if (!stream.is_object())
        continue;
      const auto id = str(stream, "id");
      const auto path = str(stream, "path");
      if (id.empty() || path.empty())
        continue;
      std::error_code ec;
      const auto size = fs::file_size(folder / path, ec);
      if (ec) {
        info.warnings.push_back(jsonPath.string() + ": stream \"" + id + "\": " + path + " not found");
        r.streamSizes[id] = -1;
      } else {
        r.streamSizes[id] = static_cast<std::int64_t>(size);
      }
    }
  }
  return info;
}

MediaState checkRecordingFolder(const fs::path &folder, const RecordingRecord &record) {
  std::error_code ec;
  if (!fs::exists(folder / "recording.json", ec))
    return MediaState::Missing;
  auto info = readRecordingFolder(folder);
  if (!info || info->record.manifestHash != record.manifestHash)
    return MediaState::Changed;
  for (const auto &[id, size] : record.streamSizes) {
    auto it = info->record.streamSizes.find(id);
    const std::int64_t now = it == info->record.streamSizes.end() ? -1 : it->second;
    if (now == size)
      continue;
    return now < 0 ? MediaState::Missing : MediaState::Changed;
  }
  return MediaState::Ok;
}

} // namespace tacit::project
