// tacit-cli frame PATH (--index N | --time-ns T) --out F.png [--stream ID] [--json]
// Writes one exact frame: colour video as 8-bit RGB PNG (identical to the ffmpeg CLI's
// select=eq(n,N) output), depth as 16-bit greyscale PNG (millimetres, values unchanged).
#include <QCommandLineParser>
#include <QSaveFile>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/MediaCliSupport.h"

namespace {

using namespace tacit;

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Write one exact frame of a video or depth stream as PNG."));
  p.addOption(
      {QStringLiteral("index"), QStringLiteral("Frame number (0-based, presentation order)."), QStringLiteral("N")});
  p.addOption({QStringLiteral("time-ns"), QStringLiteral("Latest frame at this time (ns, stream offset included)."),
               QStringLiteral("T")});
  p.addOption({QStringLiteral("out"), QStringLiteral("Output PNG file."), QStringLiteral("F.png")});
  cli::addMediaPathArguments(p);
  p.addOption({QStringLiteral("json"), QStringLiteral("Print frame facts as JSON.")});
  if (int rc = cli::parseArguments(p, args, QStringLiteral("frame")); rc >= 0)
    return rc;
  if (int rc = cli::checkMediaPathArguments(p, QStringLiteral("frame")); rc >= 0)
    return rc;
  if (p.isSet(QStringLiteral("index")) == p.isSet(QStringLiteral("time-ns")))
    return cli::usageError(QStringLiteral("frame"), QStringLiteral("give exactly one of --index and --time-ns"));
  if (!p.isSet(QStringLiteral("out")))
    return cli::usageError(QStringLiteral("frame"), QStringLiteral("--out is required"));
  bool ok = false;
  const qint64 number = p.isSet(QStringLiteral("index")) ? p.value(QStringLiteral("index")).toLongLong(&ok)
                                                         : p.value(QStringLiteral("time-ns")).toLongLong(&ok);
  if (!ok)
    return cli::usageError(QStringLiteral("frame"), QStringLiteral("--index / --time-ns must be an integer"));

  cli::OpenedMedia opened;
  if (int rc = cli::openMediaPathArguments(p, opened); rc >= 0)
    return rc;
  media::FrameSource &src = *opened.source;
  std::int64_t index = number;
  if (p.isSet(QStringLiteral("time-ns"))) {
    index = src.indexAt(number);
    if (index < 0)
      return cli::dataError(src.path() + ": no frame at or before " + std::to_string(number) + " ns (first frame at " +
                            std::to_string(src.ptsNs(0)) + " ns)");
  }
  auto frame = src.frame(index);
  if (!frame)
    return cli::dataError(frame.error());

  const QString out = p.value(QStringLiteral("out"));
  QSaveFile file(out);
  if (!file.open(QIODevice::WriteOnly) || !frame->image().save(&file, "PNG") || !file.commit())
    return cli::dataError(out.toStdString() + ": cannot write PNG");
  if (p.isSet(QStringLiteral("json"))) {
    nlohmann::ordered_json j;
    j["file"] = src.path();
    j["stream"] = opened.stream.id;
    j["index"] = frame->index;
    j["pts_ns"] = frame->ptsNs;
    j["width"] = frame->width;
    j["height"] = frame->height;
    j["format"] = frame->format == media::PixelFormat::Rgb24 ? "rgb24" : "gray16";
    j["out"] = out.toStdString();
    cli::printLine(j.dump(2));
  }
  return cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar reg({QStringLiteral("frame"), QStringLiteral("Write one exact frame as PNG"),
                                         &run});
