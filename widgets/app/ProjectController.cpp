#include "widgets/app/ProjectController.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectRecording.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/OffsetEditor.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/project/FlagsPanel.h"
#include "widgets/project/RecordingsPanel.h"
#include "widgets/project/SegmentsPanel.h"
#include "widgets/project/TaxonomyEditor.h"

namespace tacit {

using project::Id;
using project::ProjectSession;
using project::ReviewStatus;

namespace {
constexpr int kMaxRecentProjects = 10;
const char *kRecentProjectsKey = "recentProjects";

QString canonicalPath(const QString &path) {
  const QFileInfo info(path);
  const QString c = info.canonicalFilePath();
  return c.isEmpty() ? info.absoluteFilePath() : c;
}
} // namespace

ProjectController::ProjectController(MainWindow &window) : QObject(&window), m_window(window) {
  createActions();
  createDocks();
  m_lockLabel = new QLabel(&window);
  m_lockLabel->setObjectName(QStringLiteral("projectLockLabel"));
  m_lockLabel->setStyleSheet(QStringLiteral("QLabel{color:#b04010;font-weight:bold;}"));
  m_lockLabel->hide();
  window.statusBar()->addPermanentWidget(m_lockLabel);
  connect(&window, &MainWindow::recordingOpened, this, &ProjectController::onRecordingLoaded);
  updateActions();
}

ProjectController::~ProjectController() {
  blockSignals(true); // the window is being torn down: nobody to tell
  closeProject();
}

void ProjectController::createActions() {
  ActionRegistry &a = m_window.actions();
  const QString file = tr("File"), edit = tr("Edit"), proj = tr("Project"), review = tr("Review");
  a.add("project.new", tr("&New Project…"), file, {QKeySequence::New});
  a.add("project.open", tr("Open &Project…"), file, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
  a.add("project.saveAs", tr("Save Project &As…"), file, {QKeySequence::SaveAs});
  a.add("project.close", tr("&Close Project"), file);
  a.add("edit.undo", tr("&Undo"), edit, {QKeySequence(Qt::CTRL | Qt::Key_Z)});
  a.add("edit.redo", tr("&Redo"), edit, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
  a.add("project.addRecordings", tr("Add Recordings…"), proj);
  a.add("project.relink", tr("Relink…"), proj);
  a.add("project.nextUnreviewed", tr("Next Unreviewed"), proj, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)});
  a.add("review.approve", tr("Approve"), review, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)});
  a.add("review.reject", tr("Reject…"), review, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)});
  a.add("review.inReview", tr("In Review"), review);
  a.add("review.reset", tr("Reset to Unreviewed"), review);
  a.add("flags.add", tr("Add Flag…"), review, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)});
  a.add("flags.edit", tr("Edit Flag…"), review);
  a.add("flags.remove", tr("Remove Flag"), review);
  // No key: Delete belongs to the timeline's annotation.delete (a second binding would be ambiguous).
  a.add("segments.deleteSelected", tr("Delete Selected Segments"), review);
  for (const char *id : {"project.new", "project.open", "project.saveAs", "project.close", "edit.undo", "edit.redo",
                         "project.addRecordings", "project.relink", "project.nextUnreviewed", "review.approve",
                         "review.reject", "review.inReview", "review.reset", "flags.add", "flags.edit", "flags.remove"})
    m_window.addAction(a.action(QString::fromLatin1(id)));

  connect(a.action("project.new"), &QAction::triggered, this, [this] {
    const QString f =
        QFileDialog::getSaveFileName(&m_window, tr("New Project"), tr("project.tacit"), tr("Tacit projects (*.tacit)"));
    if (!f.isEmpty())
      newProject(f.endsWith(QLatin1String(".tacit")) ? f : f + QStringLiteral(".tacit"));
  });
  connect(a.action("project.open"), &QAction::triggered, this, [this] {
    const QString f =
        QFileDialog::getOpenFileName(&m_window, tr("Open Project"), {}, tr("Tacit projects (*.tacit);;All files (*)"));
    if (!f.isEmpty())
      openProject(f);
  });
  connect(a.action("project.saveAs"), &QAction::triggered, this, [this] {
    const QString f =
        QFileDialog::getSaveFileName(&m_window, tr("Save Project As"), {}, tr("Tacit projects (*.tacit)"));
    if (!f.isEmpty())
      saveProjectAs(f.endsWith(QLatin1String(".tacit")) ? f : f + QStringLiteral(".tacit"));
  });
  connect(a.action("project.close"), &QAction::triggered, this, &ProjectController::closeProject);
  connect(a.action("edit.undo"), &QAction::triggered, this, [this] {
    if (m_session)
      m_session->undoStack()->undo();
  });
  connect(a.action("edit.redo"), &QAction::triggered, this, [this] {
    if (m_session)
      m_session->undoStack()->redo();
  });
  connect(a.action("project.addRecordings"), &QAction::triggered, this, [this] {
    const QString dir =
        QFileDialog::getExistingDirectory(&m_window, tr("Add Recordings (a recording or a folder of them)"));
    if (!dir.isEmpty())
      addRecordings(dir);
  });
  connect(a.action("project.relink"), &QAction::triggered, this, [this] {
    const Id id = m_recordings->selectedId();
    if (!id)
      return;
    const QString dir = QFileDialog::getExistingDirectory(&m_window, tr("Relink Recording: choose its folder"));
    if (!dir.isEmpty())
      relink(id, dir);
  });
  connect(a.action("project.nextUnreviewed"), &QAction::triggered, this, &ProjectController::openNextUnreviewed);
  connect(a.action("review.approve"), &QAction::triggered, this, [this] { setReviewStatus(ReviewStatus::Approved); });
  connect(a.action("review.reject"), &QAction::triggered, this, &ProjectController::askRejectReason);
  connect(a.action("review.inReview"), &QAction::triggered, this, [this] { setReviewStatus(ReviewStatus::InReview); });
  connect(a.action("review.reset"), &QAction::triggered, this, [this] { setReviewStatus(ReviewStatus::Unreviewed); });
}

