#pragma once
// Worker consent review mode (DESIGN §7): a locked-down window for the person who wore the glasses.
// Only their recordings, a big thumbnail strip, playback up to 8x, "Remove this part" (mark in/out),
// "Blur this" (drag a box on the picture), a summary page (what is kept/removed/blurred and where the
// data went) and consent: scopes + typed full-name signature + date.
// Time is the window's TimeControl (one clock per window, injectable time source for tests): the
// picture (review page and Faces page) comes from one FramePresenter on it, so playback up to 8x, the
// slider and face QA all move the same playhead (audio is never played in this mode). Decoding happens
// on worker threads: frames in the presenter's frame engine, thumbnails, box tracking ("Blur this"
// follows the box through the marked part with OpenCV's MIL tracker) and face detection (Faces page)
// through BackgroundJob with progress and Cancel. This mode is the only writer of a worker's
// redactions and consent (operators see them read-only). No SQL here: everything goes through
// ProjectStore / core/consent.
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "core/project/ProjectStore.h"
#include "core/recording/RecordingContext.h"
#include "core/time/TimeControl.h"

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

namespace tacit {

class BackgroundJob;
class FaceQaPanel;
class FrameBoxView;
class FramePresenter;
struct PresentedFrame;

class ConsentReviewWindow : public QWidget {
  Q_OBJECT
public:
  // `clock` drives the window's TimeControl (nullptr: the steady clock; tests pass a manual one).
  ConsentReviewWindow(const QString &projectPath, const QString &workerId, QWidget *parent = nullptr,
                      std::shared_ptr<TimeSource> clock = nullptr);
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
  // Frame at the playhead and whether the picture shows it yet (decoded asynchronously).
  std::int64_t currentFrame() const;
  bool frameShown() const;
  const QImage &shownImage() const;
  bool isPlaying() const;
  void play(bool on);
  FaceQaPanel *faceQa() const { return m_faces; }
  TimeControl &timeControl() { return m_time; }
  FramePresenter *presenter() const { return m_presenter.get(); }
  QTabWidget *tabs() const { return m_tabs; }
  bool recordConsent(const QStringList &scopes, const QString &fullName);
  bool withdrawConsent(const QString &fullName);
  void setSpeed(double speed);
  double speed() const { return m_time.speed(); }

signals:
  void redactionsChanged();
  void trackingFinished(bool stored);
  void frameShownChanged(std::int64_t frame);

private:
  void buildUi();
  void loadRecordings();
  void refreshSummary();
  void showFrame(std::int64_t frame);
  void present(const PresentedFrame &frame);
  void onTimeChanged();
  void loadStrip();
  void reloadRedactions();
  void fail(const QString &message);

  std::unique_ptr<project::ProjectStore> m_store;
  std::string m_workerId;
  QString m_error;
  std::vector<project::RecordingRecord> m_recordings;
  project::Id m_currentId = 0;
  MediaStream m_videoRef; // the recording's main video (RecordingContext): readers per thread
  TimeControl m_time;
  std::unique_ptr<FramePresenter> m_presenter; // the current recording's video
  std::unique_ptr<BackgroundJob> m_stripJob, m_trackJob;
  std::vector<project::Redaction> m_redactions; // of the current recording
  std::optional<Timestamp> m_in, m_out;

  QTabWidget *m_tabs = nullptr;
  QListWidget *m_recordingList = nullptr;
  QListWidget *m_strip = nullptr;
  FrameBoxView *m_view = nullptr;
  QSlider *m_slider = nullptr;
  QComboBox *m_speedBox = nullptr;
  QPushButton *m_play = nullptr;
  QLabel *m_markLabel = nullptr;
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
