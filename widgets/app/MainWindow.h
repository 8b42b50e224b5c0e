#pragma once
// The main window: wiring only (docks, actions, menus); views live in their own folders.
// Five view docks (Video, Depth, Plots, 3D, Timeline) plus Offsets, a transport bar, named layouts
// (QSettings saveState), recent files, drag and drop. Opening runs as two jobs (core/util/Job.h): the
// recording's media first (RecordingContext, so the first frame shows quickly), then its sensor
// series, with a progress indicator in the status bar until the plots, 3D view and overlays fill in.
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "core/project/ProjectTypes.h"
#include "core/time/RecordingTime.h"
#include "core/time/TimeControl.h"
#include "core/util/Result.h"

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;

namespace tacit {

namespace project {
class AnnotationDocument;
class ProjectSession;
} // namespace project
class ActionRegistry;
class AnnotationController;
class CurationController;
class DepthPanel;
class OffsetEditor;
class ProjectController;
class PlotsView;
class Pose3DView;
class RecordingSession;
class TimelineWidget;
class TransportBar;
class VideoPanel;
class VideoView;
class DepthView;
class Job;
class RecordingContext;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  struct Options {
    bool restoreSettings = true; // last layout/geometry; off for --screenshot/--bench (deterministic)
  };
  explicit MainWindow(QWidget *parent = nullptr);
  explicit MainWindow(const Options &options, QWidget *parent = nullptr);
  ~MainWindow() override;

  // Opens a recording folder or plain video in the background; errors are shown in the window.
  // Returns false only when the path does not exist (reported the same way).
  bool openPath(const QString &path);
  // Generates the bundled sample on first start (progress dialog), then opens it.
  void openBundledSample();

  ActionRegistry &actions() const { return *m_actions; }
  // The open project (nullptr when none) and its menus/docks (File → New/Open Project…).
  project::ProjectSession *project() const;
  ProjectController &projects() const { return *m_project; }
  TimeControl &timeControl() { return m_time; }
  RecordingSession *session() const { return m_session.get(); }
  VideoView *videoView() const;
  DepthView *depthView() const;
  PlotsView *plotsView() const { return m_plots; }
  Pose3DView *pose3dView() const { return m_pose3d; }
  TimelineWidget *timeline() const { return m_timeline; }
  OffsetEditor *offsetEditor() const { return m_offsets; }
  // True while the sensor series of the open recording are still loading (status bar indicator).
  bool seriesLoading() const;
  QProgressBar *seriesProgress() const { return m_seriesBar; }
  // Annotation editing on the timeline (keys + mouse); nullptr detaches. The document must outlive
  // its attachment (the project session owns it).
  void setAnnotationDocument(project::AnnotationDocument *doc);
  AnnotationController *annotationController() const { return m_annotation; }
  // Integrity lane, suggested boundaries and the curation queue (widgets/curation).
  CurationController *curation() const { return m_curation; }
  TransportBar *transport() const { return m_transport; }
  // Recording time of the recording in the views (origin = its first video frame, frame numbers):
  // what the transport, the timeline and every project panel show.
  const RecordingTimeBase &timeBase() const { return m_timeBase; }
  // Gives the keyboard back to the window's shortcuts (transport, annotation keys): after layout,
  // dock and recording changes, and when a click lands on a view that takes no focus itself.
  void returnKeysToWindow();
  QString lastError() const { return m_lastError; }
  QStringList recentFiles() const;
  // Named layouts (QSettings "layouts/<name>").
  void saveLayout(const QString &name);
  bool restoreLayout(const QString &name);
  QStringList layoutNames() const;

signals:
  void recordingOpened();
  // The sensor series arrived (plots, 3D view, overlays and lanes are filled in).
  void seriesLoaded();
  void openFailed(const QString &message);
  void projectChanged();
  void currentRecordingChanged(tacit::project::Id recordingId);
  void timeBaseChanged();

protected:
  void closeEvent(QCloseEvent *) override;
  void showEvent(QShowEvent *) override;
  void dragEnterEvent(QDragEnterEvent *) override;
  void dropEvent(QDropEvent *) override;

private:
  void createActions();
  void createMenus();
  void createDocks();
  void connectTransport();
  void showError(const QString &message);
  void updateTitle();
  void clearError();
  void onLoaded(std::shared_ptr<RecordingContext> recording, const QString &path);
  void loadSeries(int generation);
  void onOffsetEdited(const std::string &streamId, qint64 offsetNs);
  void addRecent(const QString &path);
  void rebuildRecentMenu();
  void rebuildLayoutMenu();
  void updateTransport();
  void jklPlay(int direction);
  void stepFrames(int n);
  void rebuildTimeBase();
  QDockWidget *addViewDock(const QString &objectName, const QString &title, QWidget *w, Qt::DockWidgetArea area);

  Options m_options;
  TimeControl m_time;
  ActionRegistry *m_actions = nullptr;
  VideoPanel *m_videoPanel = nullptr;
  DepthPanel *m_depthPanel = nullptr;
  PlotsView *m_plots = nullptr;
  Pose3DView *m_pose3d = nullptr;
  TimelineWidget *m_timeline = nullptr;
  AnnotationController *m_annotation = nullptr;
  CurationController *m_curation = nullptr;
  TransportBar *m_transport = nullptr;
  OffsetEditor *m_offsets = nullptr;
  ProjectController *m_project = nullptr;
  QString m_recordingTitle;
  QLabel *m_errorLabel = nullptr;
  QWidget *m_errorBar = nullptr;
  QMenu *m_recentMenu = nullptr;
  QMenu *m_layoutMenu = nullptr;
  QMenu *m_viewMenu = nullptr;
  QByteArray m_defaultState;
  std::function<void()> m_defaultSizes;
  bool m_shownOnce = false;
  bool m_restoredState = false;
  std::unique_ptr<RecordingSession> m_session;
  QPointer<Job> m_openJob, m_seriesJob;
  QProgressBar *m_seriesBar = nullptr;
  QString m_lastError;
  int m_loadGeneration = 0;
  std::optional<Timestamp> m_loopIn, m_loopOut;
  RecordingTimeBase m_timeBase;
};

} // namespace tacit
