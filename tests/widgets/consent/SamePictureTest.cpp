// One presenter (FramePresenter) in every window: the review window, the consent review window and its
// face QA page show the same picture for the same frame, with the same blur box burned in, and that
// picture is the ffmpeg-exact frame with the box blurred (consent::blurBoxes), nothing else.
#include <QTabWidget>
#include <QtTest>

#include "../GuiTestSupport.h"
#include "../MainWindowFixture.h"
#include "core/consent/FaceBlur.h"
#include "core/media/VideoSource.h"
#include "core/project/ProjectRecording.h"
#include "core/project/ProjectStore.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/consent/ConsentReviewWindow.h"
#include "widgets/consent/FaceQaPanel.h"
#include "widgets/video/FramePresenter.h"
#include "widgets/video/VideoView.h"

using namespace tacit;

class SamePictureTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_rec, m_project;
  std::string m_worker;
  project::Redaction m_blur;

private slots:
  void initTestCase() {
    QString error;
    m_rec = guitest::makeSample(m_dir, &error, 1.0, 256);
    QVERIFY2(!m_rec.isEmpty(), qPrintable(error));
    m_project = m_dir.filePath("p.tacit");
    auto store = project::ProjectStore::create(m_project.toStdString());
    QVERIFY(store.ok());
    auto added = (*store)->addRecording(m_rec.toStdString());
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().c_str());
    m_worker = added->workerId;
    auto where = project::projectVideoStream(**store, *added); // the one loader: stream offset included
    QVERIFY(where.ok());
    auto video = where->openVideo();
    QVERIFY(video.ok());
    m_blur.recordingId = added->id;
    m_blur.startNs = (*video)->ptsNs(5);
    m_blur.endNs = (*video)->ptsNs(15);
    m_blur.streams = {"video"};
    m_blur.boxes = {{0.2, 0.2, 0.4, 0.4}};
    m_blur.reason = "a colleague";
    auto stored = (*store)->addRedaction(m_blur);
    QVERIFY(stored.ok());
    m_blur = *stored;
  }

  void sameFrameAndMaskInAllThreeWindows() {
    const qint64 frame = 10;
    auto video = media::VideoSource::open((m_rec + "/rgb.mp4").toStdString()); // (pixels do not depend on time)
    QVERIFY(video.ok());
    auto exact = (*video)->frame(frame);
    QVERIFY(exact.ok());
    const QImage expected = consent::blurBoxes(exact->image(), m_blur.boxes).convertToFormat(QImage::Format_RGB888);
    QVERIFY(expected != exact->image().convertToFormat(QImage::Format_RGB888)); // the box changed pixels

    // 1. The review window (operator view) with the project's redactions.
    QString error;
    auto window = guitest::openInWindow(m_rec, &error);
    QVERIFY2(window, qPrintable(error));
    RecordingSession *s = window->session();
    s->setRedactions({m_blur});
    window->timeControl().setTime(*s->timeOfFrame(frame));
    QVERIFY(QTest::qWaitFor([&] { return s->framesSettled() && s->currentFrame() == frame; }, 15000));
    QCOMPARE(window->videoView()->frameIndex(), frame);
    const QImage operatorView = window->videoView()->image().convertToFormat(QImage::Format_RGB888);
    window.reset();

    // 2. The consent review window, and 3. its face QA page (the same presenter and clock).
    ConsentReviewWindow w(m_project, QString::fromStdString(m_worker));
    QVERIFY2(w.isOpen(), qPrintable(w.errorText()));
    w.resize(1000, 700);
    w.show();
    QVERIFY(w.seekFrame(frame));
    QVERIFY(QTest::qWaitFor([&] { return w.frameShown() && w.presenter()->settled(); }, 15000));
    const QImage consentView = w.shownImage().convertToFormat(QImage::Format_RGB888);
    FaceQaPanel *qa = w.faceQa();
    w.tabs()->setCurrentWidget(qa);
    QVERIFY(QTest::qWaitFor([&] { return qa->frameShown(); }, 15000));
    QCOMPARE(qa->currentFrame(), frame);
    const QImage faceQaView = qa->shownImage().convertToFormat(QImage::Format_RGB888);

    QCOMPARE(operatorView.size(), expected.size());
    QVERIFY2(operatorView == expected, "review window differs from the exact frame with the box blurred");
    QVERIFY2(consentView == expected, "consent window differs from the exact frame with the box blurred");
    QVERIFY2(faceQaView == expected, "face QA differs from the exact frame with the box blurred");
  }
};

TACIT_GUI_TEST_MAIN(SamePictureTest)
#include "SamePictureTest.moc"
