#include "widgets/app/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include "core/recording/RecordingContext.h"
#include <algorithm>
#include <thread>

#include "core/util/Job.h"
#include "widgets/common/JobProgressDialog.h"

#include "core/project/ProjectSession.h"
#include "core/sample/BundledSample.h"
#include "core/util/Logging.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/OffsetEditor.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/app/ShortcutsDialog.h"
#include "widgets/consent/ConsentReviewWindow.h"
#include "widgets/curation/CurationController.h"
#include "widgets/depth/DepthPanel.h"
#include "widgets/depth/DepthView.h"
#include "widgets/export/ExportDialog.h"
#include "widgets/import/ImportDialog.h"
#include "widgets/plot/PlotsView.h"
#include "widgets/pose3d/Pose3DView.h"
#include "widgets/timeline/TimelineWidget.h"
#include "widgets/transport/TransportBar.h"
#include "widgets/video/VideoPanel.h"
#include "widgets/video/VideoView.h"

namespace tacit {

namespace {
constexpr int kMaxRecent = 10;
const char *kRecentKey = "recentFiles";
const char *kLayoutsGroup = "layouts";
} // namespace

MainWindow::MainWindow(QWidget *parent) : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options &options, QWidget *parent) : QMainWindow(parent), m_options(options) {
  setObjectName(QStringLiteral("MainWindow"));
  setWindowTitle(tr("Tacit"));
  resize(1600, 1000);
  setAcceptDrops(true);
  setDockNestingEnabled(true);
  // The window itself is where the keyboard lives: a click on any view that takes no focus gives
  // it here (Qt walks up to the first ClickFocus widget), so shortcuts never type into a field.
  setFocusPolicy(Qt::ClickFocus);
  m_time.setTickInterval(8); // fine enough for 2x playback of 30 fps video
  m_actions = new ActionRegistry(this);
  createActions();
  createDocks();
  m_project = new ProjectController(*this);
  connect(m_project, &ProjectController::projectChanged, this, &MainWindow::projectChanged);
  connect(m_project, &ProjectController::currentRecordingChanged, this, &MainWindow::currentRecordingChanged);
  connect(m_project, &ProjectController::titleChanged, this, &MainWindow::updateTitle);
  connect(m_project, &ProjectController::errorOccurred, this, &MainWindow::showError);
  connect(m_project, &ProjectController::statusMessage, this,
          [this](const QString &m) { statusBar()->showMessage(m, 5000); });
  // A banner is about the last thing that failed: a successful edit or another project clears it.
  connect(m_project, &ProjectController::editDone, this, &MainWindow::clearError);
  connect(m_project, &ProjectController::projectChanged, this, &MainWindow::clearError);
  connect(m_project, &ProjectController::currentRecordingChanged, this, &MainWindow::returnKeysToWindow,
          Qt::QueuedConnection);
  connect(this, &MainWindow::timeBaseChanged, m_project, &ProjectController::onTimeBaseChanged);
  createMenus();
  connectTransport();
  m_annotation = new AnnotationController(nullptr, m_time, m_timeline, *m_actions, this);
  connect(m_annotation, &AnnotationController::statusMessage, this,
          [this](const QString &m) { statusBar()->showMessage(m, 6000); });
  m_curation = new CurationController(*this);
  connect(m_curation, &CurationController::statusMessage, this,
          [this](const QString &m) { statusBar()->showMessage(m, 6000); });
  connect(m_curation, &CurationController::errorOccurred, this, &MainWindow::showError);
  m_defaultState = saveState();
  if (m_options.restoreSettings) {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    m_restoredState = restoreState(s.value(QStringLiteral("window/state")).toByteArray());
  }
  m_seriesBar = new QProgressBar(this);
  m_seriesBar->setObjectName(QStringLiteral("seriesProgress"));
  m_seriesBar->setRange(0, 1000);
  m_seriesBar->setFormat(tr("Loading sensors… %p%"));
  m_seriesBar->setMaximumWidth(220);
  m_seriesBar->hide();
  statusBar()->addPermanentWidget(m_seriesBar);
  statusBar()->showMessage(tr("Open a recording folder with File → Open (Ctrl+O), or drop one here."));
}

