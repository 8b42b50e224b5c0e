#include "core/import/VideoImporter.h"

#include <QString>
#include <QStringList>
#include <fstream>

#include "core/import/CsvRemapper.h"
#include "core/import/ImportStaging.h"
#include "core/import/VideoRetimer.h"
#include "core/media/VideoSource.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"

namespace tacit::import {

namespace fs = std::filesystem;
using R = Result<ImportSummary>;

Result<std::shared_ptr<const geometry::CameraModel>> parseCameraSpec(const std::string &spec, int width, int height) {
  using RC = Result<std::shared_ptr<const geometry::CameraModel>>;
  const QString s = QString::fromStdString(spec);
  const int colon = s.indexOf(':');
  if (colon <= 0)
    return RC::failure("--camera: expected MODEL:p1,p2,... (e.g. pinhole:fx,fy,cx,cy), got '" + spec + "'");
  auto kind = geometry::cameraModelFromName(s.left(colon).trimmed().toLower().toStdString());
  if (!kind)
    return RC::failure("--camera: unknown model '" + s.left(colon).toStdString() + "' (pinhole, kb4, fisheye624)");
  std::vector<double> params;
  for (const QString &p : s.mid(colon + 1).split(',')) {
    bool ok = false;
    params.push_back(p.trimmed().toDouble(&ok));
    if (!ok)
      return RC::failure("--camera: '" + p.toStdString() + "' is not a number");
  }
  auto model = geometry::makeCameraModel(*kind, width, height, params);
  if (!model)
    return RC::failure("--camera: " + std::to_string(params.size()) + " parameters do not fit the " +
                       geometry::cameraModelName(*kind) + " model");
  return std::shared_ptr<const geometry::CameraModel>(std::move(model));
}

namespace {

double unitScale(const std::string &from, const std::string &to) {
  auto ns = [](const std::string &u) -> double {
    if (u == "s")
      return 1e9;
    if (u == "ms")
      return 1e6;
    if (u == "us")
      return 1e3;
    return 1;
  };
  return from.empty() ? 1 : ns(from) / ns(to);
}

// Writes a remapped sidecar and validates it with the shared series reader.
template <typename Loader>
Status importSidecar(const fs::path &src, const fs::path &dst, const std::vector<std::string> &ours, CsvRemap remap,
                     Loader load, std::vector<std::string> &warnings) {
  auto text = remapCsv(src, ours, remap);
  if (!text)
    return Status::failure(text.error());
  {
    std::ofstream out(dst, std::ios::binary);
    out << *text;
    if (!out.flush())
      return Status::failure(dst.string() + ": cannot write");
  }
  auto loaded = load(dst.string());
  if (!loaded)
    return Status::failure(src.filename().string() + ": " + loaded.error());
  for (const auto &w : loaded.warnings())
    warnings.push_back(src.filename().string() + ": " + w);
  if (loaded->size() == 0)
    return Status::failure(src.filename().string() + ": no valid rows");
  return okStatus();
}

} // namespace

Result<ImportSummary> importVideo(const VideoImportOptions &o) {
  std::vector<std::string> warnings;
  // Cancellation points between the steps; the staging folder is removed on every early return.
  auto step = [&o](double fraction, const char *stage) { return report(o.progress, fraction, stage); };
  if (!step(0.0, "video"))
    return R::failure("import cancelled");
  auto raw = hasNoContainerTimestamps(o.video);
  if (!raw)
    return R::failure(raw.error());
  media::VideoSource::Options vo;
  vo.useIndexCache = false;
  auto video = media::VideoSource::open(o.video, vo);
  if (!video)
    return R::failure(video.error());
  const int width = (*video)->width(), height = (*video)->height();
  std::shared_ptr<const geometry::CameraModel> camera;
  if (!o.camera.empty()) {
    auto c = parseCameraSpec(o.camera, width, height);
    if (!c)
      return R::failure(c.error());
    camera = c.takeValue();
  }
  for (const auto &[ours, theirs] : o.columnMap)
    if (ours.empty() || theirs.empty())
      return R::failure("--map-column: empty column name");

  auto staging = createImportStaging(o.out, std::vector<std::filesystem::path>{o.video, o.imu, o.hands});
  if (!staging)
    return R::failure(staging.error());
  ImportSummary summary;
  RecordingManifest &m = summary.manifest;
  std::string videoName;
  if (*raw && o.fpsHint > 0) {
    videoName = "rgb.mkv";
    auto n = retimeVideo(o.video, staging->path() / videoName, o.fpsHint);
    if (!n)
      return R::failure(n.error());
    summary.videoFrames = *n;
  } else {
    if (*raw)
      warnings.push_back(o.video.filename().string() +
                         ": raw stream without timestamps; FFmpeg's default frame rate was assumed (give --fps-hint)");
    else if (o.fpsHint > 0)
      warnings.push_back(o.video.filename().string() + ": has its own timestamps; --fps-hint ignored");
    videoName = "rgb" + o.video.extension().string();
    if (auto s = linkOrCopy(o.video, staging->path() / videoName); !s)
      return R::failure(s.error());
    summary.videoFrames = (*video)->frameCount();
  }
  m.streams.push_back({"rgb", StreamKind::Video, videoName, 0, camera ? "rgb" : "", 0});
  summary.files.push_back(videoName);
  if (!step(0.5, "IMU"))
    return R::failure("import cancelled");

  if (!o.imu.empty()) {
    std::vector<std::string> ours{"timestamp_ns"};
    for (const auto &c : series::ImuSeries::channelColumns())
      ours.push_back(c);
    CsvRemap remap{o.columnMap, "timestamp_ns", unitScale(o.timeUnit, "ns")};
    if (auto s = importSidecar(
            o.imu, staging->path() / "imu.csv", ours, remap,
            [](const std::string &p) { return series::ImuSeries::load(p); }, warnings);
        !s)
      return R::failure(s.error());
    m.streams.push_back({"imu", StreamKind::Imu, "imu.csv", 0, "", 0});
    summary.files.push_back("imu.csv");
  }
  if (!step(0.7, "hands"))
    return R::failure("import cancelled");
  if (!o.hands.empty()) {
    auto header = csvHeader(o.hands);
    if (!header)
      return R::failure(header.error());
    CsvRemap remap{o.columnMap, "tracking_timestamp_us", unitScale(o.timeUnit, "us")};
    // The richest Aria hand layout the file provides (after mapping).
    std::vector<std::string> ours;
    for (auto layout :
         {series::HandLayout::TrackingResultsV2, series::HandLayout::TrackingResultsV1,
          series::HandLayout::LandmarksOnly, series::HandLayout::WristAndPalmV2, series::HandLayout::WristAndPalmV1}) {
      auto cols = series::HandSeries::layoutColumns(layout);
      if (unmappedColumns(*header, cols, remap).empty()) {
        ours = cols;
        break;
      }
    }
    if (ours.empty())
      ours = series::HandSeries::layoutColumns(series::HandLayout::TrackingResultsV1); // error names what's missing
    if (auto s = importSidecar(
            o.hands, staging->path() / "hands.csv", ours, remap,
            [](const std::string &p) { return series::HandSeries::load(p); }, warnings);
        !s)
      return R::failure(s.error());
    m.streams.push_back({"hands", StreamKind::HandPose, "hands.csv", 0, "", 0});
    summary.files.push_back("hands.csv");
  }
  if (camera) {
    CameraCalibration cc;
    cc.name = "rgb";
    cc.model = camera;
    m.calibration.cameras["rgb"] = cc;
  }
  m.task = o.task;
  m.workerId = o.workerId;
  m.workerName = o.workerName;
  m.site = o.site;
  if (!step(0.95, "recording.json"))
    return R::failure("import cancelled");
  if (auto s = finishRecording(m, *staging); !s)
    return R::failure(s.error());
  summary.folder = staging->destination();
  m.folder = summary.folder;
  summary.files.push_back("recording.json");
  if (camera)
    summary.files.push_back("calibration.json");
  R result(std::move(summary));
  for (auto &w : warnings)
    result.addWarning(std::move(w));
  return result;
}

} // namespace tacit::import
