// tacit-cli faces detect on a recording whose video shows a real face (skimage astronaut, FACES.md):
// detections with frame, box, confidence; --accept-all stores tracked blur boxes with a QA record.
#include <QTemporaryDir>
#include <QtTest>

#include "CliHelper.h"

using namespace tacit::testing;
using nlohmann::json;

class FacesCliTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  QString m_project, m_rec;

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    // A sample recording whose RGB video is replaced (before it joins the project) by 1 s of the photo.
    const QString rec = m_dir.filePath("rec");
    QCOMPARE(cli({"sample", rec, "--duration", "1", "--size", "320x320"}).code, 0);
    const json manifest = readJson(rec + "/recording.json");
    QString video;
    for (const auto &s : manifest["streams"])
      if (s["kind"] == "video")
        video = rec + "/" + QString::fromStdString(s["path"].get<std::string>());
    QVERIFY(!video.isEmpty());
    QFile::remove(video);
    const Run ff = runTool("ffmpeg", {"-v", "error", "-loop", "1", "-i",
                                      "/usr/lib/python3/dist-packages/skimage/data/astronaut.png", "-t", "1", "-r",
                                      "10", "-pix_fmt", "yuv420p", "-c:v", "libx264", video});
    QCOMPARE(ff.code, 0);
    m_project = m_dir.filePath("p.tacit");
    QCOMPARE(cli({"project", "create", m_project}).code, 0);
    QCOMPARE(cli({"project", "add", m_project, rec}).code, 0);
    m_rec = QString::fromStdString(manifest["id"].get<std::string>());
  }

  void detectReportsBoxesWithoutStoring() {
    const Run r = cli({"faces", "detect", m_project, "--recording", m_rec, "--every", "3", "--json"});
    QCOMPARE(r.code, 0);
    const json j = json::parse(r.out.toStdString());
    QCOMPARE(j["frames"].get<int>(), 10);
    QCOMPARE(j["frames_checked"].get<int>(), 4); // frames 0, 3, 6, 9
    QVERIFY(j["detections"].size() >= 4);
    const auto &d = j["detections"][0];
    QVERIFY(d.contains("frame") && d.contains("confidence"));
    // The astronaut's face (177,67,93,93) lies inside the padded box.
    bool covered = false;
    for (const auto &x : j["detections"]) {
      const auto b = x["box"];
      covered |= b[0] <= 185 && b[1] <= 75 && b[0].get<int>() + b[2].get<int>() >= 262 &&
                 b[1].get<int>() + b[3].get<int>() >= 152;
    }
    QVERIFY(covered);
    // One track through every frame (interpolated between samples).
    bool full = false;
    for (const auto &t : j["tracks"])
      full |= t["boxes"].size() == 10;
    QVERIFY(full);
    QVERIFY(!j.contains("stored_redactions"));
  }

  void acceptAllStoresTrackedBoxesWithQa() {
    const Run r = cli({"faces", "detect", m_project, "--recording", m_rec, "--every", "3", "--accept-all", "--json"});
    QCOMPARE(r.code, 0);
    const json j = json::parse(r.out.toStdString());
    QVERIFY(!j["stored_redactions"].empty());
    QCOMPARE(j["qa"]["frames_checked"].get<int>(), 4);
    QVERIFY(!j["qa"]["accepted_by"].get<std::string>().empty());
    // The report shows them as blurred, with the QA reason.
    const QString worker =
        QString::fromStdString(readJson(m_dir.filePath("rec/recording.json"))["worker"]["id"].get<std::string>());
    const QString pdf = m_dir.filePath("r.pdf");
    QCOMPARE(cli({"consent", "report", m_project, "--worker", worker, "--out", pdf}).code, 0);
    const Run txt = runTool("pdftotext", {pdf, "-"});
    QVERIFY(txt.out.contains("Blurred"));
    QVERIFY(txt.out.contains("frames checked"));
  }
};

QTEST_GUILESS_MAIN(FacesCliTest)
#include "FacesCliTest.moc"