MainWindow::~MainWindow() {
  for (Job *job : {m_openJob.data(), m_seriesJob.data()})
    if (job)
      job->cancel();
  delete m_project; // closes the project while the views still exist
  m_project = nullptr;
  m_session.reset();
}

void MainWindow::setAnnotationDocument(project::AnnotationDocument *doc) {
  m_annotation->setDocument(doc);
}

project::ProjectSession *MainWindow::project() const {
  return m_project ? m_project->session() : nullptr;
}

void MainWindow::updateTitle() {
  QStringList parts;
  if (const QString p = m_project ? m_project->titlePart() : QString(); !p.isEmpty())
    parts << p;
  if (!m_recordingTitle.isEmpty())
    parts << m_recordingTitle;
  parts << tr("Tacit");
  setWindowTitle(parts.join(QStringLiteral(" — ")));
}

VideoView *MainWindow::videoView() const {
  return m_videoPanel->view();
}
DepthView *MainWindow::depthView() const {
  return m_depthPanel->view();
}

void MainWindow::createActions() {
  ActionRegistry &a = *m_actions;
  const QString file = tr("File"), play = tr("Playback"), view = tr("View"), tl = tr("Timeline");
  a.add("file.open", tr("&Open Recording Folder…"), file, {QKeySequence::Open});
  a.add("file.openVideo", tr("Open &Video File…"), file);
  a.add("file.import", tr("&Import…"), file, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)});
  a.add("file.export", tr("&Export Episodes…"), file, {QKeySequence(Qt::CTRL | Qt::Key_E)});
  a.add("file.consentReview", tr("Worker &Consent Review…"), file);
  a.add("file.quit", tr("&Quit"), file, {QKeySequence::Quit});
  a.add("playback.toggle", tr("Play"), play, {Qt::Key_Space});
  a.add("playback.stepForward", tr("Next Frame"), play, {Qt::Key_Right});
  a.add("playback.stepBack", tr("Previous Frame"), play, {Qt::Key_Left});
  a.add("playback.forward10", tr("Forward 10 Frames"), play, {Qt::SHIFT | Qt::Key_Right});
  a.add("playback.back10", tr("Back 10 Frames"), play, {Qt::SHIFT | Qt::Key_Left});
  a.add("playback.forward100", tr("Forward 100 Frames"), play, {Qt::Key_PageDown});
  a.add("playback.back100", tr("Back 100 Frames"), play, {Qt::Key_PageUp});
  a.add("playback.reverse", tr("Play Reverse (repeat: faster)"), play, {Qt::Key_J});
  a.add("playback.pause", tr("Pause"), play, {Qt::Key_K});
  a.add("playback.forward", tr("Play Forward (repeat: faster)"), play, {Qt::Key_L});
  a.add("playback.start", tr("Go to Start"), play, {Qt::Key_Home});
  a.add("playback.end", tr("Go to End"), play, {Qt::Key_End});
  a.add("playback.loopIn", tr("Set In Point (loop, segment)"), play, {Qt::Key_I});
  a.add("playback.loopOut", tr("Set Out Point (loop, segment)"), play, {Qt::Key_O});
  QAction *loop = a.add("playback.loop", tr("Loop"), play, {Qt::CTRL | Qt::Key_L});
  loop->setCheckable(true);
  a.add("timeline.zoomIn", tr("Zoom In Timeline"), tl,
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
  a.add("timeline.zoomOut", tr("Zoom Out Timeline"), tl, {QKeySequence(Qt::CTRL | Qt::Key_Minus)});
  a.add("view.fit", tr("Fit Views"), view, {Qt::Key_F});
  a.add("playback.goTo", tr("Go to Time or Frame…"), play, {QKeySequence(Qt::CTRL | Qt::Key_G)});
  a.add("view.saveLayout", tr("Save Layout As…"), view);
  a.add("view.resetLayout", tr("Reset Layout"), view);
  a.add("help.shortcuts", tr("&Keyboard Shortcuts"), tr("Help"), {QKeySequence::HelpContents});
  a.add("help.about", tr("&About Tacit"), tr("Help"));
  // Short labels for the transport buttons (menus keep the full text).
  const std::pair<const char *, const char *> icons[] = {
      {"playback.start", "Start"},     {"playback.back100", "−100"},   {"playback.back10", "−10"},
      {"playback.stepBack", "◀|"},     {"playback.reverse", "◀◀ J"},   {"playback.toggle", "▶ / ❚❚"},
      {"playback.forward", "L ▶▶"},    {"playback.stepForward", "|▶"}, {"playback.forward10", "+10"},
      {"playback.forward100", "+100"}, {"playback.end", "End"},        {"playback.loop", "⟲ Loop"}};
  for (const auto &[id, icon] : icons) {
    QAction *act = a.action(id);
    act->setIconText(QString::fromUtf8(icon));
    act->setToolTip(QStringLiteral("%1 (%2)").arg(act->text(), act->shortcut().toString(QKeySequence::NativeText)));
  }
  for (const QString &id : a.ids())
    addAction(a.action(id)); // shortcuts live on the window, not in any view

  connect(a.action("file.open"), &QAction::triggered, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Recording Folder"));
    if (!dir.isEmpty())
      openPath(dir);
  });
  connect(a.action("file.openVideo"), &QAction::triggered, this, [this] {
    const QString f = QFileDialog::getOpenFileName(this, tr("Open Video File"), {},
                                                   tr("Videos (*.mp4 *.mov *.mkv *.avi *.webm);;All files (*)"));
    if (!f.isEmpty())
      openPath(f);
  });
  connect(a.action("file.import"), &QAction::triggered, this, [this] {
    auto *d = new ImportDialog(this); // stays open for its warnings; opens each imported recording
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &ImportDialog::imported, this, [this](const QString &folder) {
      if (m_project->session())
        m_project->addRecordings(folder); // the open project gets the new recording too
      openPath(folder);
    });
    d->show();
  });
  connect(a.action("file.quit"), &QAction::triggered, this, &QWidget::close);
  connect(a.action("file.export"), &QAction::triggered, this, [this] {
    // The open project, else ask for a .tacit file (the dialog then opens it itself).
    if (auto *session = project()) {
      ExportDialog dialog(QString::fromStdString(session->path().string()), session, this);
      dialog.exec();
      if (const auto fix = dialog.requestedFix()) // the dialog closed to lead the user to a fix
        switch (fix->kind) {
        case ExportFix::Kind::Review: m_project->showReviewFor(fix->recordingId); break;
        case ExportFix::Kind::Consent: m_project->showConsentFor(fix->recordingId); break;
        case ExportFix::Kind::Flag: m_project->showFlag(fix->recordingId, fix->flagId); break;
        case ExportFix::Kind::Worker: m_project->showRecordingDetails(fix->recordingId); break;
        }
      return;
    }
    const QString p = QFileDialog::getOpenFileName(this, tr("Export From Project"), {}, tr("Tacit projects (*.tacit)"));
    if (p.isEmpty())
      return;
    ExportDialog dialog(p, nullptr, this);
    dialog.exec();
  });
  // The only place that writes a worker's redactions and consent (operators see them read-only).
  // The open project is closed while the worker reviews (so the review can write) and reopened after.
  connect(a.action("file.consentReview"), &QAction::triggered, this, [this] {
    QString open;
    if (auto *session = project()) {
      open = QString::fromStdString(session->store().path().string());
      m_project->closeProject();
    }
    openConsentReviewFromMenu(this, open, [this, open] {
      if (!open.isEmpty())
        m_project->openProject(open);
    });
  });
  connect(a.action("help.shortcuts"), &QAction::triggered, this, [this] {
    auto *d = new ShortcutsDialog(*m_actions, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
  });
  connect(a.action("help.about"), &QAction::triggered, this, [this] {
    QMessageBox::about(this, tr("About Tacit"),
                       tr("<b>Tacit %1</b><p>Review, label and curate smart-glasses recordings for robot learning.")
                           .arg(QApplication::applicationVersion()));
  });
  connect(a.action("view.saveLayout"), &QAction::triggered, this, [this] {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Layout"), tr("Layout name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
      saveLayout(name.trimmed());
  });
  connect(a.action("view.resetLayout"), &QAction::triggered, this, [this] {
    restoreState(m_defaultState);
    if (m_defaultSizes)
      m_defaultSizes();
    returnKeysToWindow();
  });
}

