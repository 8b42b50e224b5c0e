// Gen2-style VRS whose RGB stream stores H.265 / H.264 video blocks (`image/video/codec=...`). No real
// Gen2 VRS is among the format samples, so the test encodes grey pictures with FFmpeg and writes the
// VRS itself (FORMATS §2.1: file header, description record, records, classic index). The import
// must copy every picture into rgb.mov (one per data record, key frames kept) with device times,
// and refuse a stream that does not start at a key frame or uses another codec, leaving nothing.
#include <QTemporaryDir>
#include <QtTest>
#include <cfloat>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/import/AriaImporter.h"
#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
}

using namespace tacit;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 128, kHeight = 96, kFrames = 12, kGop = 4;
constexpr std::int64_t kFirstNs = 5'000'000'000, kPeriodNs = 33'333'000;

int greyOf(int frame) {
  return 40 + 15 * frame;
}

// One Annex-B packet per picture, no B-frames, a key frame every kGop pictures.
std::vector<std::vector<std::uint8_t>> encode(AVCodecID id) {
  const char *name = id == AV_CODEC_ID_HEVC ? "libx265" : "libx264";
  const AVCodec *codec = avcodec_find_encoder_by_name(name);
  if (!codec)
    qFatal("%s is not available", name);
  av_log_set_level(AV_LOG_ERROR);
  AVCodecContext *ctx = avcodec_alloc_context3(codec);
  ctx->width = kWidth;
  ctx->height = kHeight;
  ctx->pix_fmt = AV_PIX_FMT_YUV420P;
  ctx->time_base = AVRational{1, 30};
  ctx->gop_size = kGop;
  ctx->keyint_min = kGop;
  ctx->max_b_frames = 0;
  ctx->thread_count = 1;
  av_opt_set(ctx->priv_data, "preset", "ultrafast", 0);
  if (id == AV_CODEC_ID_HEVC)
    av_opt_set(ctx->priv_data, "x265-params", "log-level=error:bframes=0:scenecut=0:open-gop=0:pools=1:frame-threads=1",
               0);
  else
    av_opt_set(ctx->priv_data, "x264-params", "bframes=0:scenecut=0", 0);
  if (avcodec_open2(ctx, codec, nullptr) < 0)
    qFatal("cannot open %s", name);
  AVFrame *frame = av_frame_alloc();
  frame->format = ctx->pix_fmt;
  frame->width = kWidth;
  frame->height = kHeight;
  av_frame_get_buffer(frame, 0);
  AVPacket *pkt = av_packet_alloc();
  std::vector<std::vector<std::uint8_t>> out;
  auto drain = [&] {
    while (avcodec_receive_packet(ctx, pkt) == 0) {
      out.emplace_back(pkt->data, pkt->data + pkt->size);
      av_packet_unref(pkt);
    }
  };
  for (int i = 0; i < kFrames; ++i) {
    av_frame_make_writable(frame);
    for (int y = 0; y < kHeight; ++y)
      std::memset(frame->data[0] + y * frame->linesize[0], greyOf(i), kWidth);
    for (int p = 1; p < 3; ++p)
      for (int y = 0; y < kHeight / 2; ++y)
        std::memset(frame->data[p] + y * frame->linesize[p], 128, kWidth / 2);
    frame->pts = i;
    avcodec_send_frame(ctx, frame);
    drain();
  }
  avcodec_send_frame(ctx, nullptr);
  drain();
  av_packet_free(&pkt);
  av_frame_free(&frame);
  avcodec_free_context(&ctx);
  return out;
}

// Little-endian byte appender.
struct Bytes {
  std::string b;
  template <typename T> void put(T v) { b.append(reinterpret_cast<const char *>(&v), sizeof v); }
  void str(const std::string &s) {
    put<std::uint32_t>(std::uint32_t(s.size()));
    b += s;
  }
  void map(const std::map<std::string, std::string> &m) {
    put<std::uint32_t>(std::uint32_t(m.size()));
    for (const auto &[k, v] : m) {
      str(k);
      str(v);
    }
  }
};

struct IndexEntry {
  double timestamp;
  std::uint32_t size;
  std::uint8_t type;
};

constexpr std::int32_t kRgbType = 214;
constexpr std::uint16_t kRgbInstance = 1;

