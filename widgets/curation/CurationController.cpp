#include "widgets/curation/CurationController.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QUndoStack>
#include <nlohmann/json.hpp>

#include "core/curation/AnalysisJson.h"
#include "core/curation/ProjectCuration.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/util/Job.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ProjectController.h"
#include "widgets/app/RecordingSession.h"
#include "widgets/curation/QueuePanel.h"
#include "widgets/timeline/TimelineWidget.h"

namespace tacit {

namespace {

QColor issueColour(curation::IssueKind k) {
  using curation::IssueKind;
  switch (k) {
  case IssueKind::TrackingDropout:
  case IssueKind::GazeInvalid: return QColor(0xe0, 0xa0, 0x30);
  case IssueKind::ClockOffset: return QColor(0xc0, 0x60, 0xe0);
  default: return QColor(0xe0, 0x50, 0x50);
  }
}

bool isTextEntry(QObject *o) {
  if (auto *combo = qobject_cast<QComboBox *>(o))
    return combo->isEditable();
  return qobject_cast<QLineEdit *>(o) || qobject_cast<QAbstractSpinBox *>(o) || qobject_cast<QTextEdit *>(o) ||
         qobject_cast<QPlainTextEdit *>(o);
}

} // namespace

CurationController::CurationController(MainWindow &window) : QObject(&window), m_window(window) {
  auto *dock = new QDockWidget(tr("Curation Queue"), &m_window);
  dock->setObjectName(QStringLiteral("CurationQueueDock"));
  m_queue = new QueuePanel(m_window, dock);
  dock->setWidget(m_queue);
  m_window.addDockWidget(Qt::RightDockWidgetArea, dock);
  dock->hide(); // View menu / the queue actions show it
  createActions();
  connect(&m_window, &MainWindow::recordingOpened, this, &CurationController::onRecordingShown);
  connect(&m_window, &MainWindow::currentRecordingChanged, this, &CurationController::onRecordingShown);
  connect(&m_window, &MainWindow::projectChanged, this, [this] {
    m_queue->reload();
    onRecordingShown();
  });
  connect(&m_window.timeControl(), &TimeControl::timeChanged, this, [this] {
    if (m_active >= 0 && !inSuggestionMode()) {
      m_active = -1;
      updateLanes();
    }
  });
  connect(m_queue, &QueuePanel::statusMessage, this, &CurationController::statusMessage);
  connect(m_queue, &QueuePanel::errorOccurred, this, &CurationController::errorOccurred);
  connect(m_queue, &QueuePanel::analysisStored, this, &CurationController::onRecordingShown);
  qApp->installEventFilter(this);
}

CurationController::~CurationController() = default;

void CurationController::createActions() {
  ActionRegistry &a = m_window.actions();
  const QString cat = tr("Curation");
  QMenu *menu = m_window.menuBar()->addMenu(tr("C&uration"));
  auto add = [&](const char *id, const QString &text, const QList<QKeySequence> &keys, auto slot) {
    QAction *act = a.add(QString::fromLatin1(id), text, cat, keys);
    m_window.addAction(act);
    menu->addAction(act);
    connect(act, &QAction::triggered, this, slot);
    return act;
  };
  add("curation.nextSuggestion", tr("Next Suggested Boundary"), {QKeySequence(Qt::Key_Tab)},
      [this] { jumpToSuggestion(1); });
  add("curation.prevSuggestion", tr("Previous Suggested Boundary"), {QKeySequence(Qt::SHIFT | Qt::Key_Backtab)},
      [this] { jumpToSuggestion(-1); });
  // Enter and Delete on a suggestion (see eventFilter): no shortcut of their own, so the segment
  // actions keep those keys everywhere else.
  add("curation.acceptSuggestion", tr("Accept Suggested Boundary (Enter on a suggestion)"), {},
      [this] { acceptActive(); });
  add("curation.dismissSuggestion", tr("Dismiss Suggested Boundary (Delete on a suggestion)"), {},
      [this] { dismissActive(); });
  add("curation.acceptAbove", tr("Accept Suggestions Above Confidence…"), {}, [this] { askAcceptAbove(); });
  menu->addSeparator();
  add("curation.nextIssue", tr("Next Integrity Issue"), {QKeySequence(Qt::Key_E)}, [this] { jumpToIssue(1); });
  add("curation.prevIssue", tr("Previous Integrity Issue"), {QKeySequence(Qt::SHIFT | Qt::Key_E)},
      [this] { jumpToIssue(-1); });
  add("curation.analyse", tr("Analyse Recording Again"), {}, [this] { analyseCurrent(true); });
  menu->addSeparator();
  m_queue->addActions(a, menu, &m_window);
}

void CurationController::onRecordingShown() {
  RecordingSession *rs = m_window.session();
  if (!rs) {
    apply({}, {});
    return;
  }
  const auto &rec = rs->recording();
  std::filesystem::path folder = rec.manifest().folder.empty() ? rec.sourcePath() : rec.manifest().folder;
  project::Id id = 0;
  std::string stored;
  bool current = false;
  if (project::ProjectSession *ps = m_window.project(); ps && ps->currentRecordingId()) {
    auto r = ps->store().recording(ps->currentRecordingId());
    std::error_code ec;
    if (r && std::filesystem::equivalent(ps->store().absoluteFolder(*r), folder, ec)) {
      id = r->id;
      if (auto all = ps->store().curationAnalyses())
        for (const auto &a : *all)
          if (a.recordingId == id) {
            stored = a.analysisJson;
            current = a.manifestHash == r->manifestHash && a.version == curation::kAnalysisVersion;
          }
    }
  }
  const bool same = folder == m_folder && id == m_recordingId;
  m_folder = folder;
  m_recordingId = id;
  if (current) {
    applyStored(stored);
    return;
  }
  if (same && (!m_suggestions.empty() || m_job))
    return; // already shown or on its way
  apply({}, {});
  analyseCurrent(false);
}

void CurationController::applyStored(const std::string &text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object())
    return apply({}, {});
  m_span = {j.value("start_ns", Timestamp(0)), j.value("end_ns", Timestamp(0))};
  std::vector<curation::IntegrityIssue> issues;
  if (const auto it = j.find("integrity"); it != j.end() && it->is_object())
    issues = curation::issuesFromJson(it->value("issues", nlohmann::json()));
  apply(curation::suggestionsFromJson(j.value("suggestions", nlohmann::json())), issues);
}

