// Issue #15, the scripted end-to-end workflow in the real main window with real keys and mouse:
// a new project, two recordings (a generated native one and a plain video imported without a
// worker), three labelled segments, split, undo/redo, an edge drag, a flag, Approve (with the
// warning for a flag at the export severity), Reject with a reason (an empty one keeps the dialog
// open), the imported video's worker edited in the Recordings table, export through the export
// dialog — then the project is reopened and `tacit-cli labels export` must give the same answer.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"
#include "tests/widgets/operator/OperatorTestSupport.h"

#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <nlohmann/json.hpp>

#include "core/import/VideoImporter.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "core/project/TaxonomyModel.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/annotation/FlagDialog.h"
#include "widgets/annotation/LabelPicker.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/export/ExportCandidateModel.h"
#include "widgets/export/ExportDialog.h"
#include "widgets/project/RecordingsPanel.h"
#include "widgets/project/RejectReasonDialog.h"

using namespace tacit;
using optest::key;
using optest::type;

namespace {
QByteArray labelsExport(const QString &project) {
  QProcess cli;
  cli.start(QStringLiteral(TACIT_CLI_PATH), {QStringLiteral("labels"), QStringLiteral("export"), project});
  if (!cli.waitForFinished(60000) || cli.exitCode() != 0)
    return "tacit-cli failed: " + cli.readAllStandardError();
  return cli.readAllStandardOutput();
}
} // namespace

class WorkflowTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_projectPath, m_videoFolder;
  std::unique_ptr<MainWindow> m_window;
  project::Id m_native = 0, m_video = 0;

  project::ProjectSession *session() { return m_window->project(); }
  project::AnnotationDocument *doc() { return session()->document(); }
  TimelineWidget *timeline() { return m_window->timeline(); }
  Timestamp frame(qint64 i) { return *m_window->session()->timeOfFrame(i); }
  void goToFrame(int i) {
    key(Qt::Key_Home);
    for (int k = 0; k < i; ++k)
      key(Qt::Key_Right);
  }
  // I, O, Enter, a label name typed (new or the start of an existing one), Enter.
  bool labelSpan(int in, int out, const QString &typed) {
    goToFrame(in);
    key(Qt::Key_I);
    for (int k = in; k < out; ++k)
      key(Qt::Key_Right);
    key(Qt::Key_O);
    key(Qt::Key_Return);
    LabelPicker *picker = m_window->annotationController()->labelPicker();
    if (!picker || !QTest::qWaitFor([picker] { return picker->filterEdit()->hasFocus(); }))
      return false;
    type(typed);
    key(Qt::Key_Return);
    return QTest::qWaitFor([this] { return !m_window->annotationController()->labelPicker(); });
  }
  bool openRecording(project::Id id) {
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    if (!m_window->projects().openRecording(id) || !opened.wait(30000))
      return false;
    return QTest::qWaitFor([&] { return m_window->session()->framesSettled() && session()->document(); }, 20000);
  }
  const project::Label *label(const char *name) {
    const project::Id id = session()->taxonomy()->findLabel(0, name);
    return session()->taxonomy()->label(id);
  }