std::string record(std::int32_t typeId, std::uint16_t instance, std::uint32_t formatVersion, double timestamp,
                   std::uint8_t type, const std::string &payload) {
  Bytes h;
  h.put<std::uint32_t>(std::uint32_t(32 + payload.size()));
  h.put<std::uint32_t>(0); // previousRecordSize (not needed to read)
  h.put<std::int32_t>(typeId);
  h.put<std::uint32_t>(formatVersion);
  h.put<double>(timestamp);
  h.put<std::uint16_t>(instance);
  h.put<std::uint8_t>(type);
  h.put<std::uint8_t>(0); // not compressed
  h.put<std::uint32_t>(0);
  return h.b + payload;
}

// A VRS with stream 214-1: one configuration record (image size) and one data record per picture
// (capture_timestamp_ns + the coded picture).
void writeVrs(const fs::path &path, const std::string &codec, const std::vector<std::vector<std::uint8_t>> &pictures) {
  const std::map<std::string, std::string> vrsTags = {
      {"VRS_Original_Recordable_Name", "RGB Camera Class"},
      {"RF:Configuration:1", "data_layout/size=8"},
      {"DL:Configuration:1:0", R"({"data_layout":[{"name":"image_width","type":"DataPieceValue<uint32_t>","offset":0},)"
                               R"({"name":"image_height","type":"DataPieceValue<uint32_t>","offset":4}]})"},
      {"RF:Data:1", "data_layout/size=8+image/video/codec=" + codec},
      {"DL:Data:1:0",
       R"({"data_layout":[{"name":"capture_timestamp_ns","type":"DataPieceValue<int64_t>","offset":0}]})"},
  };
  Bytes desc;
  desc.put<std::uint32_t>(1);
  desc.put<std::int32_t>(kRgbType);
  desc.put<std::uint16_t>(kRgbInstance);
  desc.map({});
  desc.map(vrsTags);
  desc.map({{"device_type", "Aria Gen2"}});

  std::string body = record(2, 0, 2, DBL_MAX, 3, desc.b);
  std::vector<IndexEntry> index;
  Bytes cfg;
  cfg.put<std::uint32_t>(kWidth);
  cfg.put<std::uint32_t>(kHeight);
  const double t0 = double(kFirstNs) / 1e9;
  std::string rec = record(kRgbType, kRgbInstance, 1, t0, 2, cfg.b);
  index.push_back({t0, std::uint32_t(rec.size()), 2});
  std::string records = rec;
  for (std::size_t i = 0; i < pictures.size(); ++i) {
    const std::int64_t t = kFirstNs + std::int64_t(i) * kPeriodNs;
    Bytes data;
    data.put<std::int64_t>(t);
    data.b.append(reinterpret_cast<const char *>(pictures[i].data()), pictures[i].size());
    rec = record(kRgbType, kRgbInstance, 1, double(t) / 1e9, 3, data.b);
    index.push_back({double(t) / 1e9, std::uint32_t(rec.size()), 3});
    records += rec;
  }
  Bytes idx;
  idx.put<std::uint32_t>(1);
  idx.put<std::int32_t>(kRgbType);
  idx.put<std::uint16_t>(kRgbInstance);
  idx.put<std::uint32_t>(std::uint32_t(index.size()));
  for (const auto &e : index) {
    idx.put<double>(e.timestamp);
    idx.put<std::uint32_t>(e.size);
    idx.put<std::uint8_t>(e.type);
    idx.put<std::int32_t>(kRgbType);
    idx.put<std::uint16_t>(kRgbInstance);
  }
  const std::int64_t indexOffset = 80 + std::int64_t(body.size() + records.size());

  Bytes header;
  header.b = "VisionRe";
  header.put<std::uint64_t>(1234567);
  header.put<std::uint32_t>(80);
  header.put<std::uint32_t>(32);
  header.put<std::int64_t>(indexOffset);
  header.put<std::int64_t>(80);
  header.put<std::int64_t>(0);
  for (int i = 0; i < 3; ++i)
    header.put<std::uint64_t>(0);
  header.b += "cordVRS1";
  std::ofstream(path, std::ios::binary) << header.b << body << records << record(1, 0, 2, 0, 3, idx.b);
}

} // namespace

class AriaVrsVideoTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  fs::path tmp(const std::string &name) const { return fs::path(m_dir.path().toStdString()) / name; }

  static bool leftovers(const fs::path &parent) {
    for (const auto &e : fs::directory_iterator(parent))
      if (e.path().filename().string().find(".importing-") != std::string::npos)
        return true;
    return false;
  }

  void importsEveryPicture(AVCodecID id, const std::string &codec, const std::string &name) {
    const auto pictures = encode(id);
    QCOMPARE(int(pictures.size()), kFrames);
    const fs::path vrs = tmp(name + ".vrs");
    writeVrs(vrs, codec, pictures);

    import::AriaImportOptions o;
    o.vrs = vrs;
    o.out = tmp(name + "-rec");
    auto r = import::importAria(o);
    QVERIFY2(r, r ? "" : r.error().c_str());
    QCOMPARE(r->videoFrames, std::int64_t(kFrames)); // frame count = RGB data records
    auto m = RecordingReader::read(o.out);
    QVERIFY2(m, m ? "" : m.error().c_str());
    const StreamDescriptor *rgb = m->stream("rgb");
    QVERIFY(rgb);
    QCOMPARE(rgb->timeOffsetNs, kFirstNs);

    media::VideoSource::Options vo;
    vo.useIndexCache = false;
    vo.timeOffsetNs = rgb->timeOffsetNs;
    auto video = media::VideoSource::open(m->absolutePath(*rgb), vo);
    QVERIFY2(video, video ? "" : video.error().c_str());
    media::VideoSource &v = **video;
    QCOMPARE(v.codecName(), id == AV_CODEC_ID_HEVC ? std::string("hevc") : std::string("h264"));
    QCOMPARE(v.frameCount(), std::int64_t(kFrames));
    QCOMPARE(v.width(), kWidth);
    QCOMPARE(v.height(), kHeight);
    QCOMPARE(v.index().keyFrames(), (std::vector<std::int64_t>{0, 4, 8}));
    for (int i = 0; i < kFrames; ++i) {
      QCOMPARE(v.ptsNs(i), kFirstNs + i * kPeriodNs); // device time (µs precision)
      auto f = v.frame(i);
      QVERIFY2(f, f ? "" : f.error().c_str());
      const QColor c = f->image().pixelColor(kWidth / 2, kHeight / 2);
      // Limited-range luma -> full-range RGB: grey g shows as about (g - 16) * 255 / 219.
      const int expected = int((greyOf(i) - 16) * 255.0 / 219.0 + 0.5);
      QVERIFY2(std::abs(c.red() - expected) <= 6 && std::abs(c.green() - expected) <= 6,
               qPrintable(QStringLiteral("frame %1: %2 expected %3").arg(i).arg(c.name()).arg(expected)));
    }
  }

private slots:
  void hevcPicturesBecomeTheVideo() { importsEveryPicture(AV_CODEC_ID_HEVC, "H.265", "hevc"); }
  void h264PicturesBecomeTheVideo() { importsEveryPicture(AV_CODEC_ID_H264, "H.264", "h264"); }

  void streamNotStartingAtAKeyFrameFails() {
    auto pictures = encode(AV_CODEC_ID_HEVC);
    pictures.erase(pictures.begin()); // starts with a P picture
    const fs::path vrs = tmp("nokey.vrs");
    writeVrs(vrs, "H.265", pictures);
    import::AriaImportOptions o;
    o.vrs = vrs;
    o.out = tmp("nokey-rec");
    auto r = import::importAria(o);
    QVERIFY(!r);
    QVERIFY2(r.error().find("nokey.vrs") != std::string::npos && r.error().find("key frame") != std::string::npos,
             r.error().c_str());
    QVERIFY(!fs::exists(o.out));
    QVERIFY(!leftovers(tmp("")));
  }

  void unknownVideoCodecFails() {
    const fs::path vrs = tmp("vp9.vrs");
    writeVrs(vrs, "VP9", encode(AV_CODEC_ID_H264));
    import::AriaImportOptions o;
    o.vrs = vrs;
    o.out = tmp("vp9-rec");
    auto r = import::importAria(o);
    QVERIFY(!r);
    QVERIFY2(r.error().find("vp9.vrs") != std::string::npos && r.error().find("'VP9'") != std::string::npos,
             r.error().c_str());
    QVERIFY(!fs::exists(o.out));
    QVERIFY(!leftovers(tmp("")));
  }
};

QTEST_GUILESS_MAIN(AriaVrsVideoTest)
#include "AriaVrsVideoTest.moc"