void ProjectController::createDocks() {
  ActionRegistry &a = m_window.actions();
  m_recordings = new RecordingsPanel(a, &m_window);
  m_segments = new SegmentsPanel(a, &m_window);
  m_flags = new FlagsPanel(a, &m_window);
  m_taxonomy = new TaxonomyEditor(&m_window);
  const std::pair<QWidget *, QString> docks[] = {{m_recordings, tr("Recordings")},
                                                 {m_segments, tr("Segments")},
                                                 {m_flags, tr("Flags")},
                                                 {m_taxonomy, tr("Labels")}};
  const char *names[] = {"dock.recordings", "dock.segments", "dock.flags", "dock.taxonomy"};
  for (std::size_t i = 0; i < std::size(docks); ++i) {
    auto *dock = new QDockWidget(docks[i].second, &m_window);
    dock->setObjectName(QString::fromLatin1(names[i]));
    dock->setWidget(docks[i].first);
    m_window.addDockWidget(Qt::LeftDockWidgetArea, dock);
    if (!m_docks.isEmpty())
      m_window.tabifyDockWidget(m_docks.first(), dock);
    dock->hide(); // shown when a project opens
    m_docks << dock;
  }
  m_flags->setSpanProvider([this] { return m_window.timeControl().loop(); });
  connect(m_recordings, &RecordingsPanel::openRequested, this, &ProjectController::openRecording);
  connect(m_recordings, &RecordingsPanel::selectionChanged, this, &ProjectController::updateActions);
  connect(m_segments, &SegmentsPanel::seekRequested, this, &ProjectController::seek);
  connect(m_flags, &FlagsPanel::seekRequested, this, &ProjectController::seek);
  for (QObject *o : {static_cast<QObject *>(m_segments), static_cast<QObject *>(m_flags)})
    connect(o, SIGNAL(errorOccurred(QString)), this, SIGNAL(errorOccurred(QString)));
  connect(m_taxonomy, &TaxonomyEditor::errorOccurred, this, &ProjectController::errorOccurred);
}

void ProjectController::fillFileMenu(QMenu *file) {
  ActionRegistry &a = m_window.actions();
  file->addAction(a.action("project.new"));
  file->addAction(a.action("project.open"));
  m_recentMenu = file->addMenu(tr("Open Recent Pro&ject"));
  rebuildRecentMenu();
  file->addAction(a.action("project.saveAs"));
  file->addAction(a.action("project.close"));
}

void ProjectController::fillEditMenu(QMenu *edit) {
  edit->addAction(m_window.actions().action("edit.undo"));
  edit->addAction(m_window.actions().action("edit.redo"));
}

void ProjectController::fillProjectMenu(QMenu *menu) {
  ActionRegistry &a = m_window.actions();
  const char *const ids[] = {"project.addRecordings",
                             "project.relink",
                             "project.nextUnreviewed",
                             nullptr,
                             "review.approve",
                             "review.reject",
                             "review.inReview",
                             "review.reset",
                             nullptr,
                             "flags.add",
                             "flags.edit",
                             "flags.remove",
                             "segments.deleteSelected"};
  for (const char *id : ids) {
    if (id)
      menu->addAction(a.action(QString::fromLatin1(id)));
    else
      menu->addSeparator();
  }
}

