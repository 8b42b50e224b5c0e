// Issue 13 "Must show": with a +200 ms video offset set in the Offsets tab and saved in the project,
// a segment created in the window after a restart (project reopened) exports exactly the frames the
// window showed for its span (frame codes read back from the exported video with the ffmpeg CLI), and
// the exported sensors are sampled where the window showed them. The offset edit is undoable.
#include "tests/widgets/GuiTestSupport.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QUndoStack>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/export/EpisodeAligner.h"
#include "core/export/ExportRunner.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectRecording.h"
#include "core/project/ProjectSession.h"
#include "core/sample/FrameCode.h"
#include "core/time/TimeControl.h"
#include "tests/widgets/MainWindowFixture.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/annotation/LabelPicker.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/OffsetEditor.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/video/VideoView.h"

using namespace tacit;
namespace fs = std::filesystem;

namespace {
constexpr Timestamp kVideoOffset = 200 * kNsPerMs;
} // namespace

class OffsetExportTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_projectPath;
  project::Id m_recording = 0;
  std::unique_ptr<MainWindow> m_window;

  project::ProjectSession *session() const { return m_window->project(); }
  bool waitSettled() {
    return QTest::qWaitFor([&] { return m_window->session() && m_window->session()->framesSettled(); }, 20000);
  }
  std::optional<std::uint32_t> shownCode() const { return sample::readFrameCode(m_window->videoView()->image()); }

  // A fresh window (a restart) with the project open and its recording loaded, series included.
  bool startWindow() {
    m_window.reset();
    QCoreApplication::processEvents();
    MainWindow::Options o;
    o.restoreSettings = false;
    m_window = std::make_unique<MainWindow>(o);
    m_window->resize(1400, 900);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()) || !m_window->projects().openProject(m_projectPath))
      return false;
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    if (!m_window->projects().openRecording(m_recording) || !opened.wait(30000))
      return false;
    return waitSettled() &&
           QTest::qWaitFor([&] { return m_window->session() && m_window->session()->seriesLoaded(); }, 30000);
  }
  QDoubleSpinBox *videoOffsetSpin() const {
    // Rows follow RecordingSession::offsetStreams(): the video first.
    const auto spins = m_window->offsetEditor()->findChildren<QDoubleSpinBox *>();
    return spins.isEmpty() ? nullptr : spins.front();
  }