void CurationController::analyseCurrent(bool force) {
  if (m_folder.empty() || (m_job && !force))
    return;
  if (m_job)
    m_job->cancel();
  curation::HiddenSpans hidden;
  std::vector<curation::SegmentInput> segments;
  project::ProjectSession *ps = m_window.project();
  if (ps && m_recordingId) {
    auto rec = ps->store().recording(m_recordingId);
    if (rec) {
      if (auto h = curation::hiddenForPixels(ps->store(), *rec))
        hidden = h.takeValue();
      if (auto s = curation::segmentInputs(ps->store(), m_recordingId))
        segments = s.takeValue();
    }
  }
  const std::filesystem::path folder = m_folder;
  const project::Id id = m_recordingId;
  emit statusMessage(tr("Analysing %1 for curation…").arg(QString::fromStdString(folder.filename().string())));
  m_job = startJob<curation::RecordingAnalysis>(
      this, tr("Curation analysis"),
      [folder, hidden, segments](JobContext &ctx) {
        return curation::analyzeRecording(folder, hidden, segments, {}, ctx.stageCallback());
      },
      [this, folder, id](Result<curation::RecordingAnalysis> &r) {
        m_job = nullptr;
        if (folder != m_folder || id != m_recordingId)
          return; // another recording is shown by now
        if (!r) {
          emit errorOccurred(QString::fromStdString(r.error()));
          return;
        }
        project::ProjectSession *ps = m_window.project();
        if (ps && id && !ps->isReadOnly()) {
          if (auto rec = ps->store().recording(id)) {
            const project::CurationAnalysisRecord stored{id, rec->manifestHash, curation::kAnalysisVersion, 0,
                                                         curation::analysisJson(*r).dump()};
            if (auto st = ps->store().saveCurationAnalysis(stored); !st)
              emit errorOccurred(QString::fromStdString(st.error()));
            m_queue->reload();
          }
        }
        m_span = r->span;
        apply(r->suggestions, r->integrity.issues);
        emit statusMessage(tr("Curation: %n suggested boundaries", nullptr, int(r->suggestions.size())) +
                           QStringLiteral(", ") + tr("%n integrity issues", nullptr, int(r->integrity.issues.size())));
      });
}

void CurationController::apply(const std::vector<curation::BoundarySuggestion> &s,
                               const std::vector<curation::IntegrityIssue> &issues) {
  m_suggestions.clear();
  for (const auto &b : s)
    m_suggestions.push_back({b, false, false});
  m_issues = issues;
  m_active = -1;
  updateLanes();
  emit analysisChanged();
}

