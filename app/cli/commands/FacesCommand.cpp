// tacit-cli faces detect: bystander faces in a recording's video; --accept-all stores them as tracked
// blur boxes (spatial redactions) with a QA record (who, when, frames checked).
#include <QCommandLineParser>
#include <QDateTime>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "core/consent/ConsentLedger.h"
#include "core/consent/FaceDetector.h"
#include "core/consent/FaceRedactions.h"
#include "core/media/VideoSource.h"
#include "core/project/ProjectRecording.h"

namespace {

using namespace tacit;
using nlohmann::json;
const QString kCmd = QStringLiteral("faces");

json boxJson(const consent::TrackedBox &b) {
  return {{"frame", b.frame},
          {"pts_ns", b.ptsNs},
          {"box", {b.box.x, b.box.y, b.box.width, b.box.height}},
          {"confidence", b.confidence}};
}

int detect(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(
      QStringLiteral("Detect faces in a recording's video (every Nth frame, tracked between)."));
  p.addPositionalArgument(QStringLiteral("detect"), QStringLiteral("verb"));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral(".tacit file"));
  p.addOption({QStringLiteral("recording"), QStringLiteral("Recording id or uuid."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("every"), QStringLiteral("Check every Nth frame (default 5)."), QStringLiteral("N"),
               QStringLiteral("5")});
  p.addOption({QStringLiteral("cascade"), QStringLiteral("OpenCV cascade XML (default Haar frontal face)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("min-size"), QStringLiteral("Smallest face in pixels (default 24)."),
               QStringLiteral("PX"), QStringLiteral("24")});
  p.addOption({QStringLiteral("accept-all"), QStringLiteral("Store every track as a blur redaction.")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  if (int rc = cli::parseArguments(p, args, kCmd); rc >= 0)
    return rc;
  const auto pos = p.positionalArguments();
  if (pos.size() != 2 || !p.isSet(QStringLiteral("recording")))
    return cli::usageError(kCmd, QStringLiteral("detect needs PROJECT --recording ID"));
  bool ok = false;
  const int every = p.value(QStringLiteral("every")).toInt(&ok);
  if (!ok || every < 1)
    return cli::usageError(kCmd, QStringLiteral("--every must be a positive integer"));
  const std::string path = pos[1].toStdString();
  const bool accept = p.isSet(QStringLiteral("accept-all"));
  project::ProjectOpenOptions oo;
  oo.readOnly = !accept;
  auto store = project::ProjectStore::open(path, oo);
  if (!store)
    return cli::dataError(store.error());
  if (accept && (*store)->isReadOnly())
    return cli::dataError(path + ": project is read-only (" + (*store)->readOnlyReason() + ")");
  auto rec = consent::findRecording(**store, p.value(QStringLiteral("recording")).toStdString());
  if (!rec)
    return cli::dataError(rec.error());
  auto stream = project::projectVideoStream(**store, *rec);
  if (!stream)
    return cli::dataError(stream.error());
  auto video = stream->openVideo();
  if (!video)
    return cli::dataError(video.error());

  consent::FaceDetectOptions fo;
  fo.every = every;
  fo.minSizePx = p.value(QStringLiteral("min-size")).toInt();
  if (p.isSet(QStringLiteral("cascade")))
    fo.cascade = p.value(QStringLiteral("cascade")).toStdString();
  auto detector = consent::FaceDetector::create(fo);
  if (!detector)
    return cli::dataError(detector.error());
  auto faces = consent::detectFacesInVideo(**video, **detector);
  if (!faces)
    return cli::dataError(faces.error());

  json j = {{"recording", rec->uuid},
            {"frames", faces->frameCount},
            {"frames_checked", faces->framesChecked},
            {"every", every},
            {"width", faces->width},
            {"height", faces->height},
            {"detections", json::array()},
            {"tracks", json::array()}};
  for (const auto &d : faces->detections)
    j["detections"].push_back(boxJson(d));
  for (const auto &t : faces->tracks) {
    json boxes = json::array();
    for (const auto &b : t.boxes)
      boxes.push_back(boxJson(b));
    for (std::size_t i = 0; i < t.boxes.size(); ++i)
      boxes[i]["interpolated"] = t.boxes[i].interpolated;
    j["tracks"].push_back({{"id", t.id}, {"boxes", boxes}});
  }
  if (accept) {
    const std::string who = (*store)->author();
    const std::string at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    const std::string reason = "bystander face (auto-detected; QA: accepted by " + who + " at " + at + ", " +
                               std::to_string(faces->framesChecked) + " of " + std::to_string(faces->frameCount) +
                               " frames checked)";
    const Timestamp end = (*video)->timeRange().end;
    auto reds = consent::faceTrackRedactions(
        *faces, every, rec->id, [&](std::int64_t f) { return (*video)->ptsNs(f); }, end, reason);
    j["stored_redactions"] = json::array();
    for (auto &r : reds) {
      auto added = (*store)->addRedaction(r);
      if (!added)
        return cli::dataError(added.error());
      j["stored_redactions"].push_back(added->id);
    }
    j["qa"] = {{"accepted_by", who},
               {"at", at},
               {"frames_checked", faces->framesChecked},
               {"frames_total", faces->frameCount}};
  }
  if (p.isSet(QStringLiteral("json")))
    cli::printLine(j.dump(2));
  else
    cli::printLine(std::to_string(faces->detections.size()) + " detection(s) in " +
                   std::to_string(faces->tracks.size()) + " track(s); " + std::to_string(faces->framesChecked) +
                   " of " + std::to_string(faces->frameCount) + " frames checked" +
                   (accept ? "; stored " + std::to_string(j["stored_redactions"].size()) + " blur redaction(s)" : ""));
  return cli::kExitOk;
}

int run(const QStringList &args) {
  if (args.value(1) == QLatin1String("detect"))
    return detect(args);
  return cli::usageError(kCmd, QStringLiteral("expected: faces detect PROJECT --recording ID [--accept-all] [--json]"));
}

} // namespace

static tacit::cli::CommandRegistrar reg({QStringLiteral("faces"),
                                         QStringLiteral("Detect bystander faces and store blur boxes"), &run});