private slots:
  void initTestCase() {
    QString error;
    const QString folder = guitest::makeSample(m_dir, &error);
    QVERIFY2(!folder.isEmpty(), qPrintable(error));
    // Without calibration the export only resizes frames (here to their own size), so the frame codes
    // burned into the pictures survive into the exported video.
    const fs::path rec = folder.toStdString();
    nlohmann::json j;
    std::ifstream(rec / "recording.json") >> j;
    j.erase("calibration");
    for (auto &s : j["streams"])
      s.erase("camera");
    std::ofstream(rec / "recording.json", std::ios::trunc) << j.dump(2);

    m_projectPath = m_dir.filePath(QStringLiteral("offsets.tacit"));
    auto store = project::ProjectStore::create(m_projectPath.toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().c_str());
    auto added = (*store)->addRecording(rec);
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().c_str());
    m_recording = added->id;
    QVERIFY((*store)->insertLabel(project::Label{0, 0, "pour water", "#ff0000", 1, "", 0}).ok());
    QVERIFY((*store)->addReview(m_recording, project::ReviewStatus::Approved, "ok").ok());
    project::ConsentEvent c;
    c.kind = project::ConsentKind::Granted;
    c.workerId = added->workerId;
    c.scope = R"({"uses":["model_training"]})";
    c.signature = "W. Orker";
    QVERIFY((*store)->appendConsent(c).ok());
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void offsetIsSavedAndUndoable() {
    QVERIFY(startWindow());
    QDoubleSpinBox *spin = videoOffsetSpin();
    QVERIFY(spin);
    m_window->findChild<QDockWidget *>(QStringLiteral("dock.offsets"))->raise();
    QTRY_VERIFY(spin->isVisible());
    // Type +200 ms into the video's row.
    QTest::mouseClick(spin, Qt::LeftButton);
    QTRY_VERIFY(spin->hasFocus());
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("200"));
    QTest::keyClick(spin, Qt::Key_Return);
    const std::string video = m_window->session()->recording().video()->id;
    QTRY_COMPARE(session()->store().streamOffsets(m_recording)->count(video), std::size_t(1));
    QCOMPARE(session()->store().streamOffsets(m_recording)->at(video), kVideoOffset);
    QCOMPARE(m_window->session()->userOffset(video), kVideoOffset);
    // Undo and redo go through the project's stack and move the views and the editor with it.
    m_window->actions().action(QStringLiteral("edit.undo"))->trigger();
    QCOMPARE(session()->store().streamOffsets(m_recording)->count(video), std::size_t(0));
    QCOMPARE(m_window->session()->userOffset(video), Timestamp(0));
    QCOMPARE(m_window->offsetEditor()->offset(video), Timestamp(0));
    m_window->actions().action(QStringLiteral("edit.redo"))->trigger();
    QCOMPARE(m_window->session()->userOffset(video), kVideoOffset);
    QCOMPARE(m_window->offsetEditor()->offset(video), kVideoOffset);
  }

  void segmentAfterRestartExportsTheFramesShown() {
    QVERIFY(startWindow()); // restart: the offset comes back from the project
    RecordingSession *s = m_window->session();
    const std::string video = s->recording().video()->id;
    const std::string imu = s->recording().series().imuId;
    QCOMPARE(s->userOffset(video), kVideoOffset);
    QCOMPARE(m_window->offsetEditor()->offset(video), kVideoOffset);
    QCOMPARE(videoOffsetSpin()->value(), 200.0);
    // The rule: the video keeps the timeline, the sensors move against it.
    const Timestamp imuOffset = m_window->timeControl().streamOffset(imu);
    QCOMPARE(imuOffset, s->recording().manifest().stream(imu)->timeOffsetNs - kVideoOffset);

    // I at frame 10, O at frame 29, Enter, Enter in the picker: a segment on the task track.
    TimelineWidget *timeline = m_window->timeline();
    timeline->setFocus();
    m_window->timeControl().setTime(*s->timeOfFrame(10));
    QVERIFY(waitSettled());
    QTest::keyClick(timeline, Qt::Key_I);
    m_window->timeControl().setTime(*s->timeOfFrame(29));
    QVERIFY(waitSettled());
    QTest::keyClick(timeline, Qt::Key_O);
    QTest::keyClick(timeline, Qt::Key_Return);
    project::AnnotationDocument *doc = session()->document();
    QVERIFY(doc);
    LabelPicker *picker = m_window->annotationController()->labelPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    QTest::keyClick(picker->filterEdit(), Qt::Key_Return); // segment and label: one step
    QCOMPARE(doc->segments().size(), std::size_t(1));
    const project::Segment seg = doc->segments().front();
    QVERIFY(seg.labelId != 0);

    // What the window shows over the segment, frame by frame (Right arrow steps).
    m_window->timeControl().setTime(seg.startNs);
    QVERIFY(waitSettled());
    std::vector<std::uint32_t> shown;
    while (m_window->timeControl().time() < seg.endNs) {
      const auto code = shownCode();
      QVERIFY(code);
      shown.push_back(*code);
      QTest::keyClick(m_window.get(), Qt::Key_Right);
      QVERIFY(waitSettled());
      if (m_window->session()->currentFrame() + 1 >= m_window->session()->frameCount())
        break;
    }
    QCOMPARE(shown.size(), std::size_t(20));
    QCOMPARE(shown.front(), 10u);

    // Export the project (LeRobot v2.1 at the source's size and rate) and read the codes back.
    exporting::ExportOptions opt;
    opt.format = exporting::ExportFormat::LeRobotV21;
    opt.out = fs::path(m_dir.filePath(QStringLiteral("export")).toStdString());
    opt.width = s->recording().video()->width;
    opt.height = s->recording().video()->height;
    auto report = exporting::runExport(session()->store(), opt);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().c_str());
    QCOMPARE(report->episodes.size(), std::size_t(1));
    QString mp4;
    QDirIterator it(QString::fromStdString(opt.out.string()), {QStringLiteral("*.mp4")}, QDir::Files,
                    QDirIterator::Subdirectories);
    if (it.hasNext())
      mp4 = it.next();
    QVERIFY(!mp4.isEmpty());
    const QString frames = m_dir.filePath(QStringLiteral("frames"));
    QVERIFY(QDir().mkpath(frames));
    QProcess ff;
    ff.start(QStringLiteral("ffmpeg"), {"-nostdin", "-v", "error", "-i", mp4, "-vsync", "0", frames + "/%04d.png"});
    QVERIFY(ff.waitForFinished(60000) && ff.exitCode() == 0);
    std::vector<std::uint32_t> exported;
    for (int i = 1;; ++i) {
      const QImage img(frames + QStringLiteral("/%1.png").arg(i, 4, 10, QLatin1Char('0')));
      if (img.isNull())
        break;
      const auto code = sample::readFrameCode(img);
      QVERIFY2(code, qPrintable(QStringLiteral("exported frame %1 has no readable code").arg(i)));
      exported.push_back(*code);
    }
    QCOMPARE(exported, shown);

    // The exported sensors are sampled where the window shows them: the same offset, the same rows.
    RecordingContext::Options o;
    auto ctx = project::openProjectRecording(session()->store(), *session()->store().recording(m_recording), o);
    QVERIFY(ctx.ok());
    QCOMPARE((*ctx)->streamOffset(imu), imuOffset);
    auto aligned = exporting::alignEpisode(**ctx, {seg.startNs, seg.endNs}, 30);
    QVERIFY(aligned.ok());
    const auto &imuSeries = *s->recording().series().imu;
    for (std::size_t i = 0; i < aligned->data.size(); i += 5) {
      const Timestamp t = aligned->data.frameTimes[i];
      const series::ImuSample atWindow = imuSeries.interpolateAt(t - imuOffset);
      QCOMPARE(aligned->data.imu[i][0], atWindow.accel.x());
      QCOMPARE(aligned->data.imu[i][5], atWindow.gyro.z());
    }
  }
};

QTEST_MAIN(OffsetExportTest)
#include "OffsetExportTest.moc"