QString ProjectController::titlePart() const {
  if (!m_session)
    return {};
  return m_session->isReadOnly() ? tr("%1 [read-only]").arg(m_session->name()) : m_session->name();
}

bool ProjectController::fail(const std::string &message) {
  emit errorOccurred(QString::fromStdString(message));
  return false;
}

void ProjectController::seek(qint64 t) {
  m_window.timeControl().pause();
  m_window.timeControl().setTime(t);
}

// --- project lifecycle -------------------------------------------------------------------------------

bool ProjectController::newProject(const QString &path) {
  auto s = ProjectSession::create(path.toStdString());
  if (!s)
    return fail(s.error());
  return install(s.takeValue(), {});
}

bool ProjectController::openProject(const QString &path) {
  auto s = ProjectSession::open(path.toStdString());
  if (!s)
    return fail(s.error());
  QStringList warnings;
  for (const auto &w : s.warnings())
    warnings << QString::fromStdString(w);
  return install(s.takeValue(), warnings);
}

bool ProjectController::install(std::unique_ptr<ProjectSession> session, const QStringList &warnings) {
  closeProject();
  m_session = std::move(session);
  ProjectSession *s = m_session.get();
  connect(s, &ProjectSession::errorOccurred, this, &ProjectController::errorOccurred);
  connect(s, &ProjectSession::currentRecordingChanged, this, &ProjectController::onCurrentRecordingChanged);
  connect(s, &ProjectSession::streamOffsetChanged, this, &ProjectController::onStreamOffsetChanged);
  QUndoStack *undo = s->undoStack();
  connect(undo, &QUndoStack::canUndoChanged, this, &ProjectController::updateActions);
  connect(undo, &QUndoStack::canRedoChanged, this, &ProjectController::updateActions);
  connect(undo, &QUndoStack::undoTextChanged, this, &ProjectController::updateActions);
  connect(undo, &QUndoStack::redoTextChanged, this, &ProjectController::updateActions);
  m_recordings->setSession(s);
  m_taxonomy->setModel(s->taxonomy(), undo);
  for (QDockWidget *d : m_docks)
    d->show();
  m_docks.first()->raise();
  if (s->isReadOnly()) {
    m_lockLabel->setText(tr("[read-only] %1").arg(s->readOnlyReason()));
    m_lockLabel->setToolTip(s->readOnlyReason());
    m_lockLabel->show();
  }
  addRecent(QString::fromStdString(s->path().string()));
  // A recording already in the views that belongs to this project becomes current.
  onRecordingLoaded();
  updateActions();
  emit projectChanged();
  emit titleChanged();
  if (!warnings.isEmpty())
    emit errorOccurred(warnings.join(QLatin1Char('\n')));
  emit statusMessage(tr("Opened project %1").arg(s->name()));
  return true;
}

void ProjectController::closeProject() {
  if (!m_session)
    return;
  // Views let go of the models before the session deletes them.
  m_segments->setModels(nullptr, nullptr, nullptr);
  m_flags->setModels(nullptr, nullptr);
  m_recordings->setSession(nullptr);
  m_taxonomy->setModel(nullptr, nullptr);
  m_window.setAnnotationDocument(nullptr);
  m_session->disconnect(this);
  m_session.reset();
  m_lockLabel->hide();
  updateActions();
  emit currentRecordingChanged(0);
  emit projectChanged();
  emit titleChanged();
}

bool ProjectController::saveProjectAs(const QString &path) {
  if (!m_session)
    return false;
  if (auto st = m_session->store().saveCopyAs(path.toStdString()); !st.ok())
    return fail(st.error());
  // The copy has the same recording ids; opening it makes the recording in the views current again.
  return openProject(path);
}

// --- recordings ---------------------------------------------------------------------------------------

