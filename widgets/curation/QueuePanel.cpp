#include "widgets/curation/QueuePanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/curation/AnalysisJson.h"
#include "core/curation/MetricCatalogue.h"
#include "core/curation/ProjectCuration.h"
#include "core/curation/QueueModel.h"
#include "core/curation/QueueStateCommand.h"
#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectSession.h"
#include "core/util/Job.h"
#include "widgets/app/ActionRegistry.h"
#include "widgets/app/MainWindow.h"
#include "widgets/app/ProjectController.h"
#include "widgets/common/JobProgressDialog.h"

namespace tacit {

QueuePanel::QueuePanel(MainWindow &window, QWidget *parent) : QWidget(parent), m_window(window) {
  m_model = new curation::QueueModel(this);
  m_sort = new QComboBox(this);
  m_sort->addItem(tr("Combined score"), QStringLiteral("combined"));
  m_sort->addItem(tr("Duration"), QStringLiteral("duration"));
  for (const curation::MetricDef &d : curation::metricCatalogue())
    if (std::string(d.id) != "duration_s")
      m_sort->addItem(tr(d.label), QString::fromLatin1(d.id));
  m_view = new QTableView(this);
  m_view->setModel(m_model);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setStretchLastSection(true);
  m_summary = new QLabel(this);
  auto *analyse = new QPushButton(tr("Analyse Project"), this);
  auto *top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Sort by"), this));
  top->addWidget(m_sort, 1);
  top->addWidget(analyse);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(m_view, 1);
  layout->addWidget(m_summary);
  connect(m_sort, &QComboBox::currentIndexChanged, this,
          [this] { m_model->setSortKey(m_sort->currentData().toString().toStdString()); });
  connect(analyse, &QPushButton::clicked, this, &QueuePanel::analyseProject);
  connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
    const auto *e = m_model->entry(i.row());
    if (e && m_window.projects().openRecording(e->recording.id))
      seekWhenShown(e->recording.id, e->worst.begin);
  });
  connect(&m_window, &MainWindow::recordingOpened, this, [this] {
    if (!m_pendingSeek)
      return;
    const auto [id, t] = *m_pendingSeek;
    project::ProjectSession *ps = m_window.project();
    if (!ps || ps->currentRecordingId() != id)
      return;
    m_pendingSeek.reset();
    // After the window's own handling of the new recording (which starts it at its beginning).
    QTimer::singleShot(0, this, [this, t] { m_window.timeControl().setTime(t); });
  });
}

void QueuePanel::addActions(ActionRegistry &a, QMenu *menu, QWidget *host) {
  const QString cat = tr("Curation");
  auto add = [&](const char *id, const QString &text, const QKeySequence &key, auto slot) {
    QAction *act = a.add(QString::fromLatin1(id), text, cat, {key});
    host->addAction(act);
    menu->addAction(act);
    connect(act, &QAction::triggered, this, slot);
  };
  add("curation.nextWorst", tr("Open Next Worst Recording"), QKeySequence(Qt::Key_W), [this] { openNextWorst(); });
  add("curation.flagItem", tr("Flag Queue Item"), QKeySequence(Qt::SHIFT | Qt::Key_W), [this] { flagSelected(); });
  add("curation.reviewItem", tr("Mark Queue Item Reviewed"), QKeySequence(Qt::ALT | Qt::Key_W),
      [this] { setSelectedState(project::QueueState::Reviewed); });
  add("curation.dismissItem", tr("Dismiss Queue Item"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_W),
      [this] { setSelectedState(project::QueueState::Dismissed); });
  QAction *analyse = a.add(QStringLiteral("curation.analyseProject"), tr("Analyse Project for Curation"), cat);
  menu->addAction(analyse);
  connect(analyse, &QAction::triggered, this, &QueuePanel::analyseProject);
}

