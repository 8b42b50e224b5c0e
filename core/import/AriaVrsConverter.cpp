#include "core/import/AriaVrsConverter.h"

#include <QDateTime>
#include <charconv>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "core/import/AriaStreamIds.h"
#include "core/import/PacketMuxer.h"
#include "core/import/VrsImageDecoder.h"
#include "core/import/VrsRecordDecoder.h"

namespace tacit::import {

namespace fs = std::filesystem;
using R = Result<VrsConversion>;

namespace {

bool looksLikeJpeg(const std::vector<std::uint8_t> &b) {
  return b.size() > 4 && b[0] == 0xFF && b[1] == 0xD8 && b[b.size() - 2] == 0xFF && b[b.size() - 1] == 0xD9;
}

// Video image blocks (Gen2 RGB) hold one Annex-B coded picture per record.
std::optional<PictureCodec> videoCodec(const std::string &codec) {
  if (codec == "H.264" || codec == "h264" || codec == "H264")
    return PictureCodec::H264;
  if (codec == "H.265" || codec == "hevc" || codec == "HEVC" || codec == "H265")
    return PictureCodec::Hevc;
  return std::nullopt;
}

// True when the Annex-B picture contains a random-access NAL unit (H.264 IDR; HEVC IRAP: BLA, IDR, CRA),
// so the muxed file can be entered (seeked) there.
bool isKeyPicture(PictureCodec codec, const std::vector<std::uint8_t> &b) {
  for (std::size_t i = 0; i + 3 < b.size(); ++i) {
    if (b[i] != 0 || b[i + 1] != 0 || b[i + 2] != 1)
      continue;
    const std::uint8_t nal = b[i + 3];
    if (codec == PictureCodec::H264 ? (nal & 0x1F) == 5 : ((nal >> 1) & 0x3F) >= 16 && ((nal >> 1) & 0x3F) <= 23)
      return true;
    i += 2;
  }
  return false;
}

Timestamp captureTime(const vrs::DecodedRecord &rec) {
  if (auto t = rec.integer("capture_timestamp_ns"); t && *t > 0)
    return *t;
  return fromSeconds(rec.info.timestamp);
}

void appendFloat(std::string &out, double v) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, static_cast<float>(v));
  out.append(buf, res.ptr);
}

// 8-bit RGB JPEG (quality 95) of any decoded picture; grey and 16-bit pictures are reduced to 8 bit.
Result<std::vector<std::uint8_t>> encodeJpeg(const QImage &image) {
  QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, rgb.bits(), std::size_t(rgb.bytesPerLine()));
  cv::Mat bgr;
  cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
  std::vector<std::uint8_t> out;
  if (!cv::imencode(".jpg", bgr, out, {cv::IMWRITE_JPEG_QUALITY, 95}) || out.empty())
    return Result<std::vector<std::uint8_t>>::failure("cannot encode the picture as JPEG");
  return out;
}

Status convertRgb(const vrs::Reader &reader, const fs::path &folder, VrsConversion &out, const Progress &progress) {
  const std::string file = reader.fileName();
  const auto records = reader.records(aria::kRgbStream, vrs::RecordType::Data);
  if (records.empty())
    return Status::failure(file + ": no RGB camera stream (214-1) with data records");
  vrs::RecordDecoder decoder(reader, aria::kRgbStream);
  vrs::ImageDecoder images;
  std::unique_ptr<PacketMuxer> muxer;
  PictureCodec codec = PictureCodec::Mjpeg;
  const fs::path videoPath = folder / "rgb.mov";
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto rec = decoder.read(records[i]);
    if (!rec)
      return Status::failure(rec.error());
    if (!rec->image)
      return Status::failure(file + ": RGB record " + std::to_string(i) + " has no image block");
    const vrs::ImageBlock &img = *rec->image;
    // JPEG payloads are copied as they are; raw/PNG pictures are re-encoded as high-quality JPEG.
    std::vector<std::uint8_t> jpeg;
    std::optional<QImage> decoded;
    bool key = true;
    if (img.format == "video") { // H.264/HEVC pictures are copied as they are (no re-encode)
      const auto vc = videoCodec(img.codec);
      if (!vc)
        return Status::failure(file + ": RGB stream uses video codec '" + img.codec +
                               "'; only H.264 and HEVC can be imported");
      if (muxer && *vc != codec)
        return Status::failure(file + ": RGB record " + std::to_string(i) + " switches codec to " + img.codec);
      codec = *vc;
      key = isKeyPicture(codec, img.bytes);
      if (!muxer && !key)
        return Status::failure(file + ": the first RGB record is not a key frame; the video cannot start there");
    } else if (img.format == "jpg") {
      if (!looksLikeJpeg(img.bytes))
        return Status::failure(file + ": RGB record " + std::to_string(i) + " is not a complete JPEG image");
    } else if (img.format == "raw" || img.format == "png") {
      auto q = images.decode(img);
      if (!q)
        return Status::failure(file + ": RGB record " + std::to_string(i) + ": " + q.error());
      auto enc = encodeJpeg(*q);
      if (!enc)
        return Status::failure(file + ": RGB record " + std::to_string(i) + ": " + enc.error());
      jpeg = enc.takeValue();
      decoded = *q;
    } else {
      return Status::failure(file + ": RGB stream stores '" + img.format + "' images (" + img.codec +
                             "); only JPEG, PNG, raw and H.264/HEVC video RGB streams can be imported");
    }
    const std::vector<std::uint8_t> &picture = jpeg.empty() ? img.bytes : jpeg;
    const Timestamp t = captureTime(*rec);
    if (!muxer) {
      // Decode the first picture: checks the payload and gives the true size.
      if (!decoded) {
        auto first = images.decode(img);
        if (!first)
          return Status::failure(file + ": first RGB image: " + first.error());
        decoded = *first;
      }
      out.rgbWidth = decoded->width();
      out.rgbHeight = decoded->height();
      out.firstFrameNs = t;
      auto m = PacketMuxer::create(videoPath, codec, out.rgbWidth, out.rgbHeight);
      if (!m)
        return Status::failure(m.error());
      muxer = m.takeValue();
    }
    // Microsecond pts from the first frame; the stream's time_offset_ns carries the rest.
    const std::int64_t ptsUs = (t - out.firstFrameNs) / kNsPerUs;
    if (auto s = muxer->write(picture, ptsUs, key); !s)
      return Status::failure(file + ": RGB record " + std::to_string(i) + ": " + s.error());
    if (!report(progress, 0.8 * double(i + 1) / double(records.size()), "RGB video"))
      return Status::failure("import cancelled");
  }
  if (auto s = muxer->finish(); !s)
    return s;
  out.rgbFrames = muxer->packetCount();
  StreamDescriptor d;
  d.id = "rgb";
  d.kind = StreamKind::Video;
  d.path = "rgb.mov";
  d.timeOffsetNs = out.firstFrameNs;
  d.camera = "rgb";
  d.rotationDeg = 90; // Aria cameras are mounted sideways (FORMATS §1.11)
  out.streams.push_back(d);
  return okStatus();
}

