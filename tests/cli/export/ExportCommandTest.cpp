#include <QProcess>
#include <QtTest>
#include <fstream>

#include "../../core/export/ExportFixture.h"
#include "../../core/export/ReadersHelper.h"

using namespace tacit;
using nlohmann::json;

namespace {
struct Run {
  int code = -1;
  QString out, err;
};
Run cli(const QStringList &args) {
  QProcess p;
  p.start(TACIT_CLI_PATH, QStringList{"export"} + args);
  p.waitForFinished(60000);
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
} // namespace

class ExportCommandTest : public QObject {
  Q_OBJECT
  testing::ExportFixture f;
  QString project() const { return QString::fromStdString(f.projectPath.string()); }

private slots:
  void initTestCase() {
    QVERIFY(f.setUp());
    f.store.reset(); // the CLI opens the project itself (one writer at a time)
  }

  void usageErrors() {
    QCOMPARE(cli({project(), "--format", "csv", "--out", "x"}).code, 2);
    QCOMPARE(cli({project(), "--format", "robomimic-hdf5"}).code, 2); // no --out
    QCOMPARE(cli({project(), "--format", "robomimic-hdf5", "--out", "x", "--size", "480"}).code, 2);
    QCOMPARE(cli({project(), "--format", "robomimic-hdf5", "--out", "x", "--max-severity", "9"}).code, 2);
    const Run r = cli({"/nonexistent/p.tacit", "--format", "robomimic-hdf5", "--out", "x"});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("/nonexistent/p.tacit"));
  }

  void dryRunListsCandidatesAsJson() {
    const QString out = QString::fromStdString(f.out("dry"));
    const Run r = cli({project(), "--format", "lerobot-v3", "--out", out, "--dry-run", "--json"});
    QCOMPARE(r.code, 0);
    const json j = json::parse(r.out.toStdString());
    QCOMPARE(j["dry_run"].get<bool>(), true);
    QCOMPARE(int(j["candidates"].size()), 1);
    QCOMPARE(j["candidates"][0]["included"].get<bool>(), true);
    QCOMPARE(j["candidates"][0]["label"].get<std::string>(), std::string("pour water"));
    QVERIFY(!QFileInfo::exists(out));
    // Selecting a label nobody used: no candidates, nothing to export.
    const Run none = cli({project(), "--format", "lerobot-v3", "--out", out, "--labels", "step", "--dry-run"});
    QCOMPARE(none.code, 0);
    QVERIFY(none.out.contains("0 episode(s) would be exported"));
    // ... and says why, with what to do (issue #17).
    QVERIFY2(none.out.contains("no segments on track 'step' in 1 recording — label segments or use "
                               "--whole-recordings"),
             qPrintable(none.out));
    const Run track =
        cli({project(), "--format", "lerobot-v3", "--out", out, "--labels", "task,step", "--dry-run", "--json"});
    QCOMPARE(track.code, 0);
    // Candidate times are recording time (m:ss.mmm since the recording's first sample).
    const json tj = json::parse(track.out.toStdString());
    QCOMPARE(tj["candidates"][0]["recording_time"][0].get<std::string>().substr(0, 5), std::string("0:00."));
    QVERIFY(tj["explanation"].empty());
  }

  void robomimicExportAndRefusalToOverwrite() {
    const QString out = QString::fromStdString(f.out("rm"));
    Run r = cli({project(), "--format", "robomimic-hdf5", "--out", out, "--size", "96x128", "--seed", "3"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("exported 1 episode(s), 30 frames"));
    const json h5 = testing::runJsonTool(
        testing::systemPython(),
        {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py"), out + "/data.hdf5"});
    QCOMPARE(h5["datasets"]["data/demo_0/obs/front_img_1"]["shape"], json({30, 96, 128, 3}));
    std::ifstream mf((out + "/tacit_export.json").toStdString());
    const json m = json::parse(mf);
    QVERIFY(m["command"].get<std::string>().find("--seed 3") != std::string::npos);
    QCOMPARE(m["options"]["split_seed"].get<int>(), 3);

    r = cli({project(), "--format", "robomimic-hdf5", "--out", out});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("folder is not empty (use --force to replace the earlier export)"));
    r = cli({project(), "--format", "lerobot-v2.1", "--out", out, "--size", "96x128", "--force"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(out + "/meta/info.json"));
    QVERIFY(!QFileInfo::exists(out + "/data.hdf5")); // replaced, not merged
  }

  void excludedRecordingExplainsWhy() {
    {
      auto s = project::ProjectStore::open(f.projectPath);
      QVERIFY(s.ok());
      QVERIFY((*s)->addReview(f.recording.id, project::ReviewStatus::Rejected, "blurry").ok());
    }
    const Run r =
        cli({project(), "--format", "robomimic-hdf5", "--out", QString::fromStdString(f.out("x")), "--dry-run"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("exclude "));
    QVERIFY(r.out.contains("recording not approved (review status: rejected)"));
    QVERIFY(r.out.contains("none of the 1 candidate passes the gate"));
    const Run w = cli({project(), "--format", "robomimic-hdf5", "--out", QString::fromStdString(f.out("x"))});
    QCOMPARE(w.code, 1);
    QVERIFY(w.err.contains("no episode passes the export gate: none of the 1 candidate passes the gate"));
    QVERIFY2(w.err.contains("recording not approved (review status: rejected) (1 candidate)"), qPrintable(w.err));
  }
};

QTEST_GUILESS_MAIN(ExportCommandTest)
#include "ExportCommandTest.moc"
