#include "core/project/RecordingFolder.h"

#include <QCryptographicHash>

#include "core/recording/RecordingReader.h"
#include "core/util/AtomicFile.h"

namespace tacit::project {

namespace fs = std::filesystem;

std::string sha256Hex(std::string_view bytes) {
  const auto h = QCryptographicHash::hash(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                          QCryptographicHash::Sha256);
  return h.toHex().toStdString();
}

Result<RecordingFolderInfo> readRecordingFolder(const fs::path &folder) {
  const auto jsonPath = folder / kRecordingFileName;
  auto bytes = readSmallFile(jsonPath, 16u << 20);
  if (!bytes)
    return Result<RecordingFolderInfo>::failure(bytes.error());
  // The recording module owns the format; parseManifest validates it without touching media.
  auto manifest = RecordingReader::parseManifest(*bytes, jsonPath.string());
  if (!manifest)
    return Result<RecordingFolderInfo>::failure(manifest.error());
  RecordingFolderInfo info;
  auto &r = info.record;
  r.uuid = manifest->id;
  r.manifestHash = sha256Hex(*bytes);
  r.workerId = manifest->workerId;
  r.workerName = manifest->workerName;
  r.task = manifest->task;
  r.site = manifest->site;
  r.startedAt = manifest->startedAt;
  r.device = manifest->device;
  for (const auto &stream : manifest->streams) {
    std::error_code ec;
    const auto size = fs::file_size(folder / stream.path, ec);
    if (ec) {
      info.warnings.push_back(jsonPath.string() + ": stream \"" + stream.id + "\": " + stream.path.generic_string() +
                              " not found");
      r.streamSizes[stream.id] = -1;
    } else {
      r.streamSizes[stream.id] = static_cast<std::int64_t>(size);
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

std::string relativeFolderPath(const std::filesystem::path &folder, const std::filesystem::path &base) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto abs = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  auto rel = fs::relative(abs, fs::weakly_canonical(fs::absolute(base, ec), ec), ec);
  if (ec || rel.empty())
    return abs.generic_string();
  return rel.generic_string();
}

} // namespace tacit::project
