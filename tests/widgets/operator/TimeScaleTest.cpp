// Issue #15, one time scale: every time shown for the same segment — timeline tooltip and ruler,
// transport field, Segments table, Flags dock, export dialog, `tacit-cli export --dry-run` — is the
// same recording time ("m:ss.mmm", frame numbers), made by the one formatter (core/time), although
// the recording's device clock does not start at zero.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"
#include "tests/widgets/operator/OperatorTestSupport.h"

#include <QListView>
#include <QProcess>
#include <QTableView>

#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "core/project/ProjectSession.h"
#include "core/project/SegmentTableModel.h"
#include "core/project/TaxonomyModel.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/export/ExportCandidateModel.h"
#include "widgets/export/ExportDialog.h"
#include "widgets/project/FlagsPanel.h"
#include "widgets/project/SegmentsPanel.h"

using namespace tacit;

class TimeScaleTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;

private slots:
  void everyViewShowsTheTimelinesTime() {
    QString error;
    const QString sample = guitest::makeSample(m_dir, &error, 3.0);
    QVERIFY2(!sample.isEmpty(), qPrintable(error));
    m_window = guitest::openInWindow(sample, &error, guitest::Focus::Active);
    QVERIFY2(m_window, qPrintable(error));
    const QString projectPath = m_dir.filePath(QStringLiteral("t.tacit"));
    QVERIFY(m_window->projects().newProject(projectPath));
    project::ProjectSession *s = m_window->project();
    project::AnnotationDocument *doc = s->document();
    QVERIFY(doc);
    RecordingSession *rs = m_window->session();
    const Timestamp start = *rs->timeOfFrame(10), end = *rs->timeOfFrame(31);
    QVERIFY2(m_window->timeBase().origin() > 0, "the sample's device clock does not start at 0");

    const project::Id label = *s->taxonomy()->createLabel(0, "Pour");
    const project::Id track = s->store().trackByName("task")->id;
    const project::Id seg = *doc->createSegment(track, start, end, label);
    QVERIFY(doc->addFlag(project::FlagReason::MotionBlur, 3, TimeRange{start, end}, "blur").ok());
    // What the timeline says about the segment: recording time + frames.
    const QString span = QString::fromStdString(m_window->timeBase().span({start, end}));
    QCOMPARE(span, QStringLiteral("0:00.333–0:01.033 (#10–#30)"));
    TimelineWidget *tl = m_window->timeline();
    const QRect lane = tl->trackLaneRect(track);
    const QPoint mid(int((tl->xOf(start) + tl->xOf(end)) / 2), lane.center().y());
    QVERIFY2(tl->toolTipAt(mid).contains(span), qPrintable(tl->toolTipAt(mid)));

    // Segments table: start, end, frames.
    SegmentsPanel *segments = m_window->projects().segmentsPanel();
    auto *model = s->segments();
    const int row = model->rowOf(seg);
    QCOMPARE(model->index(row, project::SegmentTableModel::StartColumn).data().toString(), QStringLiteral("0:00.333"));
    QCOMPARE(model->index(row, project::SegmentTableModel::EndColumn).data().toString(), QStringLiteral("0:01.033"));
    QCOMPARE(model->index(row, project::SegmentTableModel::FramesColumn).data().toString(), QStringLiteral("#10–#30"));
    QVERIFY(model->headerData(project::SegmentTableModel::DeviceTimeColumn, Qt::Horizontal)
                .toString()
                .contains(QStringLiteral("Device")));
    // Double-click in the table seeks; the transport field then reads the table's start time.
    QTableView *view = segments->view();
    const QModelIndex cell = view->model()->index(0, project::SegmentTableModel::StartColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    QTRY_COMPARE(m_window->timeControl().time(), start);
    QTRY_COMPARE(m_window->transport()->timeField()->text(), QStringLiteral("0:00.333"));

    // Flags dock.
    const QString flagText = s->flags()->index(0).data().toString();
    QVERIFY2(flagText.contains(span), qPrintable(flagText));

    // Export dialog (times read from the recording folder, not from the window).
    {
      ExportDialog d(projectPath, s);
      ExportCandidateModel *m = d.candidateModel();
      QCOMPARE(m->rowCount(), 1);
      QCOMPARE(m->index(0, ExportCandidateModel::TimeColumn).data().toString(), span);
    }
    // The CLI's dry run lists the candidate with the same text.
    QProcess cli;
    cli.start(QStringLiteral(TACIT_CLI_PATH), {QStringLiteral("export"), projectPath, QStringLiteral("--format"),
                                               QStringLiteral("lerobot-v3"), QStringLiteral("--dry-run")});
    QVERIFY(cli.waitForFinished(60000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(out.contains(span), qPrintable(out + cli.readAllStandardError()));
    m_window.reset();
  }
};

TACIT_GUI_TEST_MAIN(TimeScaleTest)
#include "TimeScaleTest.moc"
