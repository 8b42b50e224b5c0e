#include "widgets/annotation/AnnotationController.h"

#include <QApplication>
#include <QMenu>
#include <QUndoStack>

#include "core/project/TaxonomyModel.h"
#include "widgets/annotation/FlagDialog.h"
#include "widgets/annotation/LabelPicker.h"
#include "widgets/annotation/TextEntryKeyGuard.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/common/TimeFormat.h"
#include "widgets/timeline/TimelineWidget.h"

namespace tacit {

namespace {
constexpr const char *kIds[] = {"annotation.create",       "annotation.split",        "annotation.delete",
                                "annotation.prevBoundary", "annotation.nextBoundary", "annotation.loopSegment",
                                "annotation.flagSpan",     "annotation.nextTrack",    "annotation.relabel"};

// The frame on screen at t (latest frame time <= t); t itself without a grid.
Timestamp shownFrame(const project::FrameGrid &grid, Timestamp t) {
  if (grid.empty())
    return t;
  const auto f = grid.frameAt(t);
  return f ? grid.times()[static_cast<std::size_t>(*f)] : grid.times().front();
}
} // namespace

QStringList AnnotationController::actionIds() {
  QStringList ids;
  for (const char *id : kIds)
    ids << QString::fromLatin1(id);
  for (int k = 1; k <= 9; ++k)
    ids << QStringLiteral("annotation.label%1").arg(k);
  return ids;
}

AnnotationController::AnnotationController(project::AnnotationDocument *doc, TimeControl &time,
                                           TimelineWidget *timeline, ActionRegistry &actions, QObject *parent)
    : QObject(parent), m_time(time), m_timeline(timeline) {
  // One guard per application is enough; it is harmless to have one per controller.
  qApp->installEventFilter(new TextEntryKeyGuard(this));
  createActions(actions);
  if (m_timeline) {
    connect(m_timeline, &TimelineWidget::segmentContextMenuRequested, this, &AnnotationController::showContextMenu);
    connect(m_timeline, &TimelineWidget::statusMessage, this, &AnnotationController::statusMessage);
  }
  setDocument(doc);
}

AnnotationController::~AnnotationController() {
  delete m_picker;
  delete m_flagDialog;
  delete m_menu;
}

LabelPicker *AnnotationController::labelPicker() const {
  return m_picker;
}
FlagDialog *AnnotationController::flagDialog() const {
  return m_flagDialog;
}
QMenu *AnnotationController::contextMenu() const {
  return m_menu;
}

void AnnotationController::createActions(ActionRegistry &a) {
  const QString cat = tr("Annotation"), play = tr("Playback");
  auto own = [&](const char *id, const QString &text, const QList<QKeySequence> &keys) {
    QAction *act = a.add(QString::fromLatin1(id), text, cat, keys);
    m_own.push_back(act);
    return act;
  };
  // In/out are shared with the loop marks (one pair of marks, as in an editor).
  QAction *in = a.add(QStringLiteral("playback.loopIn"), tr("Set In Point"), play, {Qt::Key_I});
  QAction *out = a.add(QStringLiteral("playback.loopOut"), tr("Set Out Point"), play, {Qt::Key_O});
  connect(in, &QAction::triggered, this, &AnnotationController::markInAtPlayhead);
  connect(out, &QAction::triggered, this, &AnnotationController::markOutAtPlayhead);
  connect(own("annotation.create", tr("Create Segment from In/Out"),
              {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}),
          &QAction::triggered, this, &AnnotationController::createSegmentFromMarks);
  for (int k = 1; k <= 9; ++k) {
    const QByteArray id = QStringLiteral("annotation.label%1").arg(k).toLatin1();
    connect(own(id.constData(), tr("Apply Label %1").arg(k), {QKeySequence(Qt::Key_0 + k)}), &QAction::triggered, this,
            [this, k] { applyLabelKey(k); });
  }
  connect(own("annotation.split", tr("Split Segment at Playhead"), {Qt::Key_S}), &QAction::triggered, this,
          &AnnotationController::splitAtPlayhead);
  connect(own("annotation.delete", tr("Delete Segment"), {QKeySequence(Qt::Key_Delete)}), &QAction::triggered, this,
          &AnnotationController::deleteSelected);
  connect(own("annotation.prevBoundary", tr("Previous Segment Boundary"), {Qt::Key_BracketLeft}), &QAction::triggered,
          this, [this] { jumpToBoundary(-1); });
  connect(own("annotation.nextBoundary", tr("Next Segment Boundary"), {Qt::Key_BracketRight}), &QAction::triggered,
          this, [this] { jumpToBoundary(1); });
  connect(own("annotation.loopSegment", tr("Play Segment in a Loop"), {QKeySequence(Qt::SHIFT | Qt::Key_Space)}),
          &QAction::triggered, this, &AnnotationController::toggleLoopCurrentSegment);
  connect(own("annotation.flagSpan", tr("Flag Span…"), {QKeySequence(Qt::SHIFT | Qt::Key_F)}), &QAction::triggered,
          this, &AnnotationController::flagSpan);
  connect(own("annotation.nextTrack", tr("Next Track"), {Qt::Key_T}), &QAction::triggered, this,
          &AnnotationController::nextTrack);
  connect(own("annotation.relabel", tr("Relabel Segment…"), {}), &QAction::triggered, this,
          [this] { relabel(currentSegment()); });
  // Shortcuts need a visible widget to live on: the timeline's window (the main window in the app).
  if (m_timeline) {
    QWidget *host = m_timeline->window();
    host->addAction(in);
    host->addAction(out);
    for (QAction *act : m_own)
      host->addAction(act);
  }
}

void AnnotationController::setDocument(project::AnnotationDocument *doc) {
  if (m_doc)
    disconnect(m_doc, nullptr, this, nullptr);
  m_doc = doc;
  clearMarks();
  m_loopedSegment.reset();
  if (m_doc) {
    connect(m_doc, &project::AnnotationDocument::errorOccurred, this, &AnnotationController::statusMessage);
    connect(m_doc, &QObject::destroyed, this, &AnnotationController::updateEnabled);
  }
  if (m_timeline) {
    m_timeline->setAnnotationDocument(doc);
    if (m_taxonomy)
      m_timeline->annotations().setLabels(m_taxonomy->labels());
  }
  updateEnabled();
}

void AnnotationController::setTaxonomy(project::TaxonomyModel *taxonomy) {
  if (m_taxonomy)
    disconnect(m_taxonomy, nullptr, this, nullptr);
  m_taxonomy = taxonomy;
  if (!m_taxonomy) {
    if (m_timeline)
      m_timeline->annotations().reloadLabelsFromStore();
    return;
  }
  auto push = [this] {
    if (m_timeline && m_taxonomy)
      m_timeline->annotations().setLabels(m_taxonomy->labels());
  };
  connect(m_taxonomy, &project::TaxonomyModel::labelsChanged, this, push);
  connect(m_taxonomy, &QAbstractItemModel::modelReset, this, push);
  push();
}

void AnnotationController::updateEnabled() {
  const bool on = m_doc != nullptr;
  for (QAction *a : m_own)
    a->setEnabled(on);
}

std::vector<project::Label> AnnotationController::labels() const {
  if (m_taxonomy)
    return m_taxonomy->labels();
  if (m_doc)
    if (auto l = m_doc->store().labels(); l.ok())
      return l.takeValue();
  return {};
}

void AnnotationController::report(const Status &st) {
  if (!st.ok())
    emit statusMessage(QString::fromStdString(st.error()));
}

void AnnotationController::clearMarks() {
  m_in.reset();
  m_out.reset();
  if (m_timeline)
    m_timeline->setMarks(m_in, m_out);
}

project::Id AnnotationController::activeTrack() const {
  return m_timeline ? m_timeline->activeTrack() : 0;
}

project::Id AnnotationController::segmentAtPlayhead() const {
  if (!m_doc)
    return 0;
  const Timestamp t = m_time.time();
  const project::Id active = activeTrack();
  project::Id any = 0;
  for (const auto &s : m_doc->segments())
    if (s.startNs <= t && t < s.endNs) {
      if (s.trackId == active)
        return s.id;
      any = any ? any : s.id;
    }
  return any;
}

project::Id AnnotationController::currentSegment() const {
  if (!m_doc)
    return 0;
  if (m_timeline && m_timeline->selectedSegment() && m_doc->segment(m_timeline->selectedSegment()))
    return m_timeline->selectedSegment();
  return segmentAtPlayhead();
}

// --- verbs ------------------------------------------------------------------------------------------------

void AnnotationController::markInAtPlayhead() {
  if (!m_doc)
    return;
  m_in = shownFrame(m_doc->frameGrid(), m_time.time());
  if (m_out && *m_out <= *m_in)
    m_out.reset();
  if (m_timeline)
    m_timeline->setMarks(m_in, m_out);
}

void AnnotationController::markOutAtPlayhead() {
  if (!m_doc)
    return;
  // The out point includes the frame on screen: the segment ends where the next frame begins.
  const project::FrameGrid &grid = m_doc->frameGrid();
  m_out = grid.empty() ? m_time.time() : grid.nextAfter(shownFrame(grid, m_time.time()));
  if (m_in && *m_in >= *m_out)
    m_in.reset();
  if (m_timeline)
    m_timeline->setMarks(m_in, m_out);
}

void AnnotationController::createSegmentFromMarks() {
  if (!m_doc)
    return;
  const project::Id track = activeTrack();
  if (!track) {
    emit statusMessage(tr("No active track to create the segment on"));
    return;
  }
  const project::FrameGrid &grid = m_doc->frameGrid();
  const Timestamp t = m_time.time();
  if (!m_in && !m_out) {
    emit statusMessage(tr("Set an in point (I) and an out point (O) first"));
    return;
  }
  const Timestamp a = m_in ? *m_in : shownFrame(grid, t);
  const Timestamp b = m_out ? *m_out : (grid.empty() ? t : grid.nextAfter(shownFrame(grid, t)));
  if (auto st = m_doc->checkNewSegment(track, a, b); !st.ok()) {
    emit statusMessage(QString::fromStdString(st.error()));
    return;
  }
  // The segment is created when the label is known, so segment + label (+ a new label) are one undo
  // step; Escape still creates it, unlabelled. The marks stay on screen while the picker is open.
  auto create = [this, track, a, b](project::Id label) -> Status {
    if (!m_doc)
      return Status::failure("the recording was closed");
    auto id = m_doc->createSegment(track, a, b, label);
    if (!id.ok())
      return Status::failure(id.error());
    clearMarks();
    if (m_timeline)
      m_timeline->setSelectedSegment(*id);
    return okStatus();
  };
  openPicker(tr("Label for new segment at %1").arg(QString::fromStdString(m_doc->timeBase().time(std::min(a, b)))),
             tr("Create segment labelled %1"), create, /*createOnCancel=*/true);
}

void AnnotationController::relabel(qint64 segmentId) {
  if (!m_doc || !m_doc->segment(segmentId)) {
    emit statusMessage(tr("Select a segment first"));
    return;
  }
  const project::Segment *s = m_doc->segment(segmentId);
  auto apply = [this, segmentId](project::Id label) -> Status {
    return m_doc ? m_doc->relabelSegment(segmentId, label) : Status::failure("the recording was closed");
  };
  openPicker(tr("Label for segment at %1").arg(QString::fromStdString(m_doc->timeBase().time(s->startNs))),
             tr("Label segment %1"), apply, false);
}

void AnnotationController::openPicker(const QString &title, const QString &macroText,
                                      std::function<Status(project::Id)> apply, bool applyOnCancel) {
  delete m_picker;
  m_picker = new LabelPicker(LabelPicker::entriesFrom(labels()), m_timeline ? m_timeline->window() : nullptr);
  m_picker->setAttribute(Qt::WA_DeleteOnClose);
  m_picker->setWindowTitle(title);
  QPointer<project::TaxonomyModel> taxonomy = m_taxonomy;
  if (taxonomy && !taxonomy->isReadOnly())
    m_picker->setCreator([taxonomy](const QString &name) {
      return taxonomy ? taxonomy->nameProblem(0, name.toStdString()) : QString();
    });
  connect(m_picker, &LabelPicker::labelChosen, this, [this, apply](qint64 labelId) { report(apply(labelId)); });
  connect(m_picker, &LabelPicker::createRequested, this, [this, apply, macroText, taxonomy](const QString &name) {
    if (!m_doc || !taxonomy || !m_picker)
      return;
    // One undo step: the new label and its first use.
    QUndoStack *undo = m_doc->undoStack();
    undo->beginMacro(macroText.arg(name));
    auto label = taxonomy->createLabel(0, name.toStdString());
    const Status st = label.ok() ? apply(*label) : Status::failure(label.error());
    undo->endMacro();
    if (!st.ok()) {
      if (label.ok())
        undo->undo(); // take the half-done macro (the new label) back
      m_picker->showProblem(QString::fromStdString(st.error()));
      return;
    }
    emit statusMessage(
        tr("Created label \"%1\" (key %2)").arg(name).arg(taxonomy->label(*label) ? taxonomy->label(*label)->key : 0));
    m_picker->finish();
  });
  if (applyOnCancel)
    connect(m_picker, &QDialog::rejected, this, [this, apply] { report(apply(0)); });
  connect(m_picker, &QDialog::finished, this, &AnnotationController::returnKeys);
  m_picker->open();
  m_picker->activateWindow();
}

void AnnotationController::returnKeys() {
  // The window the dialog belonged to gets the keyboard back (without a window manager nothing
  // else would activate it).
  if (!m_timeline)
    return;
  QWidget *w = m_timeline->window();
  w->activateWindow();
  if (w->focusPolicy() != Qt::NoFocus)
    w->setFocus(Qt::OtherFocusReason);
}

void AnnotationController::applyLabelKey(int key) {
  if (!m_doc)
    return;
  project::Id label = 0;
  if (m_taxonomy) {
    label = m_taxonomy->labelForKey(key);
  } else {
    for (const auto &l : labels())
      if (l.key == key) {
        label = l.id;
        break;
      }
  }
  if (!label) {
    emit statusMessage(tr("No label is bound to key %1 (set keys in the Labels panel)").arg(key));
    return;
  }
  const project::Id seg = currentSegment();
  if (!seg) {
    emit statusMessage(tr("No segment selected or under the playhead"));
    return;
  }
  report(m_doc->relabelSegment(seg, label));
}

void AnnotationController::splitAtPlayhead() {
  if (!m_doc)
    return;
  const Timestamp t = shownFrame(m_doc->frameGrid(), m_time.time());
  project::Id seg = m_timeline ? m_timeline->selectedSegment() : 0;
  const project::Segment *s = seg ? m_doc->segment(seg) : nullptr;
  if (!s || t <= s->startNs || t >= s->endNs)
    seg = segmentAtPlayhead();
  if (!seg) {
    emit statusMessage(tr("No segment under the playhead to split"));
    return;
  }
  auto right = m_doc->splitSegment(seg, t);
  if (!right.ok())
    emit statusMessage(QString::fromStdString(right.error()));
  else if (m_timeline)
    m_timeline->setSelectedSegment(*right);
}

void AnnotationController::deleteSelected() {
  if (!m_doc)
    return;
  const project::Id seg = m_timeline ? m_timeline->selectedSegment() : 0;
  if (!seg) {
    emit statusMessage(tr("Select a segment to delete"));
    return;
  }
  report(m_doc->deleteSegment(seg));
}

void AnnotationController::jumpToBoundary(int direction) {
  if (!m_doc)
    return;
  const Timestamp t = m_time.time();
  const project::Id track = activeTrack();
  auto b = direction > 0 ? m_doc->nextBoundary(t, track) : m_doc->previousBoundary(t, track);
  if (!b)
    b = direction > 0 ? m_doc->nextBoundary(t) : m_doc->previousBoundary(t);
  if (!b) {
    emit statusMessage(direction > 0 ? tr("No segment boundary after the playhead")
                                     : tr("No segment boundary before the playhead"));
    return;
  }
  m_time.pause();
  m_time.setTime(*b);
}

void AnnotationController::toggleLoopCurrentSegment() {
  if (!m_doc)
    return;
  const project::Id seg = currentSegment();
  const project::Segment *s = seg ? m_doc->segment(seg) : nullptr;
  if (!s) {
    emit statusMessage(tr("No segment selected or under the playhead to loop"));
    return;
  }
  const TimeRange r = s->range();
  if (m_loopedSegment && *m_loopedSegment == r && m_time.loop() && *m_time.loop() == r) {
    m_time.pause();
    m_time.clearLoop();
    m_loopedSegment.reset();
    if (m_timeline)
      m_timeline->setLoop({});
    return;
  }
  m_time.setLoop(r);
  m_time.setTime(r.begin);
  m_time.play();
  m_loopedSegment = r;
  if (m_timeline)
    m_timeline->setLoop(r);
}

void AnnotationController::flagSpan() {
  if (!m_doc)
    return;
  std::optional<TimeRange> span;
  if (m_in && m_out)
    span = TimeRange{*m_in, *m_out};
  else if (const project::Segment *s =
               m_timeline && m_timeline->selectedSegment() ? m_doc->segment(m_timeline->selectedSegment()) : nullptr)
    span = s->range();
  openFlagDialog(span);
}

void AnnotationController::openFlagDialog(std::optional<TimeRange> span) {
  delete m_flagDialog;
  const QString text = span && m_doc ? QString::fromStdString(m_doc->timeBase().span(*span)) : QString();
  m_flagDialog = new FlagDialog(span, text, m_timeline ? m_timeline->window() : nullptr);
  m_flagDialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_flagDialog, &QDialog::finished, this, &AnnotationController::returnKeys);
  connect(m_flagDialog, &QDialog::accepted, this, [this, span] {
    if (!m_doc || !m_flagDialog)
      return;
    auto id =
        m_doc->addFlag(m_flagDialog->reason(), m_flagDialog->severity(), span, m_flagDialog->note().toStdString());
    if (!id.ok())
      emit statusMessage(QString::fromStdString(id.error()));
    else if (span)
      clearMarks();
  });
  m_flagDialog->open();
}

