#pragma once
// RecordingContext: the one loader (DESIGN "One of each"; docs/recording-context.md). It opens a
// recording folder (recording.json) or a plain video / depth file once: manifest, calibration, the
// video and depth streams with their frame times (frame-index cache), the sensor series (series
// cache) and, for a project recording, the user's per-stream offsets and the redactions. The window,
// the worker consent mode, face QA, export, the transparency report and the CLI all open recordings
// here; they get media::FrameSource readers (one per thread) plus frame times, never a path to open.
//
// Rules decided here:
//  * Main streams: the first "video" stream is the main colour video; the first "depth" stream is
//    the depth shown; the first stream of each sensor kind is the one read.
//  * Readers: colour through media::VideoSource, depth (a "depth" stream, a plain file that decodes
//    to 16-bit grey, or a folder of PNGs) through media::DepthSource, so depth values stay exact.
//  * Camera of a media stream: its "camera" field; else a calibration camera named like the stream
//    id; else the kind's default name ("rgb" for video, "depth" for depth) when the calibration has
//    it; else none (no overlays, no undistortion).
//  * Time: the recording timeline is the main video's clock (frame pts + its manifest offset). A
//    user offset moves a stream relative to the others; the main video's own offset moves every
//    other stream the opposite way, so the playhead, the frame grid, segments, flags and redactions
//    never move with an offset. streamOffset(id) maps a reader's times onto the timeline and is what
//    the views, new segments, redaction masks and export all apply.
//
// Threading: open() and readSeries() may run on any thread; the other methods belong to the owner's
// thread. Two-phase open (the window): open() with Options::series = false shows the first frame
// quickly, readSeries() on a job fills in the sensors, setSeries() hands them over.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/media/FrameSource.h"
#include "core/project/ProjectTypes.h"
#include "core/recording/RecordingManifest.h"
#include "core/series/GazeSeries.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "core/series/TrajectorySeries.h"
#include "core/util/Result.h"

namespace tacit {

namespace media {
class VideoSource;
}

// One video or depth stream of an opened recording.
struct MediaStream {
  std::string id; // stream id; "video" / "depth" for a plain file
  StreamKind kind = StreamKind::Video;
  std::filesystem::path file;
  Timestamp manifestOffsetNs = 0; // recording.json time_offset_ns, included in frameTimes
  std::string camera;             // calibration camera name, "" when the calibration has none
  int rotationDeg = 0;            // display rotation from recording.json
  int fileRotationDeg = 0;        // rotation metadata of the file (already applied by the reader)
  int width = 0, height = 0;      // decoded size (the file's own rotation applied)
  std::string codec;              // "png" for a folder of depth PNGs
  std::shared_ptr<const std::vector<Timestamp>> frameTimes; // pts + manifest offset, ascending
  TimeRange range;                                          // the reader's timeRange()
  std::vector<std::string> warnings;                        // the reader's (e.g. unreadable frames)
  bool indexFromCache = false;
  bool useIndexCache = true; // as the context was opened
  std::filesystem::path indexCacheDir;
  bool depth() const { return kind == StreamKind::Depth; }
  std::size_t frameCount() const { return frameTimes ? frameTimes->size() : 0; }

  // A new reader for the calling thread (readers are single-threaded). decoderThreads: 1 for exact
  // single frames, 2 for sequential throughput; convertThreads: swscale slice threads.
  Result<std::unique_ptr<media::FrameSource>> open(int decoderThreads = 2, int convertThreads = 2) const;
  // Colour streams only: the reader as a VideoSource (face detection, export).
  Result<std::unique_ptr<media::VideoSource>> openVideo(int decoderThreads = 2) const;
};

// The sensor series of a recording (shared, immutable; mapped from the series cache when current).
struct RecordingSeries {
  // Every sensor stream of the manifest, in manifest order; exactly one pointer is set when readable.
  struct Stream {
    std::string id;
    StreamKind kind = StreamKind::Imu;
    std::string error; // the stream could not be read
    std::vector<std::string> warnings;
    series::CsvLoadStats stats;
    bool fromCache = false;
    std::shared_ptr<const series::ImuSeries> imu;
    std::shared_ptr<const series::HandSeries> hands;
    std::shared_ptr<const series::TrajectorySeries> trajectory;
    std::shared_ptr<const series::GazeSeries> gaze;
  };
  std::vector<Stream> streams;
  // The first readable stream of each kind (what the views and export use).
  std::shared_ptr<const series::ImuSeries> imu;
  std::shared_ptr<const series::HandSeries> hands;
  std::shared_ptr<const series::TrajectorySeries> trajectory;
  std::shared_ptr<const series::GazeSeries> gaze;
  // Wrist speed (m/s) per hand sample: channels "left", "right"; NaN where a hand is missing.
  std::shared_ptr<const series::Series> handSpeed;
  std::string imuId, handsId, trajectoryId, gazeId;
  std::vector<std::string> warnings; // unreadable series, malformed rows (with line numbers)
  int fromCache = 0, parsed = 0;     // how many series were mapped / parsed
};

// How RecordingContext::open reads a recording.
struct RecordingOpenOptions {
  bool series = true;                         // read the sensor series in open() (false: readSeries() later)
  bool requireMedia = false;                  // a recording without a readable video or depth stream is an error
  bool allowEmpty = false;                    // succeed even when no stream is readable (tacit-cli info reports them)
  std::map<std::string, Timestamp> offsets;   // the user's per-stream offsets (from the project)
  std::vector<project::Redaction> redactions; // the project's redactions of this recording
  bool handSpeed = true;                      // derive the wrist-speed series (plots) when reading the hands
  // Which video/depth streams to open: every one (""), or only this stream id (the CLI's --stream).
  std::string onlyMedia;
  bool mainVideoOnly = false;                          // only the first video stream (the CLI's default)
  bool useCaches = true;                               // frame-index and series caches
  std::filesystem::path indexCacheDir, seriesCacheDir; // empty: the default folders
  // fraction in [0,1] and a short stage name; return false to cancel.
  std::function<bool(double fraction, const std::string &stage)> progress;
};

class RecordingContext {
public:
  // fraction in [0,1] and a short stage name; return false to cancel.
  using Progress = std::function<bool(double fraction, const std::string &stage)>;
  using Options = RecordingOpenOptions;

