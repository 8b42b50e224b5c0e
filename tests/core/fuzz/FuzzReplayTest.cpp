// Replays every fuzz harness (fuzz/fuzz_*.cpp, the same code libFuzzer runs) over fuzz/seeds/<harness>
// and tests/data/fuzz/<harness> (inputs that once crashed, leaked or hung a harness). A harness
// checks its own contract and aborts on a violation, so a regression fails this test by crashing it.
#include <QDir>
#include <QFile>
#include <QTest>
#include <cstdint>
#include <map>

#define TACIT_DECLARE_HARNESS(h)                                                                                       \
  extern "C" int tacitFuzzOne_##h(const std::uint8_t *, std::size_t);                                                  \
  extern "C" int tacitFuzzInit_##h(int *, char ***);
TACIT_DECLARE_HARNESS(recording_json)
TACIT_DECLARE_HARNESS(calibration_json)
TACIT_DECLARE_HARNESS(labels_json)
TACIT_DECLARE_HARNESS(labels_csv)
TACIT_DECLARE_HARNESS(taxonomy_json)
TACIT_DECLARE_HARNESS(aria_calibration)
TACIT_DECLARE_HARNESS(egodex_hdf5)
TACIT_DECLARE_HARNESS(vrs)
TACIT_DECLARE_HARNESS(series_csv)
TACIT_DECLARE_HARNESS(frame_index)
TACIT_DECLARE_HARNESS(frame_index_cache)

namespace {

struct Harness {
  int (*one)(const std::uint8_t *, std::size_t);
  int (*init)(int *, char ***);
  bool initialised = false;
};

std::map<QString, Harness> &harnesses() {
#define TACIT_HARNESS(h)                                                                                               \
  {                                                                                                                    \
    QStringLiteral(#h), Harness {                                                                                      \
      &tacitFuzzOne_##h, &tacitFuzzInit_##h                                                                            \
    }                                                                                                                  \
  }
  static std::map<QString, Harness> all{TACIT_HARNESS(recording_json),   TACIT_HARNESS(calibration_json),
                                        TACIT_HARNESS(labels_json),      TACIT_HARNESS(labels_csv),
                                        TACIT_HARNESS(taxonomy_json),    TACIT_HARNESS(aria_calibration),
                                        TACIT_HARNESS(egodex_hdf5),      TACIT_HARNESS(vrs),
                                        TACIT_HARNESS(series_csv),       TACIT_HARNESS(frame_index),
                                        TACIT_HARNESS(frame_index_cache)};
  return all;
}

} // namespace

class FuzzReplayTest : public QObject {
  Q_OBJECT
private slots:
  void everyHarnessIsListed() {
    const QStringList cmake = QStringLiteral(TACIT_FUZZ_HARNESSES).split(QLatin1Char(','));
    QCOMPARE(int(harnesses().size()), int(cmake.size()));
    for (const QString &h : cmake)
      QVERIFY2(harnesses().count(h), qPrintable(h));
  }

  void replay_data() {
    QTest::addColumn<QString>("harness");
    QTest::addColumn<QString>("file");
    int inputs = 0;
    for (const auto &[name, harness] : harnesses())
      for (const QString &root :
           {QStringLiteral(TACIT_SOURCE_DIR "/fuzz/seeds/"), QStringLiteral(TACIT_TEST_DATA_DIR "/fuzz/")}) {
        const QDir dir(root + name);
        for (const QString &f : dir.entryList(QDir::Files)) {
          if (f == QLatin1String("SOURCES.md"))
            continue;
          QTest::newRow(qPrintable(name + QLatin1Char('/') + f)) << name << dir.filePath(f);
          ++inputs;
        }
      }
    QVERIFY(inputs > 0);
  }

  void replay() {
    QFETCH(QString, harness);
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    Harness &h = harnesses().at(harness);
    if (!h.initialised) {
      int argc = 0;
      char **argv = nullptr;
      QCOMPARE(h.init(&argc, &argv), 0);
      h.initialised = true;
    }
    QCOMPARE(h.one(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())), 0);
  }
};

QTEST_GUILESS_MAIN(FuzzReplayTest)
#include "FuzzReplayTest.moc"