bool ProjectController::openRecording(Id id) {
  if (!m_session)
    return false;
  auto rec = m_session->store().recording(id);
  if (!rec)
    return fail(rec.error());
  // A missing folder cannot be shown: keep the current recording, whose media is in the views.
  const auto folder = m_session->store().absoluteFolder(*rec);
  if (m_session->store().mediaState(*rec) == project::MediaState::Missing)
    return fail(folder.string() + ": recording folder is missing; use Relink… to point the project at it");
  if (auto st = m_session->setCurrentRecording(id); !st.ok())
    return fail(st.error());
  m_recordings->selectRecording(id);
  if (RecordingSession *rs = m_window.session();
      rs && canonicalPath(QString::fromStdString(rs->recording().sourcePath().string())) ==
                canonicalPath(QString::fromStdString(folder.string()))) {
    onRecordingLoaded(); // already in the views
    return true;
  }
  return m_window.openPath(QString::fromStdString(folder.string()));
}

bool ProjectController::openNextUnreviewed() {
  if (!m_session)
    return false;
  const Id id = m_recordings->selectNextUnreviewed();
  if (!id) {
    emit statusMessage(tr("No unreviewed recordings match the filters"));
    return false;
  }
  return openRecording(id);
}

Id ProjectController::recordingAt(const QString &path) const {
  if (!m_session)
    return 0;
  // A folder opened with File → Open may be a project recording too.
  const QString wanted = canonicalPath(path);
  if (auto recs = m_session->store().recordings())
    for (const auto &r : *recs)
      if (canonicalPath(QString::fromStdString(m_session->store().absoluteFolder(r).string())) == wanted)
        return r.id;
  return 0;
}

void ProjectController::addRecordingState(const QString &path, RecordingContext::Options &options) {
  if (const Id id = recordingAt(path))
    if (auto st = project::addProjectState(m_session->store(), id, options); !st.ok())
      fail(st.error());
}

bool ProjectController::setStreamOffset(const std::string &streamId, Timestamp offsetNs) {
  RecordingSession *rs = m_window.session();
  if (!m_session || !rs || m_session->isReadOnly())
    return false;
  const Id id = recordingAt(QString::fromStdString(rs->recording().sourcePath().string()));
  if (!id)
    return false;
  if (auto st = m_session->setStreamOffset(id, streamId, offsetNs); !st.ok())
    fail(st.error());
  return true;
}

void ProjectController::onStreamOffsetChanged(Id recordingId, const std::string &streamId, qint64 offsetNs) {
  // Set, undone or redone: the views follow the project (only when that recording is shown).
  RecordingSession *rs = m_window.session();
  if (!rs || recordingAt(QString::fromStdString(rs->recording().sourcePath().string())) != recordingId)
    return;
  rs->setUserOffset(streamId, offsetNs);
  m_window.offsetEditor()->setOffset(streamId, offsetNs);
}

void ProjectController::onRecordingLoaded() {
  RecordingSession *rs = m_window.session();
  if (!m_session || !rs)
    return;
  // Which project recording is in the views?
  const Id match = recordingAt(QString::fromStdString(rs->recording().sourcePath().string()));
  if (auto st = m_session->setCurrentRecording(match); !st.ok())
    fail(st.error());
  project::AnnotationDocument *doc = m_session->document();
  if (!doc)
    return;
  std::vector<Timestamp> times;
  times.reserve(static_cast<std::size_t>(rs->frameCount()));
  for (qint64 i = 0; i < rs->frameCount(); ++i)
    if (auto t = rs->timeOfFrame(i))
      times.push_back(*t);
  doc->setFrameGrid(project::FrameGrid(std::move(times)));
  // The worker's redactions: operators see removed spans blanked and boxes blurred.
  if (match) {
    if (auto reds = m_session->store().redactions(match); reds)
      rs->setRedactions(std::move(*reds));
    else
      fail(reds.error());
  }
}

void ProjectController::onCurrentRecordingChanged(Id id) {
  m_window.setAnnotationDocument(m_session->document()); // timeline annotation lanes and keys
  m_segments->setModels(m_session->segments(), m_session->document(), m_session->taxonomy());
  m_flags->setModels(m_session->flags(), m_session->document());
  if (id)
    m_recordings->selectRecording(id);
  updateActions();
  emit currentRecordingChanged(id);
}

bool ProjectController::setReviewStatus(ReviewStatus status, const QString &reason) {
  if (!m_session)
    return false;
  Id id = m_recordings->selectedId();
  if (!id)
    id = m_session->currentRecordingId();
  if (!id)
    return fail(tr("Select a recording first").toStdString());
  auto doc = m_session->documentFor(id);
  if (!doc)
    return fail(doc.error());
  if (auto st = (*doc)->setReviewStatus(status, reason.toStdString()); !st.ok())
    return fail(st.error());
  return true;
}

