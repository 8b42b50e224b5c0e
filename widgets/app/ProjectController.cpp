#include "widgets/app/ProjectController.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>

#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectRecording.h"
#include "core/project/ProjectSession.h"
#include "core/project/RecordingListModel.h"
#include "widgets/annotation/AnnotationController.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/OffsetEditor.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/project/FlagsPanel.h"
#include "widgets/project/RecordingsPanel.h"
#include "widgets/project/RejectReasonDialog.h"
#include "widgets/project/SegmentsPanel.h"
#include "widgets/project/TaxonomyEditor.h"
#include "widgets/timeline/TimelineWidget.h"

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
  connect(a.action("review.approve"), &QAction::triggered, this, &ProjectController::approve);
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
  // One selection: the segment selected on the timeline is the one selected in the table, and back.
  connect(m_window.timeline(), &TimelineWidget::selectionChanged, m_segments, &SegmentsPanel::selectSegment);
  connect(m_segments, &SegmentsPanel::segmentSelected, m_window.timeline(), &TimelineWidget::setSelectedSegment);
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
  if (!install(s.takeValue(), {}))
    return false;
  // The recording in the views is what the user is working on: it belongs to the new project.
  if (RecordingSession *rs = m_window.session()) {
    const QString folder = QString::fromStdString(rs->recording().sourcePath().string());
    if (QFileInfo(QDir(folder).filePath(QStringLiteral("recording.json"))).exists())
      addRecordings(folder);
    else
      emit statusMessage(tr("%1 is a plain video: import it (File → Import…) to add it to the project")
                             .arg(QFileInfo(folder).fileName()));
  }
  return true;
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
  connect(undo, &QUndoStack::indexChanged, this, &ProjectController::editDone);
  m_recordings->setSession(s);
  m_taxonomy->setModel(s->taxonomy(), undo);
  m_window.annotationController()->setTaxonomy(s->taxonomy()); // timeline names/colours follow edits live
  applyDefaultSizes();
  // Once the docks are laid out: a sensible width, the video keeps the most room.
  QTimer::singleShot(0, this, [this] { applyDefaultSizes(); });
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
  m_window.annotationController()->setTaxonomy(nullptr);
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
  m_window.returnKeysToWindow(); // Ctrl+Shift+N from any field: the keys belong to the review again
  const Id id = m_recordings->selectNextUnreviewed();
  if (!id) {
    emit statusMessage(tr("No unreviewed recordings match the filters"));
    return false;
  }
  return openRecording(id);
}

Id ProjectController::recordingAt(const QString &path) const {
  // A folder opened with File → Open may be a project recording too (ProjectSession's one rule).
  return m_session ? m_session->recordingAt(path.toStdString()) : 0;
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
  // Which project recording is in the views? (A folder opened with File → Open may be one too.)
  const Id match = m_session->recordingAt(rs->recording().sourcePath());
  if (auto st = m_session->setCurrentRecording(match); !st.ok())
    fail(st.error());
  project::AnnotationDocument *doc = m_session->document();
  if (!doc)
    return;
  doc->setTimeBase(m_window.timeBase()); // the same recording time and frames as the timeline
  // The worker's redactions: operators see removed spans blanked and boxes blurred.
  if (match) {
    if (auto reds = m_session->store().redactions(match); reds)
      rs->setRedactions(std::move(*reds));
    else
      fail(reds.error());
  }
}

void ProjectController::applyDefaultSizes() {
  if (!m_session)
    return;
  for (QDockWidget *d : m_docks)
    d->show(); // also after Reset Layout (the default state has no project)
  m_docks.first()->raise();
  m_window.resizeDocks({m_docks.first()}, {std::clamp(m_window.width() * 22 / 100, 280, 460)}, Qt::Horizontal);
}

void ProjectController::onTimeBaseChanged() {
  // Only for the document of the recording in the views (a new recording is matched on load).
  RecordingSession *rs = m_window.session();
  project::AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
  if (doc && rs && m_session->recordingAt(rs->recording().sourcePath()) == doc->recordingId())
    doc->setTimeBase(m_window.timeBase());
}

void ProjectController::showReviewFor(Id recordingId) {
  raiseDock(m_recordings);
  m_recordings->selectRecording(recordingId);
  m_recordings->view()->setFocus();
}

void ProjectController::showRecordingDetails(Id recordingId) {
  showReviewFor(recordingId);
  m_recordings->editWorker(recordingId);
}

void ProjectController::showConsentFor(Id recordingId) {
  showReviewFor(recordingId);
  if (QAction *a = m_window.actions().action(QStringLiteral("file.consentReview")))
    a->trigger();
}

