// End to end: sample -> project -> redact a span on all streams -> approve -> consent -> export each
// format -> no exported frame (and so no IMU/hand/gaze row aligned to it) lies inside the span; then
// withdraw -> the earlier exports are listed and a new export holds none of the worker's episodes.
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include "CliHelper.h"

using namespace tacit::testing;
using nlohmann::json;

namespace {
const QStringList kFormats = {"robomimic-hdf5", "lerobot-v2.1", "lerobot-v3"};

QStringList filesUnder(const QString &dir, const QString &pattern) {
  QStringList out;
  QDirIterator it(dir, {pattern}, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext())
    out << it.next();
  out.sort();
  return out;
}
} // namespace

class ConsentExportTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_project, m_rec, m_worker;
  qint64 m_a = 0, m_b = 0; // redacted span

  QStringList exportArgs(const QString &format, const QString &out) {
    return {"export",    m_project,        "--format", format,  "--out", out, "--whole-recordings",
            "--purpose", "model_training", "--size",   "96x128"};
  }

  // Absolute device times of every exported frame, per format.
  std::vector<qint64> exportedTimes(const QString &format, const QString &out, const json &manifest) {
    std::vector<qint64> t;
    if (format == "robomimic-hdf5") {
      const QStringList h5 = filesUnder(out, "*.hdf5");
      if (h5.size() != 1)
        return t;
      const Run r = runTool(QFile::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
                            {TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py", h5[0]});
      const json j = json::parse(r.out.toStdString(), nullptr, false);
      for (const auto &[demo, arrays] : j["arrays"].items())
        for (const auto &v : arrays["timestamps_ns"])
          t.push_back(static_cast<qint64>(v.get<double>()));
      return t;
    }
    // LeRobot: timestamp (s, from the episode start) + the episode's exported range start (provenance).
    std::map<int, qint64> begin;
    for (const auto &e : manifest["episodes"])
      begin[e["index"].get<int>()] = e["exported_range_ns"][0].get<qint64>();
    for (const QString &pq : filesUnder(out + "/data", "*.parquet")) {
      const Run r = runTool("node", {TACIT_SOURCE_DIR "/tests/js/read-parquet.mjs", pq});
      const json j = json::parse(r.out.toStdString(), nullptr, false);
      for (const auto &row : j["rows"])
        t.push_back(begin[row["episode_index"].get<int>()] +
                    static_cast<qint64>(std::llround(row["timestamp"].get<double>() * 1e9)));
    }
    return t;
  }

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("p.tacit");
    m_rec = makeProject(m_dir.path(), m_project);
    QVERIFY(!m_rec.isEmpty());
    const json truth = readJson(m_dir.filePath("rec/truth.json"));
    m_worker =
        QString::fromStdString(readJson(m_dir.filePath("rec/recording.json"))["worker"]["id"].get<std::string>());
    const qint64 start = truth["video"]["first_frame_ns"].get<qint64>();
    m_a = start + 800'000'000;
    m_b = start + 1'200'000'000;
  }

  void exportsSkipTheRedactedSpan() {
    QCOMPARE(cli({"redact", m_project, "--recording", m_rec, "--start-ns", QString::number(m_a), "--end-ns",
                  QString::number(m_b), "--streams", "all", "--reason", "worker asked"})
                 .code,
             0);
    // Not approved and no consent yet: nothing exports.
    const Run none = cli(exportArgs("lerobot-v3", m_dir.filePath("none")) + QStringList{"--dry-run", "--json"});
    QCOMPARE(none.code, 0);
    QVERIFY(none.out.contains("no consent recorded"));
    QCOMPARE(cli({"review", "set", m_project, "--recording", m_rec, "--status", "approved"}).code, 0);
    QCOMPARE(
        cli({"consent", "grant", m_project, "--recording", m_rec, "--by", "Ada Worker", "--scope", "model_training"})
            .code,
        0);
    for (const QString &format : kFormats) {
      const QString out = m_dir.filePath("ds-" + format);
      const Run r = cli(exportArgs(format, out));
      QCOMPARE(r.code, 0);
      const json m = readJson(out + "/tacit_export.json");
      QVERIFY(m.is_object());
      QCOMPARE(int(m["episodes"].size()), 2); // split around the redaction
      for (const auto &e : m["episodes"]) {
        QVERIFY(!e["redaction_ids"].empty());
        const qint64 s = e["exported_range_ns"][0], en = e["exported_range_ns"][1];
        QVERIFY2(en <= m_a || s >= m_b, qPrintable(format + QString(": episode [%1,%2)").arg(s).arg(en)));
      }
      const auto times = exportedTimes(format, out, m);
      QVERIFY2(times.size() > 10, qPrintable(format));
      int inside = 0;
      for (qint64 t : times)
        inside += (t >= m_a && t < m_b);
      qInfo("%s: %d exported frames, %d inside the redacted span", qPrintable(format), int(times.size()), inside);
      QCOMPARE(inside, 0);
    }
  }

  void withdrawListsEarlierExportsAndBlocksNewOnes() {
    const Run w = cli({"consent", "withdraw", m_project, "--recording", m_rec, "--by", "Ada Worker", "--json"});
    QCOMPARE(w.code, 0);
    const json j = json::parse(w.out.toStdString());
    QCOMPARE(j["event"]["kind"].get<std::string>(), std::string("withdrawn"));
    QCOMPARE(int(j["earlier_exports"].size()), 3);
    QStringList formats;
    for (const auto &e : j["earlier_exports"]) {
      formats << QString::fromStdString(e["format"].get<std::string>());
      QVERIFY(e["manifest_found"].get<bool>());
      QCOMPARE(int(e["episodes"].size()), 2);
    }
    QCOMPARE(formats, kFormats);
    const Run text = cli({"consent", "status", m_project});
    QVERIFY(text.out.contains("withdrawn"));

    const QString out = m_dir.filePath("after");
    const Run r = cli(exportArgs("lerobot-v3", out) + QStringList{"--dry-run", "--json"});
    QCOMPARE(r.code, 0);
    const json dry = json::parse(r.out.toStdString());
    QVERIFY(r.out.contains("consent withdrawn"));
    for (const auto &c : dry["candidates"])
      QCOMPARE(c["included"].get<bool>(), false);
    // The transparency report lists where the data went.
    const QString pdf = m_dir.filePath("r.pdf");
    QCOMPARE(cli({"consent", "report", m_project, "--worker", m_worker, "--out", pdf}).code, 0);
    const Run txt = runTool("pdftotext", {pdf, "-"});
    QVERIFY(txt.out.contains("worker asked"));
    QVERIFY(txt.out.contains("lerobot-v2.1"));
  }
};

QTEST_GUILESS_MAIN(ConsentExportTest)
#include "ConsentExportTest.moc"
