// Clean-room VRS reader against the real VRS test files (counts from tests/data/vrs/SOURCES.md)
// and the real Aria Gen1 recording (tests/data/aria/SOURCES.md).
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <lz4frame.h>
#include <zstd.h>

#include "core/import/VrsDecompress.h"
#include "core/import/VrsImageDecoder.h"
#include "core/import/VrsReader.h"
#include "core/import/VrsRecordDecoder.h"

using namespace tacit::vrs;
namespace fs = std::filesystem;

static fs::path shared(const char *rel) {
  return fs::path(TACIT_TEST_DATA_DIR) / rel;
}

static std::uint32_t countOf(const Reader &r, const char *id, RecordType t) {
  for (const auto &s : r.streams())
    if (s.id.str() == id)
      return s.count(t);
  return 9999;
}

class VrsReaderTest : public QObject {
  Q_OBJECT
private slots:
  void sampleFile() {
    auto r = Reader::open(shared("vrs/sample_file.vrs"));
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->formatVersion(), std::string("VRS1"));
    QCOMPARE(r->records().size(), std::size_t(307));
    QCOMPARE(r->streams().size(), std::size_t(3));
    QVERIFY(r->warnings().empty());
    QCOMPARE(countOf(*r, "101-1", RecordType::Data), 100u);
    QCOMPARE(countOf(*r, "101-1", RecordType::Configuration), 1u);
    QCOMPARE(countOf(*r, "101-1", RecordType::State), 1u);
    QCOMPARE(countOf(*r, "200-1", RecordType::Data), 101u);
    QCOMPARE(countOf(*r, "372-1", RecordType::Data), 100u);
    QCOMPARE(r->fileTag("purpose"), std::string("sample_code"));
    QCOMPARE(r->fileTag("os_fingerprint"), std::string("MacOS 20.6.0"));
    QCOMPARE(r->stream({200, 1})->name(), std::string("Forward Camera Class"));
    for (std::size_t i = 1; i < r->records().size(); ++i)
      QVERIFY(r->records()[i - 1].timestamp <= r->records()[i].timestamp);

    // Camera stream: config layout + zstd raw GREY8 image records.
    RecordDecoder dec(*r, {200, 1});
    auto data = r->records({200, 1}, RecordType::Data);
    auto rec = dec.read(data.front());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QVERIFY(dec.configuration().has_value());
    QCOMPARE(*dec.configuration()->integer("image_width"), std::int64_t(640));
    QCOMPARE(*dec.configuration()->integer("image_pixel_format"), std::int64_t(1));
    auto calib = dec.configuration()->numbers("camera_calibration");
    QVERIFY(calib.has_value());
    QCOMPARE(*calib, (std::vector<double>{23, 53, 343, 3, 12, 8}));
    QVERIFY(rec->image.has_value());
    QCOMPARE(rec->image->bytes.size(), std::size_t(640 * 480));
    ImageDecoder images;
    auto img = images.decode(*rec->image);
    QVERIFY2(img.ok(), img.error().c_str());
    QCOMPARE(img->size(), QSize(640, 480));

    // Motion stream: DataPieceVector<Matrix3Dd>.
    RecordDecoder motion(*r, {372, 1});
    std::size_t matrices = 0;
    for (const auto &info : r->records({372, 1}, RecordType::Data)) {
      auto m = motion.read(info);
      QVERIFY2(m.ok(), m.error().c_str());
      auto md = m->numbers("motion_data");
      QVERIFY(md.has_value());
      QCOMPARE(md->size() % 9, std::size_t(0));
      matrices += md->size() / 9;
    }
    qInfo() << "motion matrices" << matrices;
    QVERIFY(matrices > 0);