void QueuePanel::reload() {
  project::ProjectSession *ps = m_window.project();
  if (!ps) {
    m_model->setEntries({});
    m_summary->setText(tr("Open a project to see its curation queue."));
    return;
  }
  auto q = curation::loadQueue(ps->store());
  if (!q) {
    emit errorOccurred(QString::fromStdString(q.error()));
    return;
  }
  int open = 0, unanalysed = 0;
  for (const auto &e : *q) {
    open += e.analysed && e.state.state == project::QueueState::Open;
    unanalysed += !e.analysed || e.stale;
  }
  m_model->setEntries(q.takeValue());
  m_summary->setText(tr("%n open", nullptr, open) +
                     (unanalysed ? QStringLiteral(", ") + tr("%n to analyse", nullptr, unanalysed) : QString()));
}

int QueuePanel::selectedRow() const {
  const auto rows = m_view->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.front().row();
}

void QueuePanel::selectRow(int row) {
  m_view->selectRow(row);
  m_view->scrollTo(m_model->index(row, 0));
}

project::Id QueuePanel::selectedRecording() const {
  const auto *e = m_model->entry(selectedRow());
  return e ? e->recording.id : 0;
}

void QueuePanel::seekWhenShown(project::Id id, Timestamp t) {
  project::ProjectSession *ps = m_window.project();
  if (ps && ps->currentRecordingId() == id && m_window.session() && !m_pendingSeek) {
    m_window.timeControl().setTime(t);
    return;
  }
  m_pendingSeek = {id, t};
}

bool QueuePanel::openNextWorst() {
  if (!m_window.project()) {
    emit statusMessage(tr("Open a project to use the curation queue"));
    return false;
  }
  if (auto *dock = qobject_cast<QDockWidget *>(parentWidget()))
    dock->show();
  const int row = m_model->firstOpenRow();
  if (row < 0) {
    emit statusMessage(tr("No open items in the curation queue (Analyse Project fills it)"));
    return false;
  }
  selectRow(row);
  const curation::QueueEntry &e = *m_model->entry(row);
  m_pendingSeek = {e.recording.id, e.worst.begin};
  project::ProjectSession *ps = m_window.project();
  if (ps->currentRecordingId() == e.recording.id && m_window.session()) {
    m_pendingSeek.reset();
    m_window.timeControl().setTime(e.worst.begin);
  } else if (!m_window.projects().openRecording(e.recording.id)) {
    m_pendingSeek.reset();
    return false;
  }
  QString why = e.reasons.empty() ? tr("no reasons") : QString::fromStdString(e.reasons.front().text);
  emit statusMessage(tr("Worst: %1 (score %2): %3")
                         .arg(QString::fromStdString(e.recording.relativePath))
                         .arg(e.combined, 0, 'f', 2)
                         .arg(why));
  return true;
}

bool QueuePanel::flagSelected() {
  project::ProjectSession *ps = m_window.project();
  const curation::QueueEntry *e = m_model->entry(selectedRow());
  if (!ps || !e) {
    emit statusMessage(tr("Select a queue item first"));
    return false;
  }
  auto doc = ps->documentFor(e->recording.id);
  if (!doc) {
    emit errorOccurred(QString::fromStdString(doc.error()));
    return false;
  }
  if (ps->isReadOnly()) {
    emit statusMessage(ps->readOnlyReason());
    return false;
  }
  std::string note = "curation queue:";
  for (const auto &r : e->reasons)
    note += " " + r.text + ";";
  const std::optional<TimeRange> span = e->worst.empty() ? std::nullopt : std::optional<TimeRange>(e->worst);
  const project::QueueItemState before = e->state;
  const project::Id recording = e->recording.id;
  ps->undoStack()->beginMacro(tr("Flag queue item"));
  auto flag = (*doc)->addFlag(curation::suggestedFlagReason(*e), 2, span, note);
  if (flag) {
    project::QueueItemState after{
        recording, project::QueueState::Flagged, ps->store().author(), project::nowMs(), *flag, {}};
    ps->undoStack()->push(new curation::QueueStateCommand(
        ps->store(), before, after, [this](const project::QueueItemState &s) { m_model->setState(s); },
        [this](const std::string &m) { emit errorOccurred(QString::fromStdString(m)); }));
  }
  ps->undoStack()->endMacro();
  if (!flag) {
    emit errorOccurred(QString::fromStdString(flag.error()));
    return false;
  }
  emit statusMessage(tr("Flagged: %1")
                         .arg(QString::fromLatin1(project::flagReasonDisplayName(
                             curation::suggestedFlagReason(*m_model->entry(m_model->rowOf(recording)))))));
  return true;
}