void CurationController::updateLanes() {
  TimelineWidget *tl = m_window.timeline();
  if (!tl)
    return;
  syncAcceptedWithDocument();
  const Timestamp w =
      std::max<Timestamp>(kNsPerMs * 10, m_window.session() ? m_window.session()->framePeriod() / 2 : kNsPerMs * 16);
  TimelineLane integrity{
      QStringLiteral("curation.integrity"), tr("integrity"), TimelineLane::Kind::Flags, QColor(0xe0, 0x50, 0x50), {}};
  for (const auto &i : m_issues)
    integrity.spans.push_back({{i.range.begin, std::max(i.range.end, i.range.begin + 2 * w)},
                               QString::fromLatin1(curation::issueKindName(i.kind)),
                               issueColour(i.kind)});
  TimelineLane suggested{
      QStringLiteral("curation.suggestions"), tr("suggested"), TimelineLane::Kind::Flags, QColor(0x50, 0x90, 0xe0), {}};
  for (std::size_t k = 0; k < m_suggestions.size(); ++k) {
    const Suggestion &s = m_suggestions[k];
    if (s.dismissed)
      continue;
    QColor c = s.accepted ? QColor(0x60, 0xc0, 0x70) : QColor(0x50, 0x90, 0xe0);
    if (static_cast<int>(k) == m_active)
      c = QColor(0xff, 0xa0, 0x30);
    c.setAlphaF(0.4 + 0.6 * s.boundary.confidence);
    suggested.spans.push_back({{s.boundary.t - w, s.boundary.t + w}, {}, c});
  }
  std::vector<TimelineLane> lanes;
  if (!m_issues.empty() || !m_suggestions.empty()) {
    lanes.push_back(std::move(integrity));
    lanes.push_back(std::move(suggested));
  }
  tl->setExtraLanes(QStringLiteral("curation"), std::move(lanes));
}

bool CurationController::inSuggestionMode() const {
  if (m_active < 0 || m_active >= static_cast<int>(m_suggestions.size()))
    return false;
  const Suggestion &s = m_suggestions[static_cast<std::size_t>(m_active)];
  const Timestamp tolerance =
      std::max<Timestamp>(kNsPerMs, m_window.session() ? m_window.session()->framePeriod() / 2 : kNsPerMs * 16);
  return !s.dismissed && !s.accepted && std::llabs(m_window.timeControl().time() - s.boundary.t) <= tolerance;
}

bool CurationController::jumpToSuggestion(int direction) {
  syncAcceptedWithDocument();
  const Timestamp now = m_window.timeControl().time();
  int pick = -1;
  const int n = static_cast<int>(m_suggestions.size());
  for (int k = direction > 0 ? 0 : n - 1; k >= 0 && k<n; k += direction> 0 ? 1 : -1) {
    const Suggestion &s = m_suggestions[static_cast<std::size_t>(k)];
    if (s.dismissed || s.accepted || k == m_active)
      continue;
    if ((direction > 0 && s.boundary.t > now) || (direction < 0 && s.boundary.t < now)) {
      pick = k;
      break;
    }
  }
  if (pick < 0) {
    emit statusMessage(m_suggestions.empty() ? tr("No suggested boundaries") : tr("No further suggested boundary"));
    return false;
  }
  m_active = pick;
  const auto &b = m_suggestions[static_cast<std::size_t>(pick)].boundary;
  m_window.timeControl().setTime(b.t);
  updateLanes();
  emit statusMessage(tr("Suggested boundary %1/%2, confidence %3 (%4): Enter accepts, Delete dismisses")
                         .arg(pick + 1)
                         .arg(n)
                         .arg(b.confidence, 0, 'f', 2)
                         .arg(QString::fromStdString(b.firedBy.empty() ? std::string() : b.firedBy.front())));
  return true;
}

project::Id CurationController::boundaryTrack(project::AnnotationDocument &d) const {
  for (const auto &tr : d.tracks())
    if (tr.name == "task")
      return tr.id;
  if (m_window.timeline() && m_window.timeline()->activeTrack())
    return m_window.timeline()->activeTrack();
  return d.tracks().empty() ? 0 : d.tracks().front().id;
}

void CurationController::syncAcceptedWithDocument() {
  project::ProjectSession *ps = m_window.project();
  if (!ps || !m_recordingId)
    return;
  auto doc = ps->documentFor(m_recordingId);
  if (!doc)
    return;
  const project::Id track = boundaryTrack(**doc);
  const auto segments = (*doc)->segmentsOnTrack(track);
  for (Suggestion &s : m_suggestions) {
    s.accepted = false;
    for (const auto &seg : segments)
      s.accepted = s.accepted || seg.startNs == s.boundary.t || seg.endNs == s.boundary.t;
  }
}

