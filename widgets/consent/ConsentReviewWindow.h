#pragma once
// Worker consent review mode (DESIGN §7): a locked-down window for the person who wore the glasses.
// Only their recordings, a big thumbnail strip, playback up to 8x, "Remove this part" (mark in/out),
// "Blur this" (drag a box on the picture), a summary page (what is kept/removed/blurred and where the
// data went) and consent: scopes + typed full-name signature + date.
// Decoding happens on worker threads: playback through a FrameFetcher (up to 8x, audio is never played
// in this mode), thumbnails, box tracking ("Blur this" follows the box through the marked part with
// OpenCV's MIL tracker) and face detection (Faces page) through BackgroundJob with progress and Cancel.
// The GUI thread keeps a VideoSource only for frame times. This mode is the only writer of a worker's
// redactions and consent (operators see them read-only). No SQL here: everything goes through
// ProjectStore / core/consent.
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include <QElapsedTimer>

#include "core/media/VideoSource.h"
#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSlider;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace tacit {

class BackgroundJob;
class FaceQaPanel;
class FrameBoxView;
class FrameFetcher;

class ConsentReviewWindow : public QWidget {
  Q_OBJECT
public:
  ConsentReviewWindow(const QString &projectPath, const QString &workerId, QWidget *parent = nullptr);
  ~ConsentReviewWindow() override;

  bool isOpen() const { return m_store != nullptr; }
  QString errorText() const { return m_error; }
  int recordingCount() const;
  QString summaryText() const; // plain text of the summary page
  project::Id currentRecordingId() const { return m_currentId; }

  // The verbs behind the buttons (tests call them directly).
  bool selectRecording(int row);
  bool seekFrame(std::int64_t frame);
  void markIn();
  void markOut();
  bool removeMarkedPart(const QString &reason);
  // Starts tracking the box (drawn on the current frame) over the marked part (or the whole recording);
  // the tracked box is stored when the worker thread finishes (redactionsChanged). False if it cannot start.
  bool blurBox(const QRectF &normalisedBox, const QString &reason);
  bool isTracking() const;
  void cancelTracking();
  // Frame shown in the picture (decoded asynchronously) and the wanted one.
  std::int64_t currentFrame() const { return m_frame; }
  bool frameShown() const { return m_shown == m_frame; }
  const QImage &shownImage() const;
  bool isPlaying() const;
  void play(bool on);
  FaceQaPanel *faceQa() const { return m_faces; }
  QTabWidget *tabs() const { return m_tabs; }
  bool recordConsent(const QStringList &scopes, const QString &fullName);
  bool withdrawConsent(const QString &fullName);
  void setSpeed(double speed);
  double speed() const { return m_speed; }

signals:
  void redactionsChanged();
  void trackingFinished(bool stored);
  void frameShownChanged(std::int64_t frame);

private:
  void buildUi();
  void loadRecordings();
  void refreshSummary();
  void showFrame(std::int64_t frame);
  void present(std::int64_t frame, const QImage &image);
  void loadStrip();
  void reloadRedactions();
  void tick();
  void fail(const QString &message);

  std::unique_ptr<project::ProjectStore> m_store;
  std::string m_workerId;
  QString m_error;
  std::vector<project::RecordingRecord> m_recordings;
  project::Id m_currentId = 0;
  MediaStream m_videoRef;                      // the recording's main video (RecordingContext): readers per thread
  std::unique_ptr<media::VideoSource> m_video; // frame times only (GUI thread never decodes)
  std::unique_ptr<FrameFetcher> m_fetcher;
  std::unique_ptr<BackgroundJob> m_stripJob, m_trackJob;
  std::vector<project::Redaction> m_redactions; // of the current recording
  std::int64_t m_frame = 0, m_shown = -1;
  QElapsedTimer m_playClock;
  Timestamp m_playStartNs = 0;
  std::optional<Timestamp> m_in, m_out;
  double m_speed = 1.0;

  QTabWidget *m_tabs = nullptr;
  QListWidget *m_recordingList = nullptr;
  QListWidget *m_strip = nullptr;
  FrameBoxView *m_view = nullptr;
  QSlider *m_slider = nullptr;
  QComboBox *m_speedBox = nullptr;
  QPushButton *m_play = nullptr;
  QLabel *m_markLabel = nullptr;
  QTimer *m_timer = nullptr;
  QTextBrowser *m_summary = nullptr;
  std::vector<QCheckBox *> m_scopeBoxes;
  QLineEdit *m_name = nullptr;
  QDateEdit *m_date = nullptr;
  QLabel *m_consentState = nullptr;
  FaceQaPanel *m_faces = nullptr;
};

// Registers nothing global: the GUI main calls this for `tacit --consent-review P.tacit --worker ID`.
// Returns the application exit code.
int runConsentReview(const QString &projectPath, const QString &workerId);
// The operator's menu entry: pick a project and a worker, then the window is locked into the consent
// review (application-modal) until it is closed. `projectPath` skips the file picker (the project the
// operator has open, which the caller must close first so the review can write); `onClosed` runs when
// the review window goes away (or the review could not start), e.g. to reopen that project.
void openConsentReviewFromMenu(QWidget *parent, const QString &projectPath = {}, std::function<void()> onClosed = {});

} // namespace tacit