QDockWidget *MainWindow::addViewDock(const QString &objectName, const QString &title, QWidget *w,
                                     Qt::DockWidgetArea area) {
  auto *dock = new QDockWidget(title, this);
  dock->setObjectName(objectName);
  dock->setWidget(w);
  dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                    QDockWidget::DockWidgetClosable);
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::createDocks() {
  // Error banner above everything: file and reason, dismissable, never modal.
  m_errorBar = new QWidget(this);
  m_errorBar->setObjectName(QStringLiteral("errorBar"));
  m_errorBar->setStyleSheet(QStringLiteral("#errorBar{background:#7a2020;} QLabel{color:white;}"));
  auto *errLayout = new QHBoxLayout(m_errorBar);
  errLayout->setContentsMargins(8, 3, 8, 3);
  m_errorLabel = new QLabel(m_errorBar);
  m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_errorLabel->setWordWrap(true);
  errLayout->addWidget(m_errorLabel, 1);
  auto *close = new QToolButton(m_errorBar);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  connect(close, &QToolButton::clicked, this, &MainWindow::clearError);
  errLayout->addWidget(close);
  auto *errTools = new QToolBar(tr("Errors"), this);
  errTools->setObjectName(QStringLiteral("errorToolbar"));
  errTools->setMovable(false);
  errTools->addWidget(m_errorBar);
  errTools->toggleViewAction()->setVisible(false);
  addToolBar(Qt::TopToolBarArea, errTools);
  errTools->hide();
  m_errorBar->setProperty("toolbar", QVariant::fromValue<QObject *>(errTools));

  m_videoPanel = new VideoPanel(this);
  m_depthPanel = new DepthPanel(this);
  m_plots = new PlotsView(this);
  m_pose3d = new Pose3DView(this);
  m_timeline = new TimelineWidget(this);
  m_offsets = new OffsetEditor(this);
  // The video is the central widget: it takes whatever room the docks leave (a bigger window makes
  // the video bigger, never an empty timeline) and every dock separator next to it can be dragged.
  // The other views are docks that can be moved, hidden and restored.
  m_videoPanel->setObjectName(QStringLiteral("videoCentral"));
  setCentralWidget(m_videoPanel);
  QDockWidget *depth = addViewDock("dock.depth", tr("Depth"), m_depthPanel, Qt::RightDockWidgetArea);
  QDockWidget *pose = addViewDock("dock.3d", tr("3D"), m_pose3d, Qt::RightDockWidgetArea);
  QDockWidget *plots = addViewDock("dock.plots", tr("Plots"), m_plots, Qt::RightDockWidgetArea);
  QDockWidget *timeline = addViewDock("dock.timeline", tr("Timeline"), m_timeline, Qt::BottomDockWidgetArea);
  QDockWidget *offsets = addViewDock("dock.offsets", tr("Offsets"), m_offsets, Qt::BottomDockWidgetArea);
  splitDockWidget(depth, plots, Qt::Vertical);
  splitDockWidget(depth, pose, Qt::Horizontal);
  tabifyDockWidget(timeline, offsets);
  timeline->raise();
  // The bottom area spans the window; the side columns sit above it.
  setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
  m_defaultSizes = [this, depth, pose, plots, timeline] {
    const int w = width(), h = height();
    // Right column about a third of the window, the timeline as tall as its lanes (at most a quarter).
    resizeDocks({depth, pose}, {w * 17 / 100, w * 17 / 100}, Qt::Horizontal);
    resizeDocks({timeline}, {std::min(h / 4, m_timeline->sizeHint().height() + 30)}, Qt::Vertical);
    resizeDocks({depth, plots}, {h * 30 / 100, h * 30 / 100}, Qt::Vertical);
    if (m_project)
      m_project->applyDefaultSizes();
  };

  m_transport = new TransportBar(*m_actions, this);
  auto *transportBar = new QToolBar(tr("Transport"), this);
  transportBar->setObjectName(QStringLiteral("toolbar.transport"));
  transportBar->addWidget(m_transport);
  addToolBar(Qt::BottomToolBarArea, transportBar);
}