void ProjectController::askRejectReason() {
  // Window-modal, not exec(): the event loop keeps running (and tests can answer it).
  auto *dlg = new QInputDialog(&m_window);
  dlg->setObjectName(QStringLiteral("rejectReasonDialog"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setWindowTitle(tr("Reject Recording"));
  dlg->setLabelText(tr("Why is this recording rejected?"));
  connect(dlg, &QInputDialog::textValueSelected, this, [this](const QString &text) {
    if (text.trimmed().isEmpty())
      fail(tr("A rejection needs a reason").toStdString());
    else
      setReviewStatus(ReviewStatus::Rejected, text.trimmed());
  });
  dlg->open();
}

bool ProjectController::addRecordings(const QString &folder) {
  if (!m_session)
    return false;
  // The folder itself, else recording folders up to two levels below it.
  QStringList candidates;
  const QDir root(folder);
  if (root.exists(QStringLiteral("recording.json"))) {
    candidates << root.absolutePath();
  } else {
    for (const QFileInfo &a : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
      const QDir d(a.absoluteFilePath());
      if (d.exists(QStringLiteral("recording.json"))) {
        candidates << d.absolutePath();
        continue;
      }
      for (const QFileInfo &b : d.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QDir(b.absoluteFilePath()).exists(QStringLiteral("recording.json")))
          candidates << b.absoluteFilePath();
    }
  }
  if (candidates.isEmpty())
    return fail(folder.toStdString() + ": no recording.json here or in its subfolders");
  QStringList errors;
  int added = 0;
  for (const QString &c : candidates) {
    auto r = m_session->store().addRecording(c.toStdString());
    if (r)
      ++added;
    else
      errors << QString::fromStdString(r.error());
  }
  m_session->refreshRecordings();
  emit statusMessage(tr("Added %n recording(s)", nullptr, added));
  if (!errors.isEmpty())
    emit errorOccurred(errors.join(QLatin1Char('\n')));
  return errors.isEmpty();
}

bool ProjectController::relink(Id id, const QString &folder) {
  if (!m_session)
    return false;
  auto r = m_session->store().relinkRecording(id, folder.toStdString());
  if (!r)
    return fail(r.error());
  m_session->refreshRecordings();
  QStringList warnings;
  for (const auto &w : r.warnings())
    warnings << QString::fromStdString(w);
  if (!warnings.isEmpty())
    emit errorOccurred(warnings.join(QLatin1Char('\n')));
  return true;
}

void ProjectController::updateActions() {
  ActionRegistry &a = m_window.actions();
  const bool open = m_session != nullptr;
  const bool writable = open && !m_session->isReadOnly();
  const bool hasRecording = open && (m_recordings->selectedId() || m_session->currentRecordingId());
  const bool hasDoc = open && m_session->document();
  a.action("project.saveAs")->setEnabled(open);
  a.action("project.close")->setEnabled(open);
  a.action("project.addRecordings")->setEnabled(writable);
  a.action("project.nextUnreviewed")->setEnabled(open);
  a.action("project.relink")->setEnabled(writable && m_recordings->selectedId());
  for (const char *id : {"review.approve", "review.reject", "review.inReview", "review.reset"})
    a.action(QString::fromLatin1(id))->setEnabled(writable && hasRecording);
  for (const char *id : {"flags.add", "flags.edit", "flags.remove", "segments.deleteSelected"})
    a.action(QString::fromLatin1(id))->setEnabled(writable && hasDoc);
  QUndoStack *undo = open ? m_session->undoStack() : nullptr;
  QAction *u = a.action("edit.undo"), *r = a.action("edit.redo");
  u->setEnabled(undo && undo->canUndo());
  r->setEnabled(undo && undo->canRedo());
  u->setText(undo && undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
  r->setText(undo && undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
}

// --- recent projects ------------------------------------------------------------------------------------

QStringList ProjectController::recentProjects() const {
  return QSettings().value(kRecentProjectsKey).toStringList();
}

void ProjectController::addRecent(const QString &path) {
  QSettings s;
  QStringList list = s.value(kRecentProjectsKey).toStringList();
  list.removeAll(path);
  list.prepend(path);
  while (list.size() > kMaxRecentProjects)
    list.removeLast();
  s.setValue(kRecentProjectsKey, list);
  rebuildRecentMenu();
}

void ProjectController::rebuildRecentMenu() {
  if (!m_recentMenu)
    return;
  m_recentMenu->clear();
  const QStringList list = recentProjects();
  for (const QString &p : list)
    m_recentMenu->addAction(p, this, [this, p] { openProject(p); });
  if (list.isEmpty())
    m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

} // namespace tacit