    // Audio: data records carry an audio block.
    RecordDecoder audio(*r, {101, 1});
    auto a = audio.read(r->records({101, 1}, RecordType::Data).front());
    QVERIFY2(a.ok(), a.error().c_str());
    QVERIFY(a->audio.has_value());
    QVERIFY(!a->audio->bytes.empty());
  }

  void everyRecordOfSampleFileDecodes() {
    auto r = Reader::open(shared("vrs/sample_file.vrs"));
    QVERIFY(r.ok());
    std::map<StreamId, std::unique_ptr<RecordDecoder>> decoders;
    for (const auto &info : r->records()) {
      auto &d = decoders[info.stream];
      if (!d)
        d = std::make_unique<RecordDecoder>(*r, info.stream);
      auto rec = d->read(info);
      QVERIFY2(rec.ok(), rec.error().c_str());
    }
  }

  void chunkedFile() {
    auto r = Reader::open(shared("vrs/chunks.vrs"));
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->records().size(), std::size_t(306));
    QCOMPARE(r->streams().size(), std::size_t(3));
    QVERIFY(r->warnings().empty());
    // The last records live in chunks.vrs_2: decode one of them.
    RecordDecoder dec(*r, {200, 1});
    auto data = r->records({200, 1}, RecordType::Data);
    auto rec = dec.read(data.back());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->image->bytes.size(), std::size_t(640 * 480));
  }

  void shuffledFrontIndex() {
    auto r = Reader::open(shared("vrs/chunks-shuffled.vrs"));
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->formatVersion(), std::string("VRS2"));
    QCOMPARE(r->records().size(), std::size_t(306));
    for (std::size_t i = 1; i < r->records().size(); ++i)
      QVERIFY(r->records()[i - 1].timestamp <= r->records()[i].timestamp);
    for (const auto &info : r->records()) {
      auto rec = r->readRecord(info);
      QVERIFY2(rec.ok(), rec.error().c_str());
    }
  }

  void rawPixelFormats() {
    auto r = Reader::open(shared("vrs/sample_raw_pixel_formats.vrs"));
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->streams().size(), std::size_t(26));
    QCOMPARE(r->records().size(), std::size_t(312));
    int decoded = 0;
    for (const auto &s : r->streams()) {
      QCOMPARE(s.dataCount, 10u);
      QCOMPARE(s.configurationCount, 1u);
      QCOMPARE(s.stateCount, 1u);
      QVERIFY(s.userTags.count("pixel_format"));
      RecordDecoder dec(*r, s.id);
      ImageDecoder images;
      for (const auto &info : r->records(s.id, RecordType::Data)) {
        auto rec = dec.read(info);
        QVERIFY2(rec.ok(), rec.error().c_str());
        QVERIFY(rec->image.has_value());
        auto img = images.decode(*rec->image);
        if (img.ok()) {
          QCOMPARE(img->width(), int(*dec.configuration()->integer("image_width")));
          QCOMPARE(img->height(), int(*dec.configuration()->integer("image_height")));
          ++decoded;
        }
      }
    }
    // Every common format decodes; only exotic float/colour formats may be unsupported.
    QVERIFY2(decoded >= 200, qPrintable(QString::number(decoded)));
  }

  void ariaGen1Recording() {
    auto r = Reader::open(shared("aria/aea/recording.vrs"));
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->formatVersion(), std::string("VRS2"));
    QCOMPARE(r->records().size(), std::size_t(785));
    QVERIFY(r->warnings().empty());
    QCOMPARE(countOf(*r, "214-1", RecordType::Data), 8u);
    QCOMPARE(countOf(*r, "1201-1", RecordType::Data), 4u);
    QCOMPARE(countOf(*r, "1201-2", RecordType::Data), 4u);
    QCOMPARE(countOf(*r, "211-1", RecordType::Data), 4u);
    QCOMPARE(countOf(*r, "1202-1", RecordType::Data), 400u);
    QCOMPARE(countOf(*r, "1202-2", RecordType::Data), 319u);
    QCOMPARE(countOf(*r, "1203-1", RecordType::Data), 4u);
    QCOMPARE(countOf(*r, "231-1", RecordType::Data), 4u);
    QCOMPARE(countOf(*r, "247-1", RecordType::Data), 20u);
    for (const auto &s : r->streams()) {
      QCOMPARE(s.configurationCount, 1u);
      QCOMPARE(s.stateCount, 1u);
    }
    QVERIFY(r->fileTag("calib_json").find("camera-rgb") != std::string::npos);

    // RGB: JPEG images with the device-clock capture timestamp.
    RecordDecoder rgb(*r, {214, 1});
    ImageDecoder images;
    auto first = rgb.read(r->records({214, 1}, RecordType::Data).front());
    QVERIFY2(first.ok(), first.error().c_str());
    QCOMPARE(first->image->format, std::string("jpg"));
    auto img = images.decode(*first->image);
    QVERIFY2(img.ok(), img.error().c_str());
    const int w = int(*rgb.configuration()->integer("image_width"));
    QCOMPARE(img->size(), QSize(w, int(*rgb.configuration()->integer("image_height"))));
    QVERIFY(w == 1408 || w == 2880);
    auto ts = first->integer("capture_timestamp_ns");
    QVERIFY(ts.has_value());
    QVERIFY(std::abs(double(*ts) / 1e9 - first->info.timestamp) < 0.1);

    // IMU: accelerometer ~ gravity.
    RecordDecoder imu(*r, {1202, 1});
    auto s0 = imu.read(r->records({1202, 1}, RecordType::Data).front());
    QVERIFY2(s0.ok(), s0.error().c_str());
    auto acc = s0->numbers("accelerometer");
    QVERIFY(acc && acc->size() == 3);
    double g = std::sqrt((*acc)[0] * (*acc)[0] + (*acc)[1] * (*acc)[1] + (*acc)[2] * (*acc)[2]);
    QVERIFY2(g > 8 && g < 12, qPrintable(QString::number(g)));
    QVERIFY(s0->numbers("gyroscope").has_value());

    // Every record of every stream splits into its blocks.
    std::map<StreamId, std::unique_ptr<RecordDecoder>> decoders;
    for (const auto &info : r->records()) {
      auto &d = decoders[info.stream];
      if (!d)
        d = std::make_unique<RecordDecoder>(*r, info.stream);
      auto rec = d->read(info);
      QVERIFY2(rec.ok(), rec.error().c_str());
    }
  }

  void truncatedFileIsDetected() {
    QTemporaryDir dir;
    for (const char *name : {"vrs/sample_file.vrs", "aria/aea/recording.vrs"}) {
      fs::path src = shared(name);
      fs::path dst = fs::path(dir.path().toStdString()) / "cut.vrs";
      std::ifstream in(src, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      std::ofstream(dst, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size() * 2 / 3));
      auto r = Reader::open(dst);
      QVERIFY2(r.ok(), r.error().c_str());
      QVERIFY(r->truncated());
      QVERIFY(!r->warnings().empty());
      QVERIFY(r->warnings().front().find("cut.vrs") != std::string::npos);
      QVERIFY(r->warnings().front().find("truncated") != std::string::npos);
      QVERIFY(r->records().size() > 0);
      for (const auto &info : r->records())
        QVERIFY(r->readRecord(info).ok());
    }
  }

  void notVrsAndHeaderOnly() {
    QTemporaryDir dir;
    fs::path p = fs::path(dir.path().toStdString()) / "x.vrs";
    std::ofstream(p) << "hello, this is not a vrs file at all, not even close to one, no no no no no no no";
    auto r = Reader::open(p);
    QVERIFY(!r.ok());
    QVERIFY(r.error().find("x.vrs") != std::string::npos);
    QVERIFY(r.error().find("not a VRS file") != std::string::npos);
    auto missing = Reader::open(fs::path(dir.path().toStdString()) / "missing.vrs");
    QVERIFY(!missing.ok());
    // Only the header survives.
    std::ifstream in(shared("vrs/sample_file.vrs"), std::ios::binary);
    std::string head(100, '\0');
    in.read(head.data(), 100);
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(head.data(), 100);
    auto h = Reader::open(p);
    QVERIFY(!h.ok());
    QVERIFY2(h.error().find("description") != std::string::npos, h.error().c_str());
  }

  void decompressLz4AndZstd() {
    std::vector<std::uint8_t> raw(100000);
    for (std::size_t i = 0; i < raw.size(); ++i)
      raw[i] = std::uint8_t((i * 7) % 251 / 3);
    std::vector<std::uint8_t> lz(LZ4F_compressFrameBound(raw.size(), nullptr));
    lz.resize(LZ4F_compressFrame(lz.data(), lz.size(), raw.data(), raw.size(), nullptr));
    auto a = decompress(Compression::Lz4, lz.data(), lz.size(), raw.size());
    QVERIFY2(a.ok(), a.error().c_str());
    QVERIFY(*a == raw);
    std::vector<std::uint8_t> zs(ZSTD_compressBound(raw.size()));
    zs.resize(ZSTD_compress(zs.data(), zs.size(), raw.data(), raw.size(), 3));
    auto b = decompress(Compression::Zstd, zs.data(), zs.size(), raw.size());
    QVERIFY(b.ok() && *b == raw);
    // Damaged payloads and wrong sizes are errors, never crashes.
    auto c = decompress(Compression::Lz4, lz.data(), lz.size() / 2, raw.size());
    QVERIFY(!c.ok());
    QVERIFY(!decompress(Compression::Zstd, zs.data(), zs.size() / 2, raw.size()).ok());
    QVERIFY(!decompress(Compression::Zstd, zs.data(), zs.size(), raw.size() + 10).ok());
    QVERIFY(!decompress(Compression(7), zs.data(), zs.size(), raw.size()).ok());
  }

  void missingIndexIsRebuiltByScanning() {
    QTemporaryDir dir;
    std::ifstream in(shared("vrs/sample_file.vrs"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::memset(bytes.data() + 24, 0, 8); // indexRecordOffset = 0
    fs::path p = fs::path(dir.path().toStdString()) / "noindex.vrs";
    std::ofstream(p, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    auto r = Reader::open(p);
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->records().size(), std::size_t(307));
    QVERIFY(!r->truncated());
    QVERIFY(!r->warnings().empty());
    QCOMPARE(countOf(*r, "200-1", RecordType::Data), 101u);
  }

  void unknownRecordFormatIsAnError() {
    auto r = Reader::open(shared("vrs/sample_file.vrs"));
    QVERIFY(r.ok());
    Record fake;
    fake.info = r->records({200, 1}, RecordType::Data).front();
    fake.formatVersion = 77; // no RF:Data:77 tag
    fake.payload.assign(100, 0);
    RecordDecoder dec(*r, {200, 1});
    auto d = dec.decode(fake);
    QVERIFY(!d.ok());
    QVERIFY2(d.error().find("unknown record format") != std::string::npos, d.error().c_str());
    QVERIFY(d.error().find("sample_file.vrs") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(VrsReaderTest)
#include "VrsReaderTest.moc"