bool QueuePanel::setSelectedState(project::QueueState state) {
  project::ProjectSession *ps = m_window.project();
  const curation::QueueEntry *e = m_model->entry(selectedRow());
  if (!ps || !e) {
    emit statusMessage(tr("Select a queue item first"));
    return false;
  }
  const project::QueueItemState after{e->recording.id, state, ps->store().author(), project::nowMs(), 0, {}};
  auto *cmd = new curation::QueueStateCommand(
      ps->store(), e->state, after, [this](const project::QueueItemState &s) { m_model->setState(s); },
      [this](const std::string &m) { emit errorOccurred(QString::fromStdString(m)); });
  ps->undoStack()->push(cmd);
  return true;
}

void QueuePanel::analyseProject() {
  project::ProjectSession *ps = m_window.project();
  if (!ps)
    return;
  // Inputs are read here (the store belongs to this thread); the job only reads recordings.
  struct Input {
    project::Id id;
    std::string hash;
    std::filesystem::path folder;
    curation::HiddenSpans hidden;
    std::vector<curation::SegmentInput> segments;
  };
  std::vector<Input> inputs;
  auto q = curation::loadQueue(ps->store());
  if (!q)
    return emit errorOccurred(QString::fromStdString(q.error()));
  for (const auto &e : *q) {
    if (e.analysed && !e.stale)
      continue;
    Input in{e.recording.id, e.recording.manifestHash, ps->store().absoluteFolder(e.recording), {}, {}};
    if (auto h = curation::hiddenForPixels(ps->store(), e.recording))
      in.hidden = h.takeValue();
    if (auto s = curation::segmentInputs(ps->store(), e.recording.id))
      in.segments = s.takeValue();
    inputs.push_back(std::move(in));
  }
  if (inputs.empty()) {
    emit statusMessage(tr("Every recording is analysed"));
    return;
  }
  using Stored = std::vector<project::CurationAnalysisRecord>;
  Job *job = startJob<Stored>(
      this, tr("Analysing the project for curation"),
      [inputs](JobContext &ctx) -> Result<Stored> {
        Result<Stored> out{Stored{}};
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const double a = double(i) / double(inputs.size()), b = double(i + 1) / double(inputs.size());
          auto r = curation::analyzeRecording(inputs[i].folder, inputs[i].hidden, inputs[i].segments, {},
                                              ctx.stageCallback(a, b));
          if (ctx.cancelled())
            return Result<Stored>::failure("cancelled");
          if (!r) {
            out.addWarning(r.error());
            continue;
          }
          out->push_back(
              {inputs[i].id, inputs[i].hash, curation::kAnalysisVersion, 0, curation::analysisJson(*r).dump()});
        }
        return out;
      },
      [this](Result<Stored> &r) {
        project::ProjectSession *s = m_window.project();
        if (!r || !s) {
          if (!r)
            emit errorOccurred(QString::fromStdString(r.error()));
          return;
        }
        for (const auto &rec : *r)
          if (auto st = s->store().saveCurationAnalysis(rec); !st)
            emit errorOccurred(QString::fromStdString(st.error()));
        for (const auto &w : r.warnings())
          emit errorOccurred(QString::fromStdString(w));
        reload();
        emit analysisStored();
      });
  JobProgressDialog::show(job, &m_window, tr("Analysing recordings for curation…"));
}

} // namespace tacit
