// File → Import… end to end: the video + CSV form filled with a generated clip (IMU headers renamed
// so the column mapping is needed) validates with messages naming the field, imports on the worker
// thread, and the main window opens the new recording; Cancel leaves nothing behind; a damaged
// video fails with a message naming the file and writes nothing.
#include "tests/widgets/GuiTestSupport.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <filesystem>
#include <fstream>

#include "core/recording/RecordingReader.h"
#include "core/util/Job.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/import/AriaImportForm.h"
#include "widgets/import/ImportDialog.h"

#include "widgets/import/PathField.h"
#include "widgets/import/VideoImportForm.h"
#include "widgets/video/VideoView.h"
#include <QThread>
#include <atomic>

using namespace tacit;
namespace fs = std::filesystem;

class ImportDialogTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_sample;
  std::unique_ptr<MainWindow> m_window;

  QString path(const QString &name) const { return m_dir.filePath(name); }

  ImportDialog *openDialog() {
    m_window->actions().action(QStringLiteral("file.import"))->trigger();
    QCoreApplication::processEvents();
    const auto dialogs = m_window->findChildren<ImportDialog *>();
    for (ImportDialog *d : dialogs)
      if (d->isVisible())
        return d;
    return nullptr;
  }

  // The generated clip with its IMU sidecar (headers renamed) and hands sidecar.
  void fillVideoForm(ImportDialog *d, const QString &out) {
    d->setKind(ImportDialog::Kind::Video);
    VideoImportForm *f = d->videoForm();
    f->video()->setPath(m_sample + QStringLiteral("/rgb.mp4"));
    f->imu()->setPath(path(QStringLiteral("phone_imu.csv")));
    f->hands()->setPath(m_sample + QStringLiteral("/hands.csv"));
    f->setPinhole(250, 251, 159.5, 160.5);
    f->columnMap()->setText(QStringLiteral("accel_x=ax, accel_y=ay, accel_z=az"));
    f->output()->setPath(out);
  }

  static std::vector<std::string> leftovers(const QString &parent) {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(parent.toStdString()))
      if (e.path().filename().string().find(".import-") != std::string::npos)
        names.push_back(e.path().filename().string());
    return names;
  }