  // `path`: a recording folder, its recording.json, a video file, a depth video or a folder of depth
  // PNGs. Errors name the file: a missing path, a folder without recording.json, an unreadable
  // manifest, or (plain files) an unreadable video. A recording's unreadable stream is a warning.
  static Result<std::unique_ptr<RecordingContext>> open(const std::filesystem::path &path,
                                                        const Options &options = Options());
  ~RecordingContext();

  const std::filesystem::path &sourcePath() const { return m_sourcePath; } // absolute
  bool isPlainFile() const { return m_plainFile; }
  const RecordingManifest &manifest() const { return m_manifest; }
  // Everything worth telling the user: the manifest's warnings, unreadable streams, malformed rows.
  const std::vector<std::string> &warnings() const { return m_warnings; }
  // recording.json's own warnings (missing stream files, cameras not in the calibration).
  const std::vector<std::string> &manifestWarnings() const { return m_manifestWarnings; }

  // --- media ---
  // Every readable video and depth stream: colour video first, then depth, each in manifest order.
  const std::vector<MediaStream> &media() const { return m_media; }
  const MediaStream *video() const; // the main colour video (first video stream)
  const MediaStream *depth() const; // the depth shown (first depth stream)
  const MediaStream *mediaStream(const std::string &id) const;
  // Video or depth streams that could not be read: id -> error (also in warnings()).
  const std::map<std::string, std::string> &mediaErrors() const { return m_mediaErrors; }
  // The reader opened while loading (handed out once, saving a second open); null afterwards.
  std::unique_ptr<media::FrameSource> takeReader(const std::string &streamId);
  const CameraCalibration *camera(const MediaStream &stream) const;

  // --- sensor series ---
  const RecordingSeries &series() const { return m_series; }
  bool seriesLoaded() const { return m_seriesLoaded; }
  // Reads the sensor series (series cache); const and safe on a worker while the owner uses the
  // context. Unreadable series are warnings; only a cancel fails.
  Result<RecordingSeries> readSeries(const Progress &progress = {}) const;
  void setSeries(RecordingSeries series);

  // --- time (see the rules above) ---
  const std::string &referenceStreamId() const { return m_referenceId; }
  const std::map<std::string, Timestamp> &userOffsets() const { return m_userOffsets; }
  Timestamp userOffset(const std::string &streamId) const;
  void setUserOffset(const std::string &streamId, Timestamp offsetNs);
  // Added to a reader's own times to place them on the timeline: media frame times already hold the
  // manifest offset, series times do not (so theirs is included here).
  Timestamp streamOffset(const std::string &streamId) const;
  // streamOffset of every stream of the manifest (for TimeControl::setStreamOffsets).
  std::map<std::string, Timestamp> streamOffsets() const;
  // Frame times of a media stream on the timeline.
  std::vector<Timestamp> timelineFrameTimes(const MediaStream &stream) const;
  // Union of every loaded stream on the timeline (media only until the series are set).
  TimeRange timeRange() const;

  // --- the project's redactions (timeline time; what they hide is the privacy policy's call) ---
  const std::vector<project::Redaction> &redactions() const { return m_redactions; }
  void setRedactions(std::vector<project::Redaction> redactions) { m_redactions = std::move(redactions); }

private:
  RecordingContext() = default;
  Status openPlainFile(const std::filesystem::path &file);
  Status openRecording(const std::filesystem::path &path);
  Result<MediaStream> openMedia(const StreamDescriptor &descriptor, bool depth);

  Options m_options;
  std::filesystem::path m_sourcePath;
  bool m_plainFile = false;
  RecordingManifest m_manifest;
  std::vector<std::string> m_warnings, m_manifestWarnings;
  std::vector<MediaStream> m_media;
  std::map<std::string, std::string> m_mediaErrors;
  std::map<std::string, std::unique_ptr<media::FrameSource>> m_readers;
  RecordingSeries m_series;
  bool m_seriesLoaded = false;
  std::string m_referenceId;
  std::map<std::string, Timestamp> m_userOffsets;
  std::vector<project::Redaction> m_redactions;
};

// Wrist speed from hand samples (exposed for tests).
series::Series handSpeedSeries(const series::HandSeries &hands);
// Frame rate from the median spacing of the first frames (rounded, at least 1; 30 when unknown).
int nominalFps(const std::vector<Timestamp> &frameTimes);

} // namespace tacit