void MainWindow::createMenus() {
  ActionRegistry &a = *m_actions;
  QMenu *file = menuBar()->addMenu(tr("&File"));
  file->addAction(a.action("file.open"));
  file->addAction(a.action("file.openVideo"));
  file->addAction(a.action("file.import"));
  file->addAction(a.action("file.export"));
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  rebuildRecentMenu();
  file->addSeparator();
  m_project->fillFileMenu(file);
  file->addAction(a.action("file.consentReview"));
  file->addSeparator();
  file->addAction(a.action("file.quit"));
  m_project->fillEditMenu(menuBar()->addMenu(tr("&Edit")));

  QMenu *playback = menuBar()->addMenu(tr("&Playback"));
  for (const QString &id : a.ids())
    if (id.startsWith(QLatin1String("playback.")))
      playback->addAction(a.action(id));

  m_viewMenu = menuBar()->addMenu(tr("&View"));
  m_viewMenu->addAction(a.action("view.fit"));
  m_viewMenu->addAction(a.action("timeline.zoomIn"));
  m_viewMenu->addAction(a.action("timeline.zoomOut"));
  m_viewMenu->addSeparator();
  for (QDockWidget *d : findChildren<QDockWidget *>()) {
    m_viewMenu->addAction(d->toggleViewAction());
    // A hidden dock must not leave the keyboard in whatever field Qt picks next.
    connect(d->toggleViewAction(), &QAction::triggered, this, &MainWindow::returnKeysToWindow, Qt::QueuedConnection);
  }
  m_viewMenu->addSeparator();
  m_layoutMenu = m_viewMenu->addMenu(tr("&Layouts"));
  rebuildLayoutMenu();

  m_project->fillProjectMenu(menuBar()->addMenu(tr("P&roject")));

  QMenu *help = menuBar()->addMenu(tr("&Help"));
  help->addAction(a.action("help.shortcuts"));
  help->addAction(a.action("help.about"));
}

