#include "core/project/ProjectSession.h"

#include <QTimer>
#include <QUndoStack>

#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "core/project/RecordingListModel.h"
#include "core/project/SegmentTableModel.h"
#include "core/project/StreamOffsetCommand.h"
#include "core/project/TaxonomyModel.h"

namespace tacit::project {

Result<std::unique_ptr<ProjectSession>> ProjectSession::open(const std::filesystem::path &path,
                                                             ProjectOpenOptions options) {
  using R = Result<std::unique_ptr<ProjectSession>>;
  auto store = options.create ? ProjectStore::create(path) : ProjectStore::open(path, options);
  if (!store)
    return R::failure(store.error());
  const auto warnings = store.warnings();
  R result(std::make_unique<ProjectSession>(store.takeValue()));
  for (const auto &w : warnings)
    result.addWarning(w);
  return result;
}

Result<std::unique_ptr<ProjectSession>> ProjectSession::create(const std::filesystem::path &path) {
  ProjectOpenOptions o;
  o.create = true;
  return open(path, o);
}

ProjectSession::ProjectSession(std::unique_ptr<ProjectStore> store, QObject *parent)
    : QObject(parent), m_store(std::move(store)) {
  m_undo = new QUndoStack(this);
  m_taxonomy = new TaxonomyModel(*m_store, m_undo, this);
  m_recordings = new RecordingListModel(*m_store, m_undo, this);
  connect(m_taxonomy, &TaxonomyModel::labelsChanged, this, &ProjectSession::onLabelsChanged);
  connect(m_taxonomy, &TaxonomyModel::errorOccurred, this, &ProjectSession::errorOccurred);
  connect(m_recordings, &RecordingListModel::errorOccurred, this, &ProjectSession::errorOccurred);
}

ProjectSession::~ProjectSession() {
  // Commands reference the documents and models: drop them first.
  m_undo->clear();
  delete m_segments;
  delete m_flags;
  for (auto &[id, doc] : m_documents)
    delete doc;
  delete m_recordings;
  delete m_taxonomy;
}

QString ProjectSession::name() const {
  return QString::fromStdString(m_store->path().stem().string());
}

Result<AnnotationDocument *> ProjectSession::documentFor(Id recordingId) {
  using R = Result<AnnotationDocument *>;
  if (auto it = m_documents.find(recordingId); it != m_documents.end())
    return it->second;
  auto *doc = new AnnotationDocument(*m_store, m_undo, this);
  if (auto st = doc->load(recordingId); !st.ok()) {
    delete doc;
    return R::failure(st.error());
  }
  auto changed = [this] { scheduleRefresh(); };
  connect(doc, &AnnotationDocument::segmentInserted, this, changed);
  connect(doc, &AnnotationDocument::segmentRemoved, this, changed);
  connect(doc, &AnnotationDocument::flagInserted, this, changed);
  connect(doc, &AnnotationDocument::flagChanged, this, changed);
  connect(doc, &AnnotationDocument::flagRemoved, this, changed);
  connect(doc, &AnnotationDocument::reviewChanged, this, changed);
  connect(doc, &AnnotationDocument::errorOccurred, this, &ProjectSession::errorOccurred);
  m_documents[recordingId] = doc;
  return doc;
}

Status ProjectSession::setCurrentRecording(Id recordingId) {
  if (recordingId == m_currentId)
    return okStatus();
  AnnotationDocument *doc = nullptr;
  if (recordingId != 0) {
    auto d = documentFor(recordingId);
    if (!d)
      return Status::failure(d.error());
    doc = *d;
  }
  // Views hold the old models until they see currentRecordingChanged: delete later, not now.
  if (m_segments)
    m_segments->deleteLater();
  if (m_flags)
    m_flags->deleteLater();
  m_segments = nullptr;
  m_flags = nullptr;
  m_currentId = recordingId;
  m_document = doc;
  if (doc) {
    m_segments = new SegmentTableModel(doc, m_taxonomy, this);
    m_flags = new FlagListModel(doc, this);
  }
  emit currentRecordingChanged(recordingId);
  return okStatus();
}

Status ProjectSession::refreshRecordings() {
  m_refreshPending = false;
  auto st = m_recordings->refresh();
  if (!st.ok())
    emit errorOccurred(QString::fromStdString(st.error()));
  return st;
}

Result<std::map<std::string, Timestamp>> ProjectSession::streamOffsets(Id recordingId) {
  return m_store->streamOffsets(recordingId);
}

Status ProjectSession::setStreamOffset(Id recordingId, const std::string &streamId, Timestamp offsetNs) {
  if (m_store->isReadOnly())
    return Status::failure(m_store->path().string() + ": project is read-only (" + m_store->readOnlyReason() + ")");
  auto current = m_store->streamOffsets(recordingId);
  if (!current)
    return Status::failure(current.error());
  const auto it = current->find(streamId);
  const Timestamp before = it == current->end() ? 0 : it->second;
  if (before == offsetNs)
    return okStatus();
  m_undo->push(new StreamOffsetCommand(
      *m_store, recordingId, streamId, before, offsetNs,
      [this](Id rec, const std::string &stream, Timestamp value, const std::string &error) {
        if (!error.empty()) {
          emit errorOccurred(QString::fromStdString(error));
          return;
        }
        emit streamOffsetChanged(rec, stream, value);
      }));
  return okStatus();
}

void ProjectSession::scheduleRefresh() {
  // A drag emits many changes; one refresh per event loop turn is enough for counts and statuses.
  if (m_refreshPending)
    return;
  m_refreshPending = true;
  QTimer::singleShot(0, this, [this] {
    if (m_refreshPending)
      refreshRecordings();
  });
}

void ProjectSession::onLabelsChanged() {
  // Removing a label unlabels its segments in the store (and undo puts them back): re-read the
  // segments of every open document so memory matches the file.
  for (auto &[id, doc] : m_documents)
    if (auto st = doc->load(id); !st.ok())
      emit errorOccurred(QString::fromStdString(st.error()));
  scheduleRefresh();
}

} // namespace tacit::project
