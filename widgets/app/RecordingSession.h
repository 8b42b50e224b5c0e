#pragma once
// Wires one opened recording (RecordingContext) to the views (GUI thread): on every
// TimeControl::timeChanged it asks each stream for its latest sample at the playhead (in that stream's
// clock) and feeds the video, depth, plots, 3D and timeline views. Video and depth frames come through
// one FramePresenter each (frame engine, masking); this class draws the overlays for the presented
// frame. The sensor series may arrive after the first frame (setSeries): plots, overlays, the 3D view
// and the timeline lanes fill in then. Time offsets follow the context's rule
// (docs/recording-context.md): the playhead is the main video's clock, offsets move the other streams.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>

#include "core/project/ProjectTypes.h"
#include "core/recording/RecordingContext.h"
#include "core/series/HandPose.h"
#include "widgets/app/SessionRedactions.h"
#include "widgets/timeline/TimelineLane.h"

namespace tacit {

class TimeControl;
class VideoView;
class DepthView;
class PlotsView;
class Pose3DView;
class TimelineWidget;
class SeriesPlotSource;
class FramePresenter;
struct PresentedFrame;

struct SessionViews {
  VideoView *video = nullptr;
  DepthView *depth = nullptr;
  PlotsView *plots = nullptr;
  Pose3DView *pose3d = nullptr;
  TimelineWidget *timeline = nullptr;
};

class RecordingSession : public QObject {
  Q_OBJECT
public:
  RecordingSession(std::shared_ptr<RecordingContext> recording, TimeControl &time, SessionViews views,
                   QObject *parent = nullptr);
  ~RecordingSession() override;

  const RecordingContext &recording() const { return *m_rec; }
  std::shared_ptr<const RecordingContext> context() const { return m_rec; }
  // The sensor series, read after the first frame (RecordingContext::readSeries on a job).
  void setSeries(RecordingSeries series);
  bool seriesLoaded() const { return m_rec->seriesLoaded(); }
  // Streams with a time offset the user can nudge: id -> display name.
  std::vector<std::pair<std::string, QString>> offsetStreams() const;
  // The user's offset of a stream (on top of the manifest offset; saved in the project by the caller).
  Timestamp userOffset(const std::string &streamId) const;
  void setUserOffset(const std::string &streamId, Timestamp offsetNs);
  // Nominal frame period of the main video (0 without video).
  Timestamp framePeriod() const { return m_framePeriod; }
  // Current video frame index at the playhead (-1 without video).
  qint64 currentFrame() const;
  // The presenter of the video (nullptr without video) and of depth.
  FramePresenter *videoPresenter() const { return m_videoPresenter.get(); }
  FramePresenter *depthPresenter() const { return m_depthPresenter.get(); }
  qint64 frameCount() const;
  // Global time of a video frame (for typed frame numbers).
  std::optional<Timestamp> timeOfFrame(qint64 frame) const;
  // True when the shown video/depth frames are the ones wanted at the playhead.
  bool framesSettled() const;
  std::vector<TimelineLane> timelineLanes() const;

  // The project's redactions of this recording (DESIGN §7). Inside a removed span the video and depth
  // views show a blank "Redacted" frame, plots and the 3D view show no data of the removed streams and
  // the timeline gets a "Redactions" lane; blur boxes are blurred into the shown video. Read-only: the
  // operator view never edits redactions (only the consent review mode writes them).
  void setRedactions(std::vector<project::Redaction> redactions);
  const std::vector<project::Redaction> &redactions() const { return m_redactions.all(); }

  // Wall time at which the frame shown now was requested (bench latency).
  std::optional<double> requestAgeMs(qint64 frameIndex) const;

public slots:
  void onTimeChanged(qint64 timeNs);
  void refresh();

signals:
  void decodeError(const QString &message);

private:
  void onPlayingChanged(bool playing);
  void adaptTickInterval();
  // Puts a presented frame on screen (GUI thread); video frames also move the overlays while playing.
  void show(bool depth, const PresentedFrame &frame);
  // Hands, gaze and head pose at global time t: video/depth overlays now, 3D view state for later.
  void updateOverlays(Timestamp t);
  // 3D view, plots and timeline: immediately when `now`, else at their bounded rates.
  void updateSlowViews(Timestamp t, bool now);
  // Size display frames are decoded at while playing (empty = full size).
  QSize displaySize() const;
  void setupViews();
  void setupSeriesViews();
  void applyOffsets();
  void updateRange();
  Timestamp streamTime(const std::string &id) const;
  void updateTrail();
  void applyPlotRedactions();

  std::shared_ptr<RecordingContext> m_rec;
  TimeControl &m_time;
  SessionViews m_views;
  std::unique_ptr<FramePresenter> m_videoPresenter, m_depthPresenter;
  Timestamp m_framePeriod = 0;
  // Latest overlay state (3D view, updated at its own rate while playing).
  std::optional<Rigid> m_head;
  series::HandPose m_hands[2];
  std::optional<Eigen::Vector3d> m_gazeOrigin;
  Eigen::Vector3d m_gazeDir = Eigen::Vector3d::UnitZ();
  double m_gazeLength = 1.0;
  QTimer m_slowViewsTimer;
  qint64 m_last3dNs = -1000000000, m_lastPlotsNs = -1000000000;
  static constexpr int k3dPeriodMs = 100;   // 10 Hz VTK renders while playing
  static constexpr int kPlotsPeriodMs = 50; // 20 Hz plot/timeline cursors while playing
  Timestamp m_lastTime = kInvalidTime;
  QElapsedTimer m_wall;
  SessionRedactions m_redactions;
  std::vector<std::pair<std::string, std::shared_ptr<SeriesPlotSource>>> m_plotSources; // redaction stream name
  // Timeline coverage of each stream in its reader's clock (computed once; shifted by the offset).
  std::map<std::string, std::vector<TimelineSpan>> m_coverage;
};

} // namespace tacit