void MainWindow::stepFrames(int n) {
  if (!m_time.step(n)) {
    // No frame stream (sensors only): step by 1/30 s.
    m_time.pause();
    m_time.setTime(m_time.time() + n * (kNsPerSecond / 30));
  }
}

void MainWindow::jklPlay(int direction) {
  const bool sameDirection = m_time.isPlaying() && ((direction < 0) == m_time.isReverse());
  const double magnitude = sameDirection ? std::min(10.0, std::abs(m_time.speed()) * 2.0) : 1.0;
  m_time.setSpeed(direction * magnitude);
  m_time.play();
}

void MainWindow::connectTransport() {
  ActionRegistry &a = *m_actions;
  connect(a.action("playback.toggle"), &QAction::triggered, &m_time, &TimeControl::togglePlay);
  connect(a.action("playback.stepForward"), &QAction::triggered, this, [this] { stepFrames(1); });
  connect(a.action("playback.stepBack"), &QAction::triggered, this, [this] { stepFrames(-1); });
  connect(a.action("playback.forward10"), &QAction::triggered, this, [this] { stepFrames(10); });
  connect(a.action("playback.back10"), &QAction::triggered, this, [this] { stepFrames(-10); });
  connect(a.action("playback.forward100"), &QAction::triggered, this, [this] { stepFrames(100); });
  connect(a.action("playback.back100"), &QAction::triggered, this, [this] { stepFrames(-100); });
  connect(a.action("playback.reverse"), &QAction::triggered, this, [this] { jklPlay(-1); });
  connect(a.action("playback.forward"), &QAction::triggered, this, [this] { jklPlay(1); });
  connect(a.action("playback.pause"), &QAction::triggered, &m_time, &TimeControl::pause);
  connect(a.action("playback.start"), &QAction::triggered, this, [this] {
    m_time.pause();
    m_time.setTime(m_time.range().begin);
  });
  connect(a.action("playback.end"), &QAction::triggered, this, [this] {
    m_time.pause();
    m_time.setTime(m_time.range().end - 1);
  });
  auto applyLoop = [this] {
    QAction *loop = m_actions->action("playback.loop");
    if (!loop->isChecked()) {
      m_time.clearLoop();
      m_timeline->setLoop({});
      return;
    }
    TimeRange r = m_timeline->visibleRange();
    if (m_loopIn)
      r.begin = *m_loopIn;
    if (m_loopOut)
      r.end = *m_loopOut;
    if (r.empty())
      r = m_time.range();
    m_time.setLoop(r);
    m_timeline->setLoop(r);
  };
  connect(a.action("playback.loop"), &QAction::toggled, this, applyLoop);
  connect(a.action("playback.loopIn"), &QAction::triggered, this, [this, applyLoop] {
    m_loopIn = m_time.time();
    if (m_loopOut && *m_loopOut <= *m_loopIn)
      m_loopOut.reset();
    applyLoop();
  });
  connect(a.action("playback.loopOut"), &QAction::triggered, this, [this, applyLoop] {
    m_loopOut = m_time.time() + 1;
    if (m_loopIn && *m_loopIn >= *m_loopOut)
      m_loopIn.reset();
    applyLoop();
  });
  connect(a.action("timeline.zoomIn"), &QAction::triggered, m_timeline, &TimelineWidget::zoomIn);
  connect(a.action("timeline.zoomOut"), &QAction::triggered, m_timeline, &TimelineWidget::zoomOut);
  connect(a.action("view.fit"), &QAction::triggered, this, [this] {
    m_videoPanel->view()->fit();
    m_depthPanel->view()->fit();
    m_timeline->fit();
    m_plots->fit();
  });

  connect(m_timeline, &TimelineWidget::seekRequested, this, [this](qint64 t) {
    m_time.pause();
    m_time.setTime(t);
  });
  connect(m_plots, &PlotsView::seekRequested, this, [this](qint64 t) {
    m_time.pause();
    m_time.setTime(t);
  });
  connect(m_transport, &TransportBar::timeEntered, this, [this](qint64 rel) {
    m_time.pause();
    m_time.setTime(std::clamp(m_timeBase.device(rel), m_time.range().begin, m_time.range().end - 1));
  });
  connect(m_transport, &TransportBar::editingDone, this, &MainWindow::returnKeysToWindow);
  connect(a.action("playback.goTo"), &QAction::triggered, m_transport, &TransportBar::focusTimeField);
  connect(m_transport, &TransportBar::frameEntered, this, [this](qint64 frame) {
    if (!m_session)
      return;
    if (auto t = m_session->timeOfFrame(frame)) {
      m_time.pause();
      m_time.setTime(*t);
    } else {
      statusBar()->showMessage(tr("Frame %1 does not exist (0–%2)").arg(frame).arg(m_session->frameCount() - 1), 5000);
    }
  });
  connect(m_transport, &TransportBar::inputRejected, this, [this](const QString &text) {
    statusBar()->showMessage(tr("Not a time or frame: \"%1\" (try 1:02.5, 62.5 or #120)").arg(text), 5000);
  });
  connect(m_transport, &TransportBar::speedChosen, this,
          [this](double v) { m_time.setSpeed(m_time.isReverse() ? -v : v); });
  connect(&m_time, &TimeControl::timeChanged, this, &MainWindow::updateTransport, Qt::QueuedConnection);
  connect(&m_time, &TimeControl::playingChanged, m_transport, &TransportBar::setPlaying);
  connect(&m_time, &TimeControl::speedChanged, m_transport, &TransportBar::setSpeed);
  connect(m_offsets, &OffsetEditor::offsetChanged, this, &MainWindow::onOffsetEdited);
}

