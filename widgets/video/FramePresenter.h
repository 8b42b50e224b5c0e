#pragma once
// The one presenter (DESIGN "one of each"): shows the frame of one video or depth stream at the
// window's TimeControl time, masked by the recording's redactions, in every window (review window,
// consent review, face QA).
//  * On every timeChanged it picks the frame at the stream's time (TimeControl::currentFrame, the
//    one copy of the frame times, registered by the presenter) and asks the frame engine for it:
//    exact when paused and at rest, display-sized while playing or scrubbing (paused moves closer
//    than kScrubMs apart); the exact frame follows when the playhead rests.
//  * A cached frame is shown at once (no worker round trip); a decoded one when the engine publishes
//    it. Newest wins; while playing or scrubbing a late frame between the shown and the wanted one
//    is still progress.
//  * Every picture goes through mask() (the one place where redactions change pixels): video is
//    blanked inside removed spans (when blankRemovedSpans) and blur boxes at the frame's time are
//    blurred; depth is zeroed inside removed spans.
// Overlays that depend on time (hands, gaze, face QA marks) are drawn by the window on `presented`,
// for the presented frame's time. GUI thread only.
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/media/FrameEngine.h"
#include "widgets/app/SessionRedactions.h"

namespace tacit {

class TimeControl;

struct PresentedFrame {
  qint64 index = -1;
  Timestamp ptsNs = kInvalidTime; // the frame's time in its stream's clock (device time)
  QImage image;                   // masked; a display frame is smaller than fullSize
  QSize fullSize;                 // the stream's picture size
  bool exact = false;
};

class FramePresenter : public QObject {
  Q_OBJECT
public:
  enum class Kind { Video, Depth };
  static constexpr int kScrubMs = 40;

  FramePresenter(TimeControl &time, std::unique_ptr<media::FrameSource> source, std::string streamId, Kind kind,
                 media::FrameEngine::Options options, QObject *parent = nullptr);
  ~FramePresenter() override;

  media::FrameEngine &engine() { return *m_engine; }
  const media::FrameEngine &engine() const { return *m_engine; }
  const std::string &streamId() const { return m_streamId; }
  Kind kind() const { return m_kind; }
  qint64 frameCount() const { return m_engine->frameCount(); }
  QSize fullSize() const { return {m_engine->width(), m_engine->height()}; }

  void setRedactions(std::vector<project::Redaction> redactions);
  void setBlankRemovedSpans(bool on) { m_blankRemoved = on; }
  // The picture size display frames are decoded at (the view's on-screen size); empty = full.
  void setDisplaySize(QSize size) { m_engine->setDisplaySize(size); }

  // The frame wanted at the playhead, the one on screen (-1 before the first) and its picture.
  qint64 wantedIndex() const { return m_wanted; }
  const PresentedFrame &shown() const { return m_shown; }
  // The wanted frame is on screen, exact unless playing, and the playhead is not being scrubbed.
  bool settled() const;
  bool isScrubbing() const { return m_scrubSettle.isActive(); }
  // Wall time since the frame was first wanted (bench latency), while it is recent.
  std::optional<double> requestAgeMs(qint64 index) const;

  // The picture as this window may show it at timeline time t (reader time + TimeControl's offset).
  QImage mask(const QImage &image, Timestamp t) const;

public slots:
  // Present the frame at the playhead (connected to timeChanged; call after offsets change).
  void update();
  // Forget what is shown and present again (e.g. after the redactions changed).
  void refresh();

signals:
  void presented(const tacit::PresentedFrame &frame);
  void failed(const QString &message);

private:
  void onFrameReady(const media::VideoFrame &frame);
  void present(const media::VideoFrame &frame);

  TimeControl &m_time;
  std::unique_ptr<media::FrameEngine> m_engine;
  std::string m_streamId;
  Kind m_kind;
  SessionRedactions m_redactions;
  bool m_blankRemoved = true;
  qint64 m_wanted = -1;
  bool m_wantedExact = false;
  PresentedFrame m_shown;
  QTimer m_scrubSettle;
  QElapsedTimer m_wall;
  qint64 m_lastPausedMoveNs = -1000000000;
  std::map<qint64, qint64> m_requestedAt; // frame -> wall ns (recent only)
};

} // namespace tacit

Q_DECLARE_METATYPE(tacit::PresentedFrame)