private slots:
  void initTestCase() {
    QString error;
    const QString sample = guitest::makeSample(m_dir, &error, 3.0);
    QVERIFY2(!sample.isEmpty(), qPrintable(error));
    // A plain video, made with the ffmpeg CLI, imported without any worker.
    const QString mp4 = m_dir.filePath(QStringLiteral("phone.mp4"));
    QCOMPARE(
        QProcess::execute(QStringLiteral("ffmpeg"), {"-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                                                     "-t", "2", "-pix_fmt", "yuv420p", "-y", mp4}),
        0);
    import::VideoImportOptions vo;
    vo.video = mp4.toStdString();
    vo.out = m_dir.filePath(QStringLiteral("phone")).toStdString();
    auto imported = import::importVideo(vo);
    QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().c_str());
    m_videoFolder = QString::fromStdString(imported->folder.string());

    m_window = guitest::openInWindow(sample, &error, guitest::Focus::Active);
    QVERIFY2(m_window, qPrintable(error));
    m_projectPath = m_dir.filePath(QStringLiteral("study.tacit"));
    QVERIFY(m_window->projects().newProject(m_projectPath)); // takes the open recording
    QVERIFY(m_window->projects().addRecordings(m_videoFolder));
    QCOMPARE(session()->recordings()->rowCount(), 2);
    m_native = session()->currentRecordingId();
    m_video = session()->recordingAt(m_videoFolder.toStdString());
    QVERIFY(m_native && m_video && m_native != m_video);
    QVERIFY(session()->store().recording(m_video)->workerId.empty());
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void labelSplitUndoDragFlag() {
    optest::clickTimelineAt(timeline(), frame(1)); // keys to the timeline
    QVERIFY(labelSpan(5, 20, QStringLiteral("Reach")));
    QVERIFY(labelSpan(25, 45, QStringLiteral("Pour")));
    QVERIFY(labelSpan(50, 70, QStringLiteral("rea"))); // type-ahead: the existing "Reach"
    QCOMPARE(session()->taxonomy()->labels().size(), std::size_t(2));
    QCOMPARE(doc()->segments().size(), std::size_t(3));
    const project::Id reach = label("Reach")->id, pour = label("Pour")->id;
    QCOMPARE(label("Reach")->key, 1);
    QCOMPARE(label("Pour")->key, 2);
    QVERIFY(label("Reach")->colour != label("Pour")->colour);
    int reaches = 0;
    for (const auto &s : doc()->segments())
      reaches += s.labelId == reach;
    QCOMPARE(reaches, 2);

    // Split the "Pour" segment at frame 35 (S), undo, redo.
    goToFrame(35);
    key(Qt::Key_S);
    QCOMPARE(doc()->segments().size(), std::size_t(4));
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc()->segments().size(), std::size_t(3));
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(doc()->segments().size(), std::size_t(4));
    for (const auto &s : doc()->segments())
      if (s.startNs == frame(35))
        QCOMPARE(s.labelId, pour);

    // Drag the first segment's end edge two frames right: one undo step.
    const project::Segment first = doc()->segmentsOnTrack(doc()->segments().front().trackId).front();
    const QRect lane = timeline()->trackLaneRect(first.trackId);
    const QPoint edge(int(timeline()->xOf(first.endNs)) - 1, lane.center().y());
    const QPoint to(int(timeline()->xOf(frame(23))), lane.center().y());
    QTest::mousePress(timeline(), Qt::LeftButton, {}, edge);
    for (int x = edge.x(); x <= to.x(); x += 4) {
      QMouseEvent move(QEvent::MouseMove, QPointF(x, to.y()), timeline()->mapToGlobal(QPointF(x, to.y())), Qt::NoButton,
                       Qt::LeftButton, Qt::NoModifier);
      QCoreApplication::sendEvent(timeline(), &move);
    }
    QTest::mouseRelease(timeline(), Qt::LeftButton, {}, to);
    QCOMPARE(doc()->segment(first.id)->endNs, frame(23));
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc()->segment(first.id)->endNs, first.endNs);
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(doc()->segment(first.id)->endNs, frame(23));

    // Shift+F flags the selected segment; the dialog takes the keys, Enter accepts (severity 2).
    timeline()->setSelectedSegment(first.id);
    key(Qt::Key_F, Qt::ShiftModifier);
    FlagDialog *flag = m_window->annotationController()->flagDialog();
    QVERIFY(flag);
    QTRY_VERIFY(flag->isVisible() && QApplication::focusWidget() && QApplication::focusWidget()->window() == flag);
    type(QStringLiteral("slightly shaky"));
    key(Qt::Key_Return);
    QTRY_COMPARE(doc()->flags().size(), std::size_t(1));
    QCOMPARE(doc()->flags().front().severity, 2);
    QCOMPARE(doc()->flags().front().startNs, first.startNs);
  }

  void approveWarnsAboutFlagsAtTheExportSeverity() {
    // A severity-3 flag (the export's default threshold): Approve asks first; Cancel keeps it unreviewed.
    QVERIFY(doc()->addFlag(project::FlagReason::MotionBlur, 3, std::nullopt, "blurry start").ok());
    m_window->projects().recordingsPanel()->selectRecording(m_native);
    key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("approveWarning"))) && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("severity 3")));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(session()->store().recording(m_native)->status, project::ReviewStatus::Unreviewed);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get())); // the box gave the keys back to the window
    // Without that flag, Approve goes straight through.
    key(Qt::Key_Z, Qt::ControlModifier); // removes the severity-3 flag
    QCOMPARE(doc()->flags().size(), std::size_t(1));
    key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(session()->store().recording(m_native)->status, project::ReviewStatus::Approved);
  }

  void rejectNeedsAReasonAndTheVideoGetsAWorker() {
    QVERIFY(openRecording(m_video));
    QCOMPARE(session()->currentRecordingId(), m_video);
    // A segment on the imported video too.
    optest::clickTimelineAt(timeline(), frame(1));
    QVERIFY(labelSpan(10, 40, QStringLiteral("pou")));
    QCOMPARE(doc()->segments().size(), std::size_t(1));
    // Reject: an empty reason keeps the dialog open, a typed one rejects.
    key(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    RejectReasonDialog *reject = nullptr;
    QTRY_VERIFY((reject = m_window->findChild<RejectReasonDialog *>()) && reject->reasonEdit()->hasFocus());
    key(Qt::Key_Return);
    QVERIFY(reject->isVisible());
    QCOMPARE(session()->store().recording(m_video)->status, project::ReviewStatus::Unreviewed);
    type(QStringLiteral("hands out of view"));
    key(Qt::Key_Return);
    QTRY_COMPARE(session()->store().recording(m_video)->status, project::ReviewStatus::Rejected);
    QCOMPARE(session()->store().reviewHistory(m_video)->back().reason, std::string("hands out of view"));

    // The worker of the imported video, typed into the Recordings table (double-click the cell).
    RecordingsPanel *panel = m_window->projects().recordingsPanel();
    QTableView *view = panel->view();
    auto *proxy = view->model();
    int row = -1;
    for (int r = 0; r < proxy->rowCount(); ++r)
      if (proxy->index(r, 0).data(project::RecordingListModel::IdRole).value<project::Id>() == m_video)
        row = r;
    QVERIFY(row >= 0);
    const QModelIndex cell = proxy->index(row, project::RecordingListModel::WorkerColumn);
    view->scrollTo(cell);
    const QPoint at = view->visualRect(cell).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("ben"));
    key(Qt::Key_Return);
    QTRY_COMPARE(session()->store().recording(m_video)->workerId, std::string("ben"));
    // Undoable like every edit.
    session()->undoStack()->undo();
    QCOMPARE(session()->store().recording(m_video)->workerId, std::string());
    session()->undoStack()->redo();
    QCOMPARE(session()->store().recording(m_video)->workerId, std::string("ben"));
    // Approve it after all (its reason is in the history).
    optest::clickTimelineAt(timeline(), frame(1));
    key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(session()->store().recording(m_video)->status, project::ReviewStatus::Approved);
  }

  void exportThroughTheDialog() {
    // Both workers consent (what the worker consent review records).
    for (const project::Id id : {m_native, m_video}) {
      project::ConsentEvent c;
      c.kind = project::ConsentKind::Granted;
      c.workerId = session()->store().recording(id)->workerId;
      c.recordingId = id;
      c.scope = R"({"uses":["model_training"]})";
      c.signature = "signed";
      QVERIFY(session()->store().appendConsent(c).ok());
    }
    ExportDialog d(m_projectPath, session(), m_window.get());
    d.show();
    QVERIFY(d.isProjectOpen());
    d.findChild<QLineEdit *>(QStringLiteral("output"))->setText(m_dir.filePath(QStringLiteral("dataset")));
    ExportCandidateModel *m = d.candidateModel();
    QCOMPARE(m->rowCount(), 5); // four segments of the native recording, one of the video
    QCOMPARE(m->episodeCount(), 5);
    // Episodes are numbered 1..n, never by database id.
    QCOMPARE(m->index(0, ExportCandidateModel::EpisodeColumn).data().toString(), QStringLiteral("1"));
    QSignalSpy finished(&d, &ExportDialog::exportFinished);
    QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(d.lastReport()->episodes.size(), std::size_t(5));
    bool videoExported = false;
    for (const auto &e : d.lastReport()->episodes)
      videoExported = videoExported || e.gate.recordingId == m_video;
    QVERIFY(videoExported);
    QVERIFY(d.findChild<QPushButton *>(QStringLiteral("openFolderButton"))->isVisible());
    d.close();
  }

  void reopenedProjectMatchesTheCli() {
    const QByteArray live = labelsExport(m_projectPath); // read-only next to the open window
    QVERIFY2(live.startsWith('{'), live.constData());
    const auto j = nlohmann::json::parse(live.toStdString());
    m_window->projects().closeProject();
    QVERIFY(!m_window->project());
    QVERIFY(m_window->projects().openProject(m_projectPath));
    QCOMPARE(session()->recordings()->rowCount(), 2);
    QCOMPARE(session()->store().recording(m_video)->workerId, std::string("ben"));
    QCOMPARE(session()->store().allSegments()->size(), std::size_t(5));
    QCOMPARE(session()->store().allFlags()->size(), std::size_t(1));
    QCOMPARE(session()->store().exports()->size(), std::size_t(1));
    m_window->projects().closeProject();
    QCOMPARE(labelsExport(m_projectPath), live);
    QVERIFY(j.dump().find("hands out of view") != std::string::npos);
  }
};

TACIT_GUI_TEST_MAIN(WorkflowTest)
#include "WorkflowTest.moc"