void MainWindow::updateTransport() {
  const qint64 frame = m_session ? m_session->currentFrame() : -1;
  m_transport->setTime(m_timeBase.relative(m_time.time()), frame, m_session ? m_session->frameCount() : 0);
}

void MainWindow::rebuildTimeBase() {
  std::vector<Timestamp> frames;
  if (m_session) {
    frames.reserve(static_cast<std::size_t>(m_session->frameCount()));
    for (qint64 i = 0; i < m_session->frameCount(); ++i)
      if (auto t = m_session->timeOfFrame(i))
        frames.push_back(*t);
  }
  m_timeBase = RecordingTimeBase::fromFrames(std::move(frames), m_time.range().begin);
  m_timeline->setTimeOrigin(m_timeBase.origin());
  updateTransport();
  emit timeBaseChanged();
}

void MainWindow::returnKeysToWindow() {
  // A dialog of ours (label picker, flag dialog) keeps its keyboard; anything in this window hands it back.
  if (QWidget *focus = QApplication::focusWidget(); focus && focus->window() != this)
    return;
  if (!isActiveWindow())
    activateWindow(); // e.g. a closed dialog left no window active
  setFocus(Qt::OtherFocusReason);
}

void MainWindow::showError(const QString &message) {
  m_lastError = message;
  m_errorLabel->setText(message);
  if (auto *bar = qobject_cast<QToolBar *>(m_errorBar->property("toolbar").value<QObject *>()))
    bar->show();
  statusBar()->showMessage(message, 10000);
  logging::get("tacit.gui")->warn("{}", message.toStdString());
}