void ProjectController::showFlag(Id recordingId, Id flagId) {
  if (!openRecording(recordingId))
    return;
  raiseDock(m_flags);
  m_flags->selectFlag(flagId);
  if (auto doc = m_session->documentFor(recordingId))
    if (const project::QualityFlag *f = (*doc)->flag(flagId); f && !f->wholeRecording)
      seek(f->startNs);
}

void ProjectController::raiseDock(QWidget *content) {
  for (QDockWidget *d : m_docks)
    if (d->widget() == content) {
      d->show();
      d->raise();
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
  if (auto st = m_session->setReviewStatus(id, status, reason.toStdString()); !st.ok())
    return fail(st.error());
  return true;
}

int ProjectController::exportSeverity() {
  return QSettings().value(QStringLiteral("export/excludeSeverity"), 3).toInt();
}

QString ProjectController::blockingFlagsText(Id id) {
  auto doc = m_session ? m_session->documentFor(id) : Result<project::AnnotationDocument *>::failure("no project");
  if (!doc)
    return {};
  const int severity = exportSeverity();
  QStringList lines;
  for (const auto &f : (*doc)->flags())
    if (f.severity >= severity)
      lines << tr("• %1, severity %2, %3")
                   .arg(QString::fromUtf8(project::flagReasonDisplayName(f.reason)))
                   .arg(f.severity)
                   .arg(f.wholeRecording ? tr("whole recording")
                                         : QString::fromStdString((*doc)->timeBase().span({f.startNs, f.endNs})));
  return lines.join(QLatin1Char('\n'));
}

void ProjectController::approve() {
  if (!m_session)
    return;
  const Id id = m_recordings->selectedId() ? m_recordings->selectedId() : m_session->currentRecordingId();
  const QString blocking = id ? blockingFlagsText(id) : QString();
  if (blocking.isEmpty()) {
    setReviewStatus(ReviewStatus::Approved);
    return;
  }
  // Window-modal, not exec(): the event loop keeps running (and tests can answer it).
  auto *box = new QMessageBox(QMessageBox::Warning, tr("Approve Recording"),
                              tr("This recording has flags that exclude it from export (severity %1 or higher):\n%2\n\n"
                                 "Approve it anyway?")
                                  .arg(exportSeverity())
                                  .arg(blocking),
                              QMessageBox::Yes | QMessageBox::Cancel, &m_window);
  box->setObjectName(QStringLiteral("approveWarning"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->button(QMessageBox::Yes)->setText(tr("Approve Anyway"));
  box->setDefaultButton(QMessageBox::Cancel);
  connect(box, &QMessageBox::finished, &m_window, &MainWindow::returnKeysToWindow);
  connect(box, &QMessageBox::finished, this, [this, id](int result) {
    if (result == QMessageBox::Yes && m_session && id)
      if (auto st = m_session->setReviewStatus(id, ReviewStatus::Approved); !st.ok())
        fail(st.error());
  });
  box->open();
}

void ProjectController::askRejectReason() {
  if (!m_session)
    return;
  const Id id = m_recordings->selectedId() ? m_recordings->selectedId() : m_session->currentRecordingId();
  QString name;
  if (auto rec = id ? m_session->store().recording(id) : Result<project::RecordingRecord>::failure(""))
    name = QFileInfo(QString::fromStdString(rec->relativePath)).fileName();
  // Window-modal, not exec(): the event loop keeps running (and tests can answer it).
  auto *dlg = new RejectReasonDialog(name, &m_window);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  connect(dlg, &QDialog::finished, &m_window, &MainWindow::returnKeysToWindow);
  connect(dlg, &RejectReasonDialog::reasonAccepted, this, [this, id](const QString &reason) {
    if (!m_session || !id)
      return;
    if (auto st = m_session->setReviewStatus(id, ReviewStatus::Rejected, reason.toStdString()); !st.ok())
      fail(st.error());
  });
  dlg->open();
}

bool ProjectController::addRecordings(const QString &folder) {
  if (!m_session)
    return false;
  auto added = m_session->addRecordings(folder.toStdString());
  if (!added)
    return fail(added.error());
  emit statusMessage(tr("Added %n recording(s)", nullptr, static_cast<int>(added->size())));
  QStringList problems;
  for (const auto &w : added.warnings())
    problems << QString::fromStdString(w);
  if (!problems.isEmpty())
    emit errorOccurred(problems.join(QLatin1Char('\n')));
  onRecordingLoaded(); // the recording in the views may be one of them
  return problems.isEmpty();
}

bool ProjectController::relink(Id id, const QString &folder) {
  if (!m_session)
    return false;
  auto r = m_session->relinkRecording(id, folder.toStdString());
  if (!r)
    return fail(r.error());
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
