// tacit-cli index PATH [--stream ID] [--json]: frame count, per-frame pts (ns) and key frames of a
// video/depth stream. Builds the on-disk frame index cache as a side effect (so later opens are
// instant).
#include <QCommandLineParser>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/MediaCliSupport.h"
#include "core/media/VideoSource.h"

namespace {

using namespace tacit;

int run(const QStringList &args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Frame index of a video or depth stream."));
  cli::addMediaPathArguments(p);
  p.addOption({QStringLiteral("json"), QStringLiteral("Full index as JSON on stdout.")});
  if (int rc = cli::parseArguments(p, args, QStringLiteral("index")); rc >= 0)
    return rc;
  if (int rc = cli::checkMediaPathArguments(p, QStringLiteral("index")); rc >= 0)
    return rc;
  cli::OpenedMedia opened;
  if (int rc = cli::openMediaPathArguments(p, opened); rc >= 0)
    return rc;
  const media::FrameSource &src = *opened.source;
  const auto *video = dynamic_cast<const media::VideoSource *>(&src);

  nlohmann::ordered_json j;
  j["file"] = src.path();
  j["stream"] = opened.stream.id;
  j["kind"] = opened.stream.depth() ? "depth" : "video";
  if (video) {
    j["codec"] = video->codecName();
    j["rotation_deg"] = video->rotationDeg();
    j["index_from_cache"] = video->indexFromCache();
  }
  j["width"] = src.width();
  j["height"] = src.height();
  j["time_offset_ns"] = opened.stream.manifestOffsetNs;
  j["frame_count"] = src.frameCount();
  const TimeRange range = src.timeRange();
  j["begin_ns"] = range.begin;
  j["end_ns"] = range.end;
  std::vector<std::int64_t> pts;
  pts.reserve(static_cast<std::size_t>(src.frameCount()));
  for (std::int64_t i = 0; i < src.frameCount(); ++i)
    pts.push_back(src.ptsNs(i));
  std::vector<std::int64_t> keys;
  if (video) {
    keys = video->index().keyFrames();
  } else {
    for (std::int64_t i = 0; i < src.frameCount(); ++i)
      keys.push_back(i);
  }
  j["key_frame_count"] = keys.size();
  j["warnings"] = src.warnings();
  if (!p.isSet(QStringLiteral("json"))) {
    std::printf("%s: %lld frames, %dx%d, %.3f s .. %.3f s, %zu key frames\n", src.path().c_str(),
                static_cast<long long>(src.frameCount()), src.width(), src.height(), toSeconds(range.begin),
                toSeconds(range.end), keys.size());
    for (const auto &w : src.warnings())
      std::printf("warning: %s\n", w.c_str());
    return cli::kExitOk;
  }
  j["pts_ns"] = pts;
  j["key_frames"] = keys;
  cli::printLine(j.dump());
  return cli::kExitOk;
}

} // namespace

static tacit::cli::CommandRegistrar
    reg({QStringLiteral("index"), QStringLiteral("Frame index of a video/depth stream (pts, key frames)"), &run});
