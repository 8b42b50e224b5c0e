#include "core/import/AriaImporter.h"

#include <QUuid>

#include "core/import/AriaMpsFiles.h"
#include "core/import/AriaVrsConverter.h"
#include "core/import/ImportStaging.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"
#include "core/recording/RecordingWriter.h"
#include "core/util/AtomicFile.h"
#include "core/util/Logging.h"

namespace tacit::import {

namespace fs = std::filesystem;
using R = Result<ImportSummary>;

Status finishRecording(RecordingManifest &manifest, StagingFolder &staging) {
  if (manifest.id.empty())
    manifest.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
  if (auto s = RecordingWriter::write(manifest, staging.path()); !s)
    return s;
  auto check = RecordingReader::read(staging.path());
  if (!check)
    return Status::failure(check.error());
  if (check->streams.size() != manifest.streams.size())
    return Status::failure(staging.destination().string() + ": written recording does not read back completely" +
                           (check.warnings().empty() ? std::string() : ": " + check.warnings().front()));
  return staging.commit();
}

namespace {

// The calibration to use and where it came from (for messages).
struct CalibrationSource {
  aria::DeviceCalibration calibration;
  std::string name;
};

Result<std::optional<CalibrationSource>> pickCalibration(const AriaImportOptions &o, const VrsConversion *vrs,
                                                         const MpsImport *mps, std::vector<std::string> &warnings) {
  using RC = Result<std::optional<CalibrationSource>>;
  if (!o.calibration.empty()) {
    const std::string name = o.calibration.filename().string();
    auto text = readSmallFile(o.calibration);
    if (!text)
      return RC::failure(text.error());
    auto dc = aria::parseDeviceCalibration(*text, name);
    if (!dc)
      return RC::failure(dc.error());
    return std::optional<CalibrationSource>(CalibrationSource{dc.takeValue(), name});
  }
  if (vrs && vrs->calibration)
    return std::optional<CalibrationSource>(
        CalibrationSource{*vrs->calibration, o.vrs.filename().string() + ": tag calib_json"});
  if (mps && mps->online)
    return std::optional<CalibrationSource>(CalibrationSource{mps->online->calibration, "online_calibration.jsonl"});
  warnings.push_back("no calibration found (no --calibration, no calib_json in the VRS, no online calibration); "
                     "the recording has no camera model");
  return std::optional<CalibrationSource>();
}

} // namespace

Result<ImportSummary> importAria(const AriaImportOptions &o) {
  if (o.vrs.empty() == o.video.empty())
    return R::failure("aria import: give exactly one of --vrs FILE.vrs or --video RGB.mp4");
  std::error_code ec;
  if (!o.mpsDir.empty() && !fs::is_directory(o.mpsDir, ec))
    return R::failure(o.mpsDir.string() + ": MPS folder does not exist");
  std::vector<std::string> warnings;

  // Open the inputs before touching the destination.
  std::optional<vrs::Reader> reader;
  if (!o.vrs.empty()) {
    auto r = vrs::Reader::open(o.vrs);
    if (!r)
      return R::failure(r.error());
    if (r->truncated())
      return R::failure(r->warnings().empty() ? o.vrs.filename().string() + ": file is truncated"
                                              : r->warnings().front());
    reader.emplace(r.takeValue());
  }
  auto staging =
      createImportStaging(o.out, std::vector<std::filesystem::path>{o.mpsDir, o.vrs, o.video, o.calibration});
  if (!staging)
    return R::failure(staging.error());

  ImportSummary summary;
  RecordingManifest &m = summary.manifest;
  m.task = o.task;
  m.workerId = o.workerId;
  m.workerName = o.workerName;
  m.site = o.site;
  int width = 0, height = 0;
  std::optional<VrsConversion> conv;
  if (reader) {
    auto c = convertAriaVrs(*reader, staging->path(), o.progress);
    if (!c)
      return R::failure(c.error());
    conv = c.takeValue();
    width = conv->rgbWidth;
    height = conv->rgbHeight;
    summary.videoFrames = conv->rgbFrames;
    summary.imuSamples = conv->imuSamples;
    m.device = conv->device;
    m.startedAt = conv->startedAt;
    m.streams = conv->streams;
    summary.files = {"rgb.mov"};
    if (conv->imuSamples > 0)
      summary.files.push_back("imu.csv");
  }

  std::optional<MpsImport> mps;
  if (!o.mpsDir.empty()) {
    auto r = importMpsOutputs(o.mpsDir, staging->path());
    if (!r)
      return R::failure(r.error());
    for (const auto &w : r.warnings())
      warnings.push_back(w);
    mps = r.takeValue();
    for (const auto &s : mps->streams)
      m.streams.push_back(s);
    for (const auto &f : mps->files)
      summary.files.push_back(f);
  }

  if (!o.video.empty()) {
    media::VideoSource::Options vo;
    vo.useIndexCache = false;
    auto video = media::VideoSource::open(o.video, vo);
    if (!video)
      return R::failure(video.error());
    width = (*video)->width();
    height = (*video)->height();
    summary.videoFrames = (*video)->frameCount();
    const std::string name = "rgb" + o.video.extension().string();
    if (auto s = linkOrCopy(o.video, staging->path() / name); !s)
      return R::failure(s.error());
    StreamDescriptor d;
    d.id = "rgb";
    d.kind = StreamKind::Video;
    d.path = name;
    d.camera = "rgb";
    d.rotationDeg = 90;
    if (o.videoStartNs) {
      d.timeOffsetNs = *o.videoStartNs;
    } else if (mps && mps->earliestNs != kInvalidTime) {
      d.timeOffsetNs = mps->earliestNs - (*video)->ptsNs(0);
      warnings.push_back(o.video.filename().string() +
                         ": device time of the first frame unknown; aligned to the first MPS sample "
                         "(give --video-start-ns for exact alignment)");
    }
    m.streams.insert(m.streams.begin(), d);
    summary.files.insert(summary.files.begin(), name);
    m.device = "Project Aria";
  }

  auto calib = pickCalibration(o, conv ? &*conv : nullptr, mps ? &*mps : nullptr, warnings);
  if (!calib)
    return R::failure(calib.error());
  if (*calib) {
    const auto &src = **calib;
    const aria::SensorCalibration *rgb = src.calibration.camera("camera-rgb");
    if (!rgb)
      return R::failure(src.name + ": no camera-rgb calibration (labels: " + [&] {
        std::string labels;
        for (const auto &c : src.calibration.cameras)
          labels += (labels.empty() ? "" : ", ") + c.label;
        return labels;
      }() + ")");
    auto cam = aria::toCameraCalibration(*rgb, "rgb", width, height, src.name);
    if (!cam)
      return R::failure(cam.error());
    m.calibration.cameras["rgb"] = cam.takeValue();
    if (const auto *imu = src.calibration.imu("imu-right"))
      m.calibration.T_device_imu = imu->T_device_sensor;
    else if (conv && conv->imuSamples > 0)
      warnings.push_back(src.name + ": no imu-right calibration; imu.csv has an identity T_device_imu");
  }
  if (!report(o.progress, 0.97, "recording.json"))
    return R::failure("import cancelled");
  if (auto s = finishRecording(m, *staging); !s)
    return R::failure(s.error());
  m.folder = staging->destination();
  summary.folder = staging->destination();
  summary.files.push_back("recording.json");
  if (!m.calibration.cameras.empty())
    summary.files.push_back("calibration.json");
  R result(std::move(summary));
  auto log = logging::get("tacit.import");
  for (auto &w : warnings) {
    log->warn("{}", w);
    result.addWarning(std::move(w));
  }
  return result;
}

} // namespace tacit::import