void MainWindow::clearError() {
  if (auto *bar = qobject_cast<QToolBar *>(m_errorBar->property("toolbar").value<QObject *>()))
    bar->hide();
}

bool MainWindow::openPath(const QString &path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    const QString msg = tr("%1: no such file or folder").arg(path);
    showError(msg);
    emit openFailed(msg);
    return false;
  }
  clearError();
  for (Job *job : {m_openJob.data(), m_seriesJob.data()})
    if (job)
      job->cancel();
  const int generation = ++m_loadGeneration;
  RecordingContext::Options options;
  options.series = false; // first frame first: the series follow on their own job
  m_project->addRecordingState(info.absoluteFilePath(), options);
  const std::filesystem::path p = info.absoluteFilePath().toStdString();
  using Opened = std::shared_ptr<RecordingContext>;
  m_openJob = startJob<Opened>(
      this, tr("Opening %1").arg(info.fileName()),
      [p, options](JobContext &job) -> Result<Opened> {
        RecordingContext::Options o = options;
        o.progress = job.stageCallback();
        auto r = RecordingContext::open(p, o);
        if (!r)
          return Result<Opened>::failure(r.error());
        return Opened(r.takeValue());
      },
      [this, generation, path](Result<Opened> &r) {
        if (generation != m_loadGeneration)
          return;
        if (!r) {
          const QString msg = QString::fromStdString(r.error());
          showError(msg);
          emit openFailed(msg);
          return;
        }
        onLoaded(r.takeValue(), path);
      });
  JobProgressDialog::show(m_openJob, this, tr("Opening %1…").arg(info.fileName()));
  statusBar()->showMessage(tr("Opening %1…").arg(path));
  return true;
}

bool MainWindow::seriesLoading() const {
  return m_seriesJob && m_seriesJob->isRunning();
}

void MainWindow::loadSeries(int generation) {
  std::shared_ptr<const RecordingContext> ctx = m_session->context();
  m_seriesBar->setValue(0);
  m_seriesBar->show();
  m_seriesJob = startJob<RecordingSeries>(
      this, tr("Loading sensor series"), [ctx](JobContext &job) { return ctx->readSeries(job.stageCallback()); },
      [this, generation](Result<RecordingSeries> &r) {
        m_seriesBar->hide();
        if (generation != m_loadGeneration || !m_session)
          return;
        if (!r) {
          showError(QString::fromStdString(r.error()));
          return;
        }
        QStringList warnings;
        for (const auto &w : r->warnings)
          warnings << QString::fromStdString(w);
        m_session->setSeries(r.takeValue());
        if (!warnings.isEmpty())
          showError(warnings.join(QLatin1Char('\n')));
        emit seriesLoaded();
      });
  connect(m_seriesJob, &Job::progressChanged, m_seriesBar, [this](double f, const QString &stage) {
    m_seriesBar->setValue(static_cast<int>(f * 1000));
    m_seriesBar->setToolTip(stage);
  });
  connect(m_seriesJob, &Job::finished, m_seriesBar, [this](Job::State state) {
    if (state == Job::State::Cancelled)
      m_seriesBar->hide();
  });
}

void MainWindow::onLoaded(std::shared_ptr<RecordingContext> rec, const QString &path) {
  m_time.pause();
  m_session.reset();
  QStringList warnings;
  for (const auto &w : rec->warnings())
    warnings << QString::fromStdString(w);
  const bool needSeries = !rec->seriesLoaded();
  SessionViews views{m_videoPanel->view(), m_depthPanel->view(), m_plots, m_pose3d, m_timeline};
  m_session = std::make_unique<RecordingSession>(std::move(rec), m_time, views);
  connect(m_session.get(), &RecordingSession::decodeError, this, &MainWindow::showError);
  std::vector<OffsetEditor::Stream> streams;
  for (const auto &[id, name] : m_session->offsetStreams())
    streams.push_back({id, name, m_session->userOffset(id)});
  m_offsets->setStreams(streams, m_session->framePeriod());
  rebuildTimeBase();
  m_transport->resetTimeField(); // nothing typed for the previous recording survives
  m_recordingTitle = QFileInfo(path).fileName();
  updateTitle();
  addRecent(QFileInfo(path).absoluteFilePath());
  if (!warnings.isEmpty())
    showError(warnings.join(QLatin1Char('\n')));
  statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
  updateTransport();
  emit recordingOpened();
  returnKeysToWindow();
  if (needSeries)
    loadSeries(m_loadGeneration);
}