bool CurationController::acceptAt(Timestamp t) {
  project::ProjectSession *ps = m_window.project();
  if (!ps || !m_recordingId) {
    emit statusMessage(tr("Add the recording to a project to accept boundaries"));
    return false;
  }
  auto doc = ps->documentFor(m_recordingId);
  if (!doc) {
    emit errorOccurred(QString::fromStdString(doc.error()));
    return false;
  }
  project::AnnotationDocument *d = *doc;
  const project::Id track = boundaryTrack(*d);
  Timestamp end = m_span.end;
  for (const auto &s : d->segmentsOnTrack(track)) {
    if (s.startNs < t && t < s.endNs) {
      auto r = d->splitSegment(s.id, t);
      if (!r)
        emit statusMessage(QString::fromStdString(r.error()));
      return r.ok();
    }
    if (s.startNs >= t) {
      end = std::min(end, s.startNs);
      break;
    }
  }
  if (end <= t) {
    emit statusMessage(tr("A boundary is already there"));
    return false;
  }
  auto r = d->createSegment(track, t, end);
  if (!r)
    emit statusMessage(QString::fromStdString(r.error()));
  return r.ok();
}

bool CurationController::acceptActive() {
  if (!inSuggestionMode()) {
    emit statusMessage(tr("Jump to a suggested boundary with Tab first"));
    return false;
  }
  if (!acceptAt(m_suggestions[static_cast<std::size_t>(m_active)].boundary.t))
    return false;
  updateLanes(); // marks it accepted: the document now has the boundary
  emit analysisChanged();
  return true;
}

bool CurationController::dismissActive() {
  if (!inSuggestionMode())
    return false;
  m_suggestions[static_cast<std::size_t>(m_active)].dismissed = true;
  m_active = -1;
  updateLanes();
  emit analysisChanged();
  emit statusMessage(tr("Suggestion dismissed"));
  return true;
}

int CurationController::acceptAbove(double minConfidence, TimeRange span) {
  project::ProjectSession *ps = m_window.project();
  syncAcceptedWithDocument();
  std::vector<std::size_t> picks;
  for (std::size_t k = 0; k < m_suggestions.size(); ++k) {
    const Suggestion &s = m_suggestions[k];
    if (!s.dismissed && !s.accepted && s.boundary.confidence >= minConfidence && span.contains(s.boundary.t))
      picks.push_back(k);
  }
  if (picks.empty() || !ps || !m_recordingId) {
    emit statusMessage(picks.empty() ? tr("No suggestion at or above %1 here").arg(minConfidence)
                                     : tr("Add the recording to a project to accept boundaries"));
    return 0;
  }
  int accepted = 0;
  ps->undoStack()->beginMacro(tr("Accept %n suggested boundaries", nullptr, int(picks.size())));
  for (std::size_t k : picks)
    accepted += acceptAt(m_suggestions[k].boundary.t) ? 1 : 0;
  ps->undoStack()->endMacro();
  m_active = -1;
  updateLanes();
  emit analysisChanged();
  emit statusMessage(tr("Accepted %n suggested boundaries", nullptr, accepted));
  return accepted;
}

void CurationController::askAcceptAbove() {
  bool ok = false;
  const double c = QInputDialog::getDouble(&m_window, tr("Accept Suggestions"),
                                           tr("Accept every suggestion in the visible part of the timeline with "
                                              "confidence at least:"),
                                           0.7, 0.0, 1.0, 2, &ok);
  if (ok)
    acceptAbove(c, m_window.timeline() ? m_window.timeline()->visibleRange() : m_span);
}

bool CurationController::jumpToIssue(int direction) {
  const Timestamp now = m_window.timeControl().time();
  const curation::IntegrityIssue *pick = nullptr;
  for (const auto &i : m_issues) {
    if (i.range.empty() && i.kind != curation::IssueKind::ClockOffset)
      continue;
    if (direction > 0 && i.range.begin > now && (!pick || i.range.begin < pick->range.begin))
      pick = &i;
    if (direction < 0 && i.range.begin < now && (!pick || i.range.begin > pick->range.begin))
      pick = &i;
  }
  if (!pick) {
    emit statusMessage(m_issues.empty() ? tr("No integrity issues") : tr("No further integrity issue"));
    return false;
  }
  m_window.timeControl().setTime(pick->range.begin);
  emit statusMessage(QString::fromStdString(pick->message));
  return true;
}

bool CurationController::eventFilter(QObject *watched, QEvent *event) {
  if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
    return false;
  auto *k = static_cast<QKeyEvent *>(event);
  const auto mods = k->modifiers() & ~Qt::KeypadModifier;
  const bool enter = (k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && mods == Qt::NoModifier;
  const bool del = k->key() == Qt::Key_Delete && mods == Qt::NoModifier;
  if (!(enter || del) || !inSuggestionMode() || isTextEntry(watched))
    return false;
  auto *w = qobject_cast<QWidget *>(watched);
  if (!w || w->window() != &m_window)
    return false;
  if (event->type() == QEvent::ShortcutOverride) {
    event->accept(); // the key comes as a key press instead of triggering the segment shortcuts
    return true;
  }
  if (enter)
    acceptActive();
  else
    dismissActive();
  return true;
}

} // namespace tacit