Status convertImu(const vrs::Reader &reader, const fs::path &folder, VrsConversion &out, const Progress &progress) {
  const std::string file = reader.fileName();
  const auto records = reader.records(aria::kImuRightStream, vrs::RecordType::Data);
  if (records.empty())
    return okStatus(); // optional
  vrs::RecordDecoder decoder(reader, aria::kImuRightStream);
  std::string csv = "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n";
  csv.reserve(records.size() * 90);
  Timestamp last = kInvalidTime;
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto rec = decoder.read(records[i]);
    if (!rec)
      return Status::failure(rec.error());
    auto acc = rec->numbers("accelerometer"), gyr = rec->numbers("gyroscope");
    if (!acc || !gyr || acc->size() != 3 || gyr->size() != 3)
      return Status::failure(file + ": IMU record " + std::to_string(i) +
                             " has no accelerometer/gyroscope arrays of 3 values");
    if (rec->integer("accelerometer_valid") == 0 || rec->integer("gyroscope_valid") == 0)
      continue;
    const Timestamp t = captureTime(*rec);
    if (last != kInvalidTime && t <= last)
      continue; // duplicate or out-of-order sample
    last = t;
    csv += std::to_string(t);
    for (double v : *acc) {
      csv += ',';
      appendFloat(csv, v);
    }
    for (double v : *gyr) {
      csv += ',';
      appendFloat(csv, v);
    }
    csv += '\n';
    ++out.imuSamples;
    if (i % 1000 == 0 && !report(progress, 0.8 + 0.15 * double(i) / double(records.size()), "IMU"))
      return Status::failure("import cancelled");
  }
  std::ofstream f(folder / "imu.csv", std::ios::binary);
  f << csv;
  if (!f.flush())
    return Status::failure((folder / "imu.csv").string() + ": cannot write");
  StreamDescriptor d;
  d.id = "imu";
  d.kind = StreamKind::Imu;
  d.path = "imu.csv";
  out.streams.push_back(d);
  return okStatus();
}

} // namespace

Result<VrsConversion> convertAriaVrs(const vrs::Reader &reader, const fs::path &folder, const Progress &progress) {
  const std::string file = reader.fileName();
  if (reader.truncated())
    return R::failure(reader.warnings().empty() ? file + ": file is truncated" : reader.warnings().front());
  VrsConversion out;
  if (auto s = convertRgb(reader, folder, out, progress); !s)
    return R::failure(s.error());
  if (auto s = convertImu(reader, folder, out, progress); !s)
    return R::failure(s.error());
  if (std::string calib = reader.fileTag("calib_json"); !calib.empty()) {
    auto dc = aria::parseDeviceCalibration(calib, file + ": tag calib_json");
    if (!dc)
      return R::failure(dc.error());
    out.calibration = dc.takeValue();
  }
  const std::string type = reader.fileTag("device_type"), hw = reader.fileTag("hardware_version");
  out.device = type.empty() ? std::string("Project Aria") : "Project " + type + (hw.empty() ? "" : " (" + hw + ")");
  if (std::string epoch = reader.fileTag("capture_time_epoch"); !epoch.empty()) {
    qint64 secs = QString::fromStdString(epoch).toLongLong();
    if (secs > 0)
      out.startedAt = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate).toStdString();
  }
  return out;
}

} // namespace tacit::import