void AnnotationController::nextTrack() {
  if (!m_doc || !m_timeline || m_doc->tracks().empty())
    return;
  const auto &tracks = m_doc->tracks();
  std::size_t i = 0;
  while (i < tracks.size() && tracks[i].id != activeTrack())
    ++i;
  const auto &next = tracks[i >= tracks.size() ? 0 : (i + 1) % tracks.size()];
  m_timeline->setActiveTrack(next.id);
  emit statusMessage(tr("Active track: %1").arg(QString::fromStdString(next.name)));
}

void AnnotationController::showContextMenu(qint64 segmentId, QPoint globalPos) {
  if (!m_doc || !m_doc->segment(segmentId))
    return;
  delete m_menu;
  m_menu = new QMenu(m_timeline);
  auto add = [&](const char *name, const QString &text, auto fn) {
    QAction *a = m_menu->addAction(text);
    a->setObjectName(QString::fromLatin1(name));
    connect(a, &QAction::triggered, this, fn);
  };
  add("menu.relabel", tr("Relabel…"), [this, segmentId] { relabel(segmentId); });
  add("menu.split", tr("Split at Playhead"), [this, segmentId] {
    if (m_timeline)
      m_timeline->setSelectedSegment(segmentId);
    splitAtPlayhead();
  });
  add("menu.delete", tr("Delete"), [this, segmentId] {
    if (m_doc)
      report(m_doc->deleteSegment(segmentId));
  });
  m_menu->addSeparator();
  add("menu.flag", tr("Add Flag over Segment…"), [this, segmentId] {
    if (const project::Segment *s = m_doc ? m_doc->segment(segmentId) : nullptr)
      openFlagDialog(s->range());
  });
  add("menu.loop", tr("Play in a Loop"), [this, segmentId] {
    if (m_timeline)
      m_timeline->setSelectedSegment(segmentId);
    toggleLoopCurrentSegment();
  });
  m_menu->popup(globalPos);
}

} // namespace tacit
