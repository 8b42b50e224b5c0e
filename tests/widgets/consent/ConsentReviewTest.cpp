// The worker consent review window on a small sample: only the worker's recordings, remove/blur
// edits reach the project and the summary, consent needs scopes and a typed name.
#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

#include "core/consent/ConsentLedger.h"
#include "core/sample/SampleGenerator.h"
#include "core/sample/SampleOptions.h"
#include "widgets/consent/ConsentReviewWindow.h"

using namespace tacit;

class ConsentReviewTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_project;
  std::string m_worker;

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    sample::SampleOptions o;
    o.durationSec = 1.0;
    o.width = 256;
    o.height = 192;
    const std::string rec = m_dir.filePath("rec").toStdString();
    auto g = sample::generateSample(o, rec);
    QVERIFY2(g.ok(), g.ok() ? "" : g.error().c_str());
    m_project = m_dir.filePath("p.tacit");
    auto store = project::ProjectStore::create(m_project.toStdString());
    QVERIFY(store.ok());
    auto added = (*store)->addRecording(rec);
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().c_str());
    m_worker = added->workerId;
    // Another worker's recording must not show up.
    project::RecordingRecord other;
    other.uuid = "someone-else";
    other.relativePath = "elsewhere";
    other.workerId = "other-worker";
    QVERIFY((*store)->insertRecordingRecord(other).ok());
    project::Redaction r;
    r.recordingId = added->id;
    r.startNs = 1;
    r.endNs = r.startNs + 1000;
    r.reason = "operator cut a private moment";
    QVERIFY((*store)->addRedaction(r).ok());
  }

  void summaryListsRedactionsAndEditsWork() {
    ConsentReviewWindow w(m_project, QString::fromStdString(m_worker));
    QVERIFY2(w.isOpen(), qPrintable(w.errorText()));
    w.resize(1000, 700);
    w.show();
    QCOMPARE(w.recordingCount(), 1);
    QVERIFY(w.summaryText().contains("operator cut a private moment"));
    QVERIFY(w.summaryText().contains("Removed"));

    // Remove this part: mark in at frame 2, out at frame 5.
    QVERIFY(w.seekFrame(2));
    w.markIn();
    QVERIFY(w.seekFrame(5));
    w.markOut();
    QSignalSpy changed(&w, &ConsentReviewWindow::redactionsChanged);
    QVERIFY(w.removeMarkedPart("my phone screen"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(w.summaryText().contains("my phone screen"));
    QVERIFY(!w.removeMarkedPart("again")); // marks are consumed

    QVERIFY(w.blurBox(QRectF(0.1, 0.1, 0.3, 0.3), "a colleague"));
    QVERIFY(w.summaryText().contains("Blurred"));
    w.setSpeed(8.0);
    QCOMPARE(w.speed(), 8.0);
    w.setSpeed(50.0);
    QCOMPARE(w.speed(), 8.0);

    QVERIFY(!w.recordConsent({"model_training"}, "  ")); // the typed name is the signature
    QVERIFY(!w.recordConsent({}, "Ada Worker"));
    QVERIFY(w.recordConsent({"model_training", "internal_research"}, "Ada Worker"));
    QVERIFY(w.summaryText().contains("Ada Worker"));
  }

  void storedInTheProject() {
    auto store = project::ProjectStore::open(m_project.toStdString());
    QVERIFY(store.ok());
    auto rec = consent::recordingConsent(**store, m_worker);
    QVERIFY(rec.ok());
    QCOMPARE(rec->front().state, std::string("granted"));
    auto reds = (*store)->redactions(rec->front().recording.id);
    QCOMPARE(int(reds->size()), 3);
    int spatial = 0;
    for (const auto &r : *reds)
      spatial += !r.boxes.empty();
    QCOMPARE(spatial, 1);
  }

  void unknownWorkerShowsNothing() {
    ConsentReviewWindow w(m_project, "nobody");
    QCOMPARE(w.recordingCount(), 0);
    QVERIFY(w.errorText().contains("nobody"));
  }
};

QTEST_MAIN(ConsentReviewTest)
#include "ConsentReviewTest.moc"
