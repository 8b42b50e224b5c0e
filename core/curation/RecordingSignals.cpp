#include "core/curation/RecordingSignals.h"

#include "core/media/VideoSource.h"
#include "core/recording/RecordingReader.h"

namespace tacit::curation {

namespace {

template <typename Loaded> void loadSeries(StreamLoad &s, std::optional<Loaded> &out) {
  auto loaded = Loaded::load(s.file.string(), &s.stats);
  if (!loaded) {
    s.error = loaded.error();
    return;
  }
  out = loaded.takeValue();
}

} // namespace

TimeRange RecordingSignals::span() const {
  TimeRange r;
  auto add = [&](TimeRange own, Timestamp offset) {
    if (!own.empty())
      r = r.united({own.begin + offset, own.end + offset});
  };
  if (!videoFrameTimes.empty())
    r = r.united({videoFrameTimes.front(), videoFrameTimes.back() + 1});
  if (imu)
    add(imu->timeRange(), offsetOf(imuStream));
  if (hands)
    add(hands->timeRange(), offsetOf(handStream));
  if (gaze)
    add(gaze->timeRange(), offsetOf(gazeStream));
  if (trajectory)
    add(trajectory->timeRange(), offsetOf(trajectoryStream));
  return r;
}

Result<RecordingSignals> loadRecordingSignals(const std::filesystem::path &folder, const SignalsOptions &options,
                                              const std::function<bool(double)> &progress) {
  auto manifest = RecordingReader::read(folder);
  if (!manifest)
    return Result<RecordingSignals>::failure(manifest.error());
  Result<RecordingSignals> result{RecordingSignals{}};
  for (const auto &w : manifest.warnings())
    result.addWarning(w);
  RecordingSignals &sig = *result;
  sig.manifest = manifest.takeValue();
  for (const StreamDescriptor &d : sig.manifest.streams)
    sig.streams.push_back({d.id, d.kind, sig.manifest.absolutePath(d), d.timeOffsetNs, {}, {}});

  const std::size_t n = sig.streams.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (progress && !progress(static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(1, n))))
      return Result<RecordingSignals>::failure(sig.manifest.folder.generic_string() + ": cancelled");
    StreamLoad &s = sig.streams[i];
    switch (s.kind) {
    case StreamKind::Video:
      if (sig.video || !options.loadVideo)
        break;
      {
        media::VideoSource::Options vo;
        vo.timeOffsetNs = s.offsetNs;
        vo.decoderThreads = 1;
        vo.indexCacheDir = options.indexCacheDir;
        auto source = media::VideoSource::open(s.file, vo);
        if (!source) {
          s.error = source.error();
          break;
        }
        sig.video = &s;
        sig.videoFrameTimes.reserve(static_cast<std::size_t>((*source)->frameCount()));
        for (std::int64_t f = 0; f < (*source)->frameCount(); ++f)
          sig.videoFrameTimes.push_back((*source)->ptsNs(f));
      }
      break;
    case StreamKind::Imu:
      if (!sig.imuStream && (loadSeries(s, sig.imu), sig.imu))
        sig.imuStream = &s;
      break;
    case StreamKind::HandPose:
      if (!sig.handStream && (loadSeries(s, sig.hands), sig.hands))
        sig.handStream = &s;
      break;
    case StreamKind::Gaze:
      if (!sig.gazeStream && (loadSeries(s, sig.gaze), sig.gaze))
        sig.gazeStream = &s;
      break;
    case StreamKind::Trajectory:
      if (!sig.trajectoryStream && (loadSeries(s, sig.trajectory), sig.trajectory))
        sig.trajectoryStream = &s;
      break;
    default: break;
    }
    if (!s.error.empty())
      result.addWarning(s.error);
  }
  if (progress)
    progress(1.0);
  return result;
}

} // namespace tacit::curation
