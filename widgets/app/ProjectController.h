#pragma once
// The project side of the main window (MainWindow stays wiring): owns the open
// project::ProjectSession, the project docks (recordings, segments, flags, taxonomy), the File
// project actions with recent projects, Edit → Undo/Redo on the project's QUndoStack, and the
// review/flag/recording actions, all registered in the ActionRegistry. Opening a project recording
// makes it current in the session and opens its folder in the review views; once loaded, the
// document gets the video's frame grid.
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>

#include "core/project/ProjectTypes.h"
#include "core/recording/RecordingContext.h"

class QDockWidget;
class QLabel;
class QMenu;

namespace tacit {

namespace project {
class ProjectSession;
}
class FlagsPanel;
class MainWindow;
class RecordingsPanel;
class SegmentsPanel;
class TaxonomyEditor;

class ProjectController : public QObject {
  Q_OBJECT
public:
  explicit ProjectController(MainWindow &window);
  ~ProjectController() override;

  project::ProjectSession *session() const { return m_session.get(); }
  RecordingsPanel *recordingsPanel() const { return m_recordings; }
  SegmentsPanel *segmentsPanel() const { return m_segments; }
  FlagsPanel *flagsPanel() const { return m_flags; }
  TaxonomyEditor *taxonomyEditor() const { return m_taxonomy; }
  QStringList recentProjects() const;
  // "<project>" or "<project> [read-only]"; empty without a project.
  QString titlePart() const;

  // Each reports failures through errorOccurred and returns false.
  bool newProject(const QString &path);
  bool openProject(const QString &path);
  bool saveProjectAs(const QString &path); // copy, then switch to the copy
  void closeProject();
  bool openRecording(project::Id id);
  bool openNextUnreviewed();
  // On the recording selected in the recordings panel (else the current one); undoable.
  bool setReviewStatus(project::ReviewStatus status, const QString &reason = {});
  // A recording folder, or a folder whose subfolders (two levels) hold recordings.
  bool addRecordings(const QString &folder);
  bool relink(project::Id id, const QString &folder);
  // The project recording whose folder is `path` (0 when none).
  project::Id recordingAt(const QString &path) const;
  // Adds the project's stream offsets and redactions of the recording at `path` (if it is one).
  void addRecordingState(const QString &path, RecordingContext::Options &options);
  // Saves (undoably) a stream offset of the shown recording; false when it is not a project
  // recording (the caller then applies the offset to the views only).
  bool setStreamOffset(const std::string &streamId, Timestamp offsetNs);

  // Menu contents (MainWindow places the menus).
  void fillFileMenu(QMenu *file);
  void fillEditMenu(QMenu *edit);
  void fillProjectMenu(QMenu *menu);
  // Shows the project docks at their default width (project open, Reset Layout).
  void applyDefaultSizes();
  // The window's recording time changed (offset nudge): the current document follows.
  void onTimeBaseChanged();
  // What the export dialog's "fix" buttons lead to.
  void showConsentFor(project::Id recordingId);
  void showReviewFor(project::Id recordingId);
  void showFlag(project::Id recordingId, project::Id flagId);
  void showRecordingDetails(project::Id recordingId);

signals:
  void projectChanged();
  void currentRecordingChanged(tacit::project::Id id);
  void titleChanged();
  void errorOccurred(const QString &message);
  void statusMessage(const QString &message);
  void editDone(); // an undoable edit, undo or redo went through

private:
  void createActions();
  void createDocks();
  bool install(std::unique_ptr<project::ProjectSession> session, const QStringList &warnings);
  void onCurrentRecordingChanged(project::Id id);
  void onRecordingLoaded();
  void onStreamOffsetChanged(project::Id recordingId, const std::string &streamId, qint64 offsetNs);
  void updateActions();
  void addRecent(const QString &path);
  void rebuildRecentMenu();
  void askRejectReason();
  // Approve, after a warning when the recording has flags at or above the export severity.
  void approve();
  QString blockingFlagsText(project::Id id);
  static int exportSeverity(); // "exclude flags of severity ≥ N" of the export dialog (QSettings)
  bool fail(const std::string &message);
  void seek(qint64 t);
  void raiseDock(QWidget *content);

  MainWindow &m_window;
  std::unique_ptr<project::ProjectSession> m_session;
  RecordingsPanel *m_recordings = nullptr;
  SegmentsPanel *m_segments = nullptr;
  FlagsPanel *m_flags = nullptr;
  TaxonomyEditor *m_taxonomy = nullptr;
  QList<QDockWidget *> m_docks;
  QLabel *m_lockLabel = nullptr;
  QMenu *m_recentMenu = nullptr;
};

} // namespace tacit
