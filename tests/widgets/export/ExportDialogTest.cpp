// The File → Export… dialog on a project of three generated recordings: one approved, one approved
// but flagged at severity 4, one never reviewed; every worker consented. Checks the dry-run list and
// its reasons, a real export read back with h5py, error display, and that Cancel leaves nothing.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <fstream>

#include "core/project/ProjectSession.h"
#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"
#include "core/sample/SampleGenerator.h"
#include "tests/core/export/ReadersHelper.h"
#include "widgets/export/ExportCandidateModel.h"
#include "widgets/export/ExportDialog.h"

using namespace tacit;
using nlohmann::json;

namespace {
bool stagingLeft(const QString &dir) {
  for (const auto &e : std::filesystem::directory_iterator(dir.toStdString()))
    if (e.path().filename().string().find(".tacit-export-") != std::string::npos)
      return true;
  return false;
}
} // namespace

class ExportDialogTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_project;
  project::Id m_approved = 0, m_flagged = 0, m_unreviewed = 0, m_flagId = 0;

  int rowOf(const ExportCandidateModel &m, project::Id recording) {
    for (int r = 0; r < m.rowCount(); ++r)
      if (m.candidate(r).recordingId == recording)
        return r;
    return -1;
  }
  QString outPath(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }
  template <typename T> T *child(ExportDialog &d, const char *name) {
    T *w = d.findChild<T *>(QString::fromUtf8(name));
    if (!w)
      qWarning() << "no child" << name;
    return w;
  }

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("p.tacit");
    auto store = project::ProjectStore::create(m_project.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().c_str());
    auto label = (*store)->insertLabel(project::Label{0, 0, "pour water", "#ff0000", 1, "", 0});
    QVERIFY(label.ok());
    project::Id ids[3] = {};
    for (int i = 0; i < 3; ++i) {
      const std::string folder = m_dir.filePath(QStringLiteral("rec%1").arg(i)).toStdString();
      sample::SampleOptions so;
      so.durationSec = 2.0;
      so.width = 256;
      so.height = 256;
      so.seed = static_cast<std::uint64_t>(11 + i);
      auto gen = sample::generateSample(so, folder);
      QVERIFY2(gen.ok(), gen.ok() ? "" : gen.error().c_str());
      auto src = RecordingContext::open(folder);
      QVERIFY2(src.ok(), src.ok() ? "" : src.error().c_str());
      const Timestamp start = (*src)->video()->frameTimes->front();
      auto rec = (*store)->addRecording(folder);
      QVERIFY2(rec.ok(), rec.ok() ? "" : rec.error().c_str());
      ids[i] = rec->id;
      project::Segment seg;
      seg.recordingId = rec->id;
      seg.trackId = (*store)->trackByName("task")->id;
      seg.labelId = label->id;
      seg.startNs = start + 500 * kNsPerMs;
      seg.endNs = start + 1500 * kNsPerMs;
      auto segs = (*store)->applySegmentChanges({project::SegmentChange{std::nullopt, seg}}, "add segment");
      QVERIFY(segs.ok() && !segs->empty());
      project::ConsentEvent c;
      c.kind = project::ConsentKind::Granted;
      c.workerId = rec->workerId;
      c.scope = R"({"uses":["model_training"]})";
      c.signature = "W. Orker";
      QVERIFY((*store)->appendConsent(c).ok());
    }
    m_approved = ids[0];
    m_flagged = ids[1];
    m_unreviewed = ids[2];
    QVERIFY((*store)->addReview(m_approved, project::ReviewStatus::Approved, "ok").ok());
    QVERIFY((*store)->addReview(m_flagged, project::ReviewStatus::Approved, "ok").ok());
    project::QualityFlag flag;
    flag.recordingId = m_flagged;
    flag.severity = 4;
    flag.wholeRecording = true;
    flag.note = "lens smudged";
    auto flags = (*store)->applyFlagChanges({project::FlagChange{std::nullopt, flag}}, "flag");
    QVERIFY(flags.ok() && !flags->empty());
    m_flagId = flags->front().id;
  } // the store closes here: the dialogs below open the project by path unless given a store

  void candidateListShowsEveryReason() {
    auto session = project::ProjectSession::open(m_project.toStdString());
    QVERIFY(session.ok());
    ExportDialog d(m_project, session->get());
    d.show();
    QVERIFY(d.isProjectOpen());
    ExportCandidateModel &m = *d.candidateModel();
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m.rowCount(), 3);

    const int a = rowOf(m, m_approved), f = rowOf(m, m_flagged), u = rowOf(m, m_unreviewed);
    QVERIFY(a >= 0 && f >= 0 && u >= 0);
    auto check = [&](int row) { return m.index(row, ExportCandidateModel::IncludedColumn).data(Qt::CheckStateRole); };
    QCOMPARE(check(a), QVariant(Qt::Checked));
    QCOMPARE(check(f), QVariant(Qt::Unchecked));
    QCOMPARE(check(u), QVariant(Qt::Unchecked));
    QCOMPARE(m.reasonText(a), QString());
    QCOMPARE(m.index(f, ExportCandidateModel::ReasonColumn).data().toString(),
             QStringLiteral("flag #%1 (other, severity 4) covers the whole recording").arg(m_flagId));
    QCOMPARE(m.index(u, ExportCandidateModel::ReasonColumn).data().toString(),
             QStringLiteral("recording not approved (review status: unreviewed)"));
    QCOMPARE(m.index(a, ExportCandidateModel::LabelColumn).data().toString(), QStringLiteral("pour water"));
    QCOMPARE(m.episodeCount(), 1);

    // Raising the severity threshold past the flag lets that recording through.
    child<QSpinBox>(d, "maxSeverity")->setValue(5);
    QCOMPARE(check(rowOf(m, m_flagged)), QVariant(Qt::Checked));
    QCOMPARE(m.episodeCount(), 2);
    child<QSpinBox>(d, "maxSeverity")->setValue(3);
    QCOMPARE(m.episodeCount(), 1);
    // A label nothing has: every candidate gone, Export disabled.
    child<QLineEdit>(d, "labels")->setText("no such label");
    QCOMPARE(m.rowCount(), 0);
    // ... and the dialog says why and what to do (issue #17).
    const QString summary = child<QLabel>(d, "summary")->text();
    QVERIFY2(summary.contains("no segments on track or label 'no such label' in 3 recordings — label segments or "
                              "use --whole-recordings"),
             qPrintable(summary));
    QVERIFY(!child<QPushButton>(d, "exportButton")->isEnabled());
    child<QLineEdit>(d, "labels")->setText("task");
    QCOMPARE(m.rowCount(), 3);

    // A non-empty destination is named in the dialog and refused until "replace" is ticked.
    const QString busy = outPath("busy");
    QVERIFY(QDir().mkpath(busy));
    QFile junk(busy + "/keep.txt");
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("x");
    junk.close();
    child<QLineEdit>(d, "output")->setText(busy);
    QVERIFY2(d.messageText().contains(busy) && d.messageText().contains("not empty"), qPrintable(d.messageText()));
    QVERIFY(!child<QPushButton>(d, "exportButton")->isEnabled());
    QVERIFY(!d.startExport());
    // "Replace" only ever replaces an earlier export (its tacit_export.json), never another folder.
    child<QCheckBox>(d, "force")->setChecked(true);
    QVERIFY2(d.messageText().contains("left alone"), qPrintable(d.messageText()));
    QVERIFY(!child<QPushButton>(d, "exportButton")->isEnabled());
    QFile marker(busy + "/tacit_export.json");
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write("{\n  \"tool\": \"tacit\"\n}\n");
    marker.close();
    child<QCheckBox>(d, "force")->setChecked(false);
    child<QCheckBox>(d, "force")->setChecked(true);
    QVERIFY(child<QPushButton>(d, "exportButton")->isEnabled());
  }

  void exportsAReadableDataset() {
    ExportDialog d(m_project); // opens the project itself (nobody else holds it)
    d.show();
    QVERIFY2(d.isProjectOpen(), qPrintable(d.messageText()));
    const QString out = outPath("robomimic");
    child<QLineEdit>(d, "output")->setText(out);
    child<QSpinBox>(d, "height")->setValue(96);
    child<QSpinBox>(d, "width")->setValue(128);
    QSignalSpy done(&d, &ExportDialog::exportFinished);
    QVERIFY(child<QPushButton>(d, "exportButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(d, "exportButton"), Qt::LeftButton);
    QVERIFY(d.isRunning());
    QVERIFY(child<QPushButton>(d, "cancelButton")->isEnabled());
    QVERIFY(!child<QLineEdit>(d, "output")->isEnabled());
    QVERIFY(done.wait(120000));
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QVERIFY(!d.isRunning());
    QVERIFY(d.messageText().contains("Exported 1 episode(s), 30 frames"));
    QCOMPARE(child<QProgressBar>(d, "progress")->value(), child<QProgressBar>(d, "progress")->maximum());
    QVERIFY(!stagingLeft(m_dir.path()));

    const json h5 = testing::runJsonTool(
        testing::systemPython(),
        {QStringLiteral(TACIT_SOURCE_DIR "/tests/core/export/inspect_hdf5.py"), out + "/data.hdf5"});
    QVERIFY(!h5.is_null());
    QCOMPARE(h5["datasets"]["data/demo_0/obs/front_img_1"]["shape"], json({30, 96, 128, 3}));
    QVERIFY(!h5["datasets"].contains("data/demo_1/obs/front_img_1")); // the flagged and unreviewed stay home
    QCOMPARE(h5["attrs"]["data/demo_0"]["language"].get<std::string>(), std::string("pour water"));

    // The manifest names the approved recording; the project records the export with its SHA-256.
    QFile mf(out + "/tacit_export.json");
    QVERIFY(mf.open(QIODevice::ReadOnly));
    const QByteArray manifestBytes = mf.readAll();
    const json manifest = json::parse(manifestBytes.toStdString());
    QCOMPARE(manifest["episodes"].size(), std::size_t(1));
    QCOMPARE(manifest["episodes"][0]["project_recording_id"].get<project::Id>(), m_approved);
    QVERIFY(d.lastReport().has_value());
    const std::string sha = QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256).toHex().toStdString();
    QCOMPARE(d.lastReport()->manifestSha256, sha);
  }

  void exportIsRecordedInTheProject() {
    auto store = project::ProjectStore::open(m_project.toStdString());
    QVERIFY(store.ok());
    auto exports = (*store)->exports();
    QVERIFY(exports.ok());
    QCOMPARE(exports->size(), std::size_t(1));
    QFile mf(outPath("robomimic") + "/tacit_export.json");
    QVERIFY(mf.open(QIODevice::ReadOnly));
    QCOMPARE(exports->front().manifestHash,
             QCryptographicHash::hash(mf.readAll(), QCryptographicHash::Sha256).toHex().toStdString());
    QCOMPARE(exports->front().items.size(), std::size_t(1));
    QCOMPARE(exports->front().items[0].recordingId, m_approved);
  }

  void unwritableDestinationIsShown() {
    ExportDialog d(m_project);
    QFile file(outPath("a-file"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString out = outPath("a-file") + "/dataset"; // its parent is a file: cannot be created
    child<QLineEdit>(d, "output")->setText(out);
    QSignalSpy done(&d, &ExportDialog::exportFinished);
    QVERIFY(d.startExport());
    QVERIFY(done.wait(60000));
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY2(d.messageText().contains(outPath("a-file")), qPrintable(d.messageText()));
    QVERIFY(!QFileInfo::exists(out));
  }

  void cancelLeavesNoPartialDataset() {
    ExportDialog d(m_project);
    d.show();
    const QString out = outPath("cancelled");
    child<QComboBox>(d, "format")->setCurrentText("lerobot-v2.1");
    child<QLineEdit>(d, "output")->setText(out);
    child<QSpinBox>(d, "height")->setValue(96);
    child<QSpinBox>(d, "width")->setValue(128);
    // Hold the worker inside its first progress report (frames are being written into the staging
    // folder) until Cancel has been pressed, so the cancel lands mid-export every time.
    QSemaphore release;
    std::atomic<bool> reached{false};
    d.setWorkerProgressProbe([&](double) {
      if (!reached.exchange(true))
        release.tryAcquire(1, 60000);
    });
    QSignalSpy done(&d, &ExportDialog::exportFinished);
    QTest::mouseClick(child<QPushButton>(d, "exportButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(reached.load(), 60000);
    QVERIFY(stagingLeft(m_dir.path())); // partial data exists right now
    QTest::mouseClick(child<QPushButton>(d, "cancelButton"), Qt::LeftButton);
    release.release();
    QVERIFY(done.wait(60000));
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY2(d.messageText().contains("cancelled"), qPrintable(d.messageText()));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(!stagingLeft(m_dir.path()));
    QVERIFY(child<QPushButton>(d, "exportButton")->isEnabled()); // ready to try again
  }
};

QTEST_MAIN(ExportDialogTest)
#include "ExportDialogTest.moc"
