#pragma once
// Face QA in the consent review mode (DESIGN §7): "Find faces" runs the detector on a worker thread
// with progress and Cancel; then the reviewer steps "Next detection" / "Next low-confidence" and
// accepts, rejects, adjusts (drag a new box over the current face) or adds boxes (drag a box where the
// detector missed a face). "Save" stores the accepted tracks as blur redactions and the QA record
// (who, when, frames checked/reviewed, decisions) in the project; exports blur accepted boxes only.
// The panel shows the consent window's FramePresenter (one frame engine, one TimeControl clock per
// window): stepping to a face moves that window's playhead; the GUI thread never decodes.
#include <QWidget>
#include <memory>
#include <optional>

#include "core/consent/FaceQa.h"
#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace tacit {

class BackgroundJob;
class FrameBoxView;
class FramePresenter;
class TimeControl;
struct PresentedFrame;

class FaceQaPanel : public QWidget {
  Q_OBJECT
public:
  // `reviewer` is recorded as who did the QA. The store and the clock must outlive the panel.
  FaceQaPanel(project::ProjectStore &store, QString reviewer, TimeControl &time, QWidget *parent = nullptr);
  ~FaceQaPanel() override;

  // Switches to a recording shown by `presenter` (drops an unsaved QA session). False if its video
  // cannot be found.
  bool setRecording(const project::RecordingRecord &recording, FramePresenter *presenter);
  project::Id recordingId() const { return m_recording.id; }

  // The verbs behind the buttons (tests call them directly).
  bool startDetection();
  bool isDetecting() const;
  void cancelDetection();
  // Test seam: use these detections instead of running the detector.
  void setDetections(const consent::VideoFaceResult &faces, int every);
  const consent::FaceQaSession &session() const { return m_qa; }
  bool hasSession() const { return m_hasSession; }
  bool nextDetection();
  bool nextLowConfidence();
  std::optional<std::size_t> currentTrack() const { return m_track; }
  std::int64_t currentFrame() const;
  bool acceptCurrent();
  bool rejectCurrent();
  bool adjustCurrent(const QRectF &normalisedBox);
  bool addBox(const QRectF &normalisedBox);
  void acceptRemaining();
  // Stores accepted tracks + the QA record; returns false (errorText) on failure.
  bool save();
  QString errorText() const { return m_error; }
  QString statusText() const;
  double lowConfidence() const { return m_low; }
  // The frame shown now (with the QA boxes drawn) and whether it is decoded yet.
  bool frameShown() const;
  const QImage &shownImage() const;

signals:
  void detectionFinished(bool ok);
  void saved(const consent::FaceQaRecord &record);
  void frameChanged(std::int64_t frame);

private:
  void buildUi();
  void goToStop(std::size_t stop);
  void showFrame(std::int64_t frame);
  void onPresented(const PresentedFrame &frame);
  Timestamp frameTime(std::int64_t frame) const;
  void refreshMarks();
  void refreshStatus();
  cv::Rect toPixels(const QRectF &normalised) const;

  project::ProjectStore &m_store;
  QString m_reviewer;
  TimeControl &m_time;
  FramePresenter *m_presenter = nullptr;
  project::RecordingRecord m_recording;
  std::optional<MediaStream> m_videoStream; // RecordingContext's main video
  std::unique_ptr<BackgroundJob> m_job;
  consent::FaceQaSession m_qa;
  bool m_hasSession = false;
  std::optional<std::size_t> m_track;

  double m_low = 0.5;
  QString m_error;

  FrameBoxView *m_view = nullptr;
  QLabel *m_status = nullptr;
  QProgressBar *m_progress = nullptr;
  QPushButton *m_find = nullptr, *m_cancel = nullptr;
};

} // namespace tacit
