#pragma once
// Worker consent review mode (DESIGN §7): a locked-down window for the person who wore the glasses.
// Only their recordings, a big thumbnail strip, playback up to 8x, "Remove this part" (mark in/out),
// "Blur this" (drag a box on the picture), a summary page (what is kept/removed/blurred and where the
// data went) and consent: scopes + typed full-name signature + date.
// Decoding happens on the GUI thread with one VideoSource per open recording (small review videos);
// no SQL here: everything goes through ProjectStore / core/consent.
#include <QWidget>
#include <memory>
#include <optional>

#include "core/media/VideoSource.h"
#include "core/project/ProjectStore.h"

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

class FrameBoxView;

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
  bool blurBox(const QRectF &normalisedBox, const QString &reason);
  bool recordConsent(const QStringList &scopes, const QString &fullName);
  bool withdrawConsent(const QString &fullName);
  void setSpeed(double speed);
  double speed() const { return m_speed; }

signals:
  void redactionsChanged();

private:
  void buildUi();
  void loadRecordings();
  void refreshSummary();
  void showFrame(std::int64_t frame);
  void tick();
  void fail(const QString &message);

  std::unique_ptr<project::ProjectStore> m_store;
  std::string m_workerId;
  QString m_error;
  std::vector<project::RecordingRecord> m_recordings;
  project::Id m_currentId = 0;
  std::unique_ptr<media::VideoSource> m_video;
  std::int64_t m_frame = 0;
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
};

// Registers nothing global: the GUI main calls this for `tacit --consent-review P.tacit --worker ID`.
// Returns the application exit code.
int runConsentReview(const QString &projectPath, const QString &workerId);

} // namespace tacit