void MainWindow::onOffsetEdited(const std::string &streamId, qint64 offsetNs) {
  // A project recording saves the offset (undoable) and the views follow the project; a recording
  // outside a project only moves the views.
  if (!m_session)
    return;
  if (!m_project->setStreamOffset(streamId, offsetNs))
    m_session->setUserOffset(streamId, offsetNs);
  rebuildTimeBase(); // a nudged video moves its frames, and with them recording time
}

void MainWindow::openBundledSample() {
  QPointer<MainWindow> self(this);
  Job *job = startJob<std::filesystem::path>(
      this, tr("Bundled sample"), [](JobContext &ctx) { return sample::ensureBundledSample(ctx.callback()); },
      [self](Result<std::filesystem::path> &r) {
        if (!self)
          return;
        if (r.ok())
          self->openPath(QString::fromStdString(r.value().string()));
        else
          self->showError(tr("Bundled sample: %1").arg(QString::fromStdString(r.error())));
      });
  JobProgressDialog::show(job, this, tr("Generating the bundled sample recording (first start only)…"), 300);
}

QStringList MainWindow::recentFiles() const {
  return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecent(const QString &path) {
  QSettings s;
  QStringList list = s.value(kRecentKey).toStringList();
  list.removeAll(path);
  list.prepend(path);
  while (list.size() > kMaxRecent)
    list.removeLast();
  s.setValue(kRecentKey, list);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  m_recentMenu->clear();
  const QStringList list = recentFiles();
  for (const QString &p : list)
    m_recentMenu->addAction(p, this, [this, p] { openPath(p); });
  if (list.isEmpty())
    m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::saveLayout(const QString &name) {
  QSettings s;
  s.beginGroup(kLayoutsGroup);
  s.setValue(name, saveState());
  s.endGroup();
  rebuildLayoutMenu();
}

bool MainWindow::restoreLayout(const QString &name) {
  QSettings s;
  s.beginGroup(kLayoutsGroup);
  const QByteArray state = s.value(name).toByteArray();
  return !state.isEmpty() && restoreState(state);
}

QStringList MainWindow::layoutNames() const {
  QSettings s;
  s.beginGroup(kLayoutsGroup);
  return s.childKeys();
}

void MainWindow::rebuildLayoutMenu() {
  m_layoutMenu->clear();
  m_layoutMenu->addAction(m_actions->action("view.saveLayout"));
  m_layoutMenu->addAction(m_actions->action("view.resetLayout"));
  const QStringList names = layoutNames();
  if (!names.isEmpty())
    m_layoutMenu->addSeparator();
  for (const QString &n : names)
    m_layoutMenu->addAction(n, this, [this, n] { restoreLayout(n); });
}

void MainWindow::showEvent(QShowEvent *e) {
  QMainWindow::showEvent(e);
  if (!m_shownOnce) {
    m_shownOnce = true;
    // Dock sizes are proportions of the window, so apply them once it has its real size.
    if (!m_restoredState && m_defaultSizes)
      QTimer::singleShot(0, this, [this] { m_defaultSizes(); });
  }
}

void MainWindow::closeEvent(QCloseEvent *e) {
  if (m_options.restoreSettings) {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
  }
  QMainWindow::closeEvent(e);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *e) {
  if (e->mimeData()->hasUrls())
    e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *e) {
  for (const QUrl &url : e->mimeData()->urls()) {
    if (url.isLocalFile()) {
      if (url.toLocalFile().endsWith(QLatin1String(".tacit"), Qt::CaseInsensitive))
        m_project->openProject(url.toLocalFile());
      else
        openPath(url.toLocalFile());
      e->acceptProposedAction();
      return;
    }
  }
}

} // namespace tacit