private slots:
  void initTestCase() {
    QString error;
    m_sample = guitest::makeSample(m_dir, &error, 1.0);
    QVERIFY2(!m_sample.isEmpty(), qPrintable(error));
    // A sidecar from "another app": the accelerometer columns are called ax, ay, az.
    std::ifstream in((m_sample + QStringLiteral("/imu.csv")).toStdString());
    std::string header;
    std::getline(in, header);
    const std::string rest((std::istreambuf_iterator<char>(in)), {});
    QCOMPARE(QString::fromStdString(header),
             QStringLiteral("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z"));
    std::ofstream(path(QStringLiteral("phone_imu.csv")).toStdString()) << "timestamp_ns,ax,ay,az,gyro_x,gyro_y,gyro_z\n"
                                                                       << rest;

    MainWindow::Options o;
    o.restoreSettings = false;
    m_window = std::make_unique<MainWindow>(o);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  }

  void cleanupTestCase() {
    m_window.reset();
    QCoreApplication::processEvents();
  }

  void importActionIsRegistered() {
    QVERIFY(m_window->actions().ids().contains(QStringLiteral("file.import")));
    QVERIFY(m_window->actions().conflicts().isEmpty());
  }

  void validationNamesTheField() {
    ImportDialog *d = openDialog();
    QVERIFY(d);
    d->setKind(ImportDialog::Kind::Aria);
    d->ariaForm()->setSource(AriaImportForm::Source::Video);
    QVERIFY(!d->startImport());
    QVERIFY2(d->message().contains(QStringLiteral("RGB video: choose a file")), qPrintable(d->message()));
    QVERIFY(d->message().contains(QStringLiteral("Output folder")));

    fillVideoForm(d, path(QStringLiteral("never")));
    d->videoForm()->columnMap()->clear(); // their ax/ay/az cannot be found without the mapping
    QVERIFY(!d->startImport());
    QVERIFY2(d->message().contains(QStringLiteral("IMU CSV: phone_imu.csv has no column for accel_x, accel_y, "
                                                  "accel_z")),
             qPrintable(d->message()));
    d->videoForm()->columnMap()->setText(QStringLiteral("accel_x"));
    QVERIFY(!d->startImport());
    QVERIFY2(d->message().contains(QStringLiteral("Column mapping: 'accel_x' is not ours=theirs")),
             qPrintable(d->message()));
    fillVideoForm(d, m_sample); // exists and is not empty
    QVERIFY(!d->startImport());
    QVERIFY2(d->message().contains(QStringLiteral("already exists")), qPrintable(d->message()));
    QVERIFY(!d->isRunning());
    QVERIFY(!fs::exists(path(QStringLiteral("never")).toStdString()));
    d->close();
  }

  void videoImportOpensTheRecording() {
    ImportDialog *d = openDialog();
    QVERIFY(d);
    const QString out = path(QStringLiteral("imported"));
    fillVideoForm(d, out);
    QSignalSpy imported(d, &ImportDialog::imported);
    QSignalSpy failed(d, &ImportDialog::importFailed);
    QSignalSpy opened(m_window.get(), &MainWindow::recordingOpened);
    QTest::mouseClick(d->importButton(), Qt::LeftButton);
    QVERIFY2(d->isRunning() || imported.count() == 1, qPrintable(d->message()));
    QVERIFY(QTest::qWaitFor([&] { return imported.count() + failed.count() > 0; }, 60000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(QFileInfo(imported.first().first().toString()).canonicalFilePath(), QFileInfo(out).canonicalFilePath());

    // The recording folder: video, mapped IMU, hands and the pinhole camera from the form.
    auto m = RecordingReader::read(out.toStdString());
    QVERIFY2(m, m ? "" : m.error().c_str());
    QVERIFY(m->stream("rgb") && m->stream("imu") && m->stream("hands"));
    QCOMPARE(m->stream("imu")->kind, StreamKind::Imu);
    QVERIFY(m->calibration.cameras.count("rgb"));
    const auto &params = m->calibration.cameras.at("rgb").model->params();
    QVERIFY(params == (std::vector<double>{250, 251, 159.5, 160.5}));
    std::ifstream imu(out.toStdString() + "/imu.csv");
    std::string header;
    std::getline(imu, header);
    QCOMPARE(QString::fromStdString(header),
             QStringLiteral("timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z"));
    QVERIFY(leftovers(m_dir.path()).empty());
    QVERIFY(d->message().startsWith(QStringLiteral("Imported ")));

    // ... and the main window opened it.
    QVERIFY(opened.wait(30000) || opened.count() == 1);
    QVERIFY(m_window->session());
    QCOMPARE(QFileInfo(m_window->recentFiles().value(0)).canonicalFilePath(), QFileInfo(out).canonicalFilePath());
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("imported")), qPrintable(m_window->windowTitle()));
    QVERIFY(QTest::qWaitFor([&] { return !m_window->videoView()->image().isNull(); }, 15000));
    QCOMPARE(m_window->videoView()->image().size(), QSize(320, 320));
    d->close();
  }

  void cancelLeavesNothing() {
    ImportDialog *d = openDialog();
    QVERIFY(d);
    const QString out = path(QStringLiteral("cancelled"));
    fillVideoForm(d, out);
    // Cancel once the video is in the staging folder (the importer reports 0.5 after that), on the
    // worker thread, as the button does.
    auto job = std::make_shared<std::atomic<Job *>>(nullptr);
    connect(d, &ImportDialog::importStarted, this, [job](Job *j) { *job = j; });
    d->setWorkerProgressProbe([job](double fraction) {
      if (fraction >= 0.5 && job->load())
        job->load()->cancel(); // thread-safe, as the button's cancel
    });
    QSignalSpy cancelled(d, &ImportDialog::importCancelled);
    QSignalSpy imported(d, &ImportDialog::imported);
    const QString before = m_window->recentFiles().value(0);
    QVERIFY(d->startImport());
    QVERIFY(d->cancelButton()->isVisible());
    QVERIFY(QTest::qWaitFor([&] { return !d->isRunning(); }, 60000));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(imported.count(), 0);
    QVERIFY2(d->message().contains(QStringLiteral("nothing was written")), qPrintable(d->message()));
    QVERIFY(!fs::exists(out.toStdString()));
    QVERIFY(leftovers(m_dir.path()).empty());
    QCOMPARE(m_window->recentFiles().value(0), before); // the window did not open anything
    QVERIFY(!d->cancelButton()->isVisible());
    d->close();
  }

  void cancelButtonStopsTheImport() {
    ImportDialog *d = openDialog();
    QVERIFY(d);
    const QString out = path(QStringLiteral("cancelled-by-button"));
    fillVideoForm(d, out);
    // Hold the worker once the video is staged until the button has been clicked (or the runner is
    // cancelled another way, so a failing check cannot leave the worker waiting).
    struct Gate {
      std::atomic<bool> reached{false}, clicked{false};
    };
    auto gate = std::make_shared<Gate>();
    auto job = std::make_shared<std::atomic<Job *>>(nullptr);
    connect(d, &ImportDialog::importStarted, this, [job](Job *j) { *job = j; });
    d->setWorkerProgressProbe([gate, job](double fraction) {
      if (fraction < 0.5)
        return;
      gate->reached = true;
      while (!gate->clicked && !(job->load() && job->load()->isCancelRequested()))
        QThread::msleep(5);
    });
    QSignalSpy cancelled(d, &ImportDialog::importCancelled);
    QVERIFY(d->startImport());
    QVERIFY(QTest::qWaitFor([&] { return gate->reached.load(); }, 60000));
    QVERIFY(!leftovers(m_dir.path()).empty()); // the staging folder exists while the import runs
    QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
    gate->clicked = true;
    QVERIFY(QTest::qWaitFor([&] { return !d->isRunning(); }, 60000));
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!fs::exists(out.toStdString()));
    QVERIFY(leftovers(m_dir.path()).empty());
    d->close();
  }

  void damagedVideoFailsCleanly() {
    ImportDialog *d = openDialog();
    QVERIFY(d);
    const QString bad = path(QStringLiteral("broken.mp4"));
    std::ofstream(bad.toStdString()) << "this is not a video";
    const QString out = path(QStringLiteral("from-broken"));
    fillVideoForm(d, out);
    d->videoForm()->video()->setPath(bad);
    QSignalSpy failed(d, &ImportDialog::importFailed);
    QVERIFY2(d->startImport(), qPrintable(d->message()));
    QVERIFY(QTest::qWaitFor([&] { return !d->isRunning(); }, 60000));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("broken.mp4")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(d->message().startsWith(QStringLiteral("Import failed")));
    QVERIFY(!fs::exists(out.toStdString()));
    QVERIFY(leftovers(m_dir.path()).empty());
    d->close();
  }
};

TACIT_GUI_TEST_MAIN(ImportDialogTest)
#include "ImportDialogTest.moc"
