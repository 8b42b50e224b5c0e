#include "core/project/ProjectSession.h"

#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <system_error>

#include "core/project/AnnotationDocument.h"
#include "core/project/FlagListModel.h"
#include "core/project/RecordingFolder.h"
#include "core/project/RecordingListModel.h"
#include "core/project/RecordingMetadataCommand.h"
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
  m_recordings->setMetadataEditor([this](Id id, const RecordingMetadata &m) { return setRecordingMetadata(id, m); });
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
  m_undo->push(
      new StreamOffsetCommand(*m_store, recordingId, streamId, before, offsetNs,
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

// --- project edits ------------------------------------------------------------------------------------------

Status ProjectSession::setReviewStatus(Id recordingId, ReviewStatus status, const std::string &reason) {
  if (auto st = checkReviewReason(status, reason); !st.ok())
    return st; // before anything is pushed: nothing to undo
  auto doc = documentFor(recordingId);
  if (!doc)
    return Status::failure(doc.error());
  return (*doc)->setReviewStatus(status, reason);
}

Status ProjectSession::setRecordingMetadata(Id recordingId, const RecordingMetadata &metadata) {
  if (isReadOnly())
    return Status::failure(path().string() + ": project is read-only (" + m_store->readOnlyReason() + ")");
  auto rec = m_store->recording(recordingId);
  if (!rec)
    return Status::failure(rec.error());
  const RecordingMetadata before = RecordingMetadata::of(*rec);
  if (before == metadata)
    return okStatus();
  m_pendingError.clear();
  m_pushing = true;
  m_undo->push(
      new RecordingMetadataCommand(*m_store, recordingId, before, metadata, [this](Id id, const std::string &error) {
        if (!error.empty()) {
          if (m_pushing)
            m_pendingError = error; // returned by this call
          else
            emit errorOccurred(QString::fromStdString(error));
          return;
        }
        scheduleRefresh();
        emit recordingMetadataChanged(id);
      }));
  m_pushing = false;
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

Result<std::vector<Id>> ProjectSession::addRecordings(const std::filesystem::path &folder) {
  namespace fs = std::filesystem;
  using R = Result<std::vector<Id>>;
  std::error_code ec;
  std::vector<fs::path> candidates;
  auto isRecording = [&ec](const fs::path &p) { return fs::is_regular_file(p / "recording.json", ec); };
  auto sortedDirs = [&ec](const fs::path &p) {
    std::vector<fs::path> dirs;
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec))
        dirs.push_back(it->path());
    std::sort(dirs.begin(), dirs.end());
    return dirs;
  };
  if (isRecording(folder)) {
    candidates.push_back(folder);
  } else {
    for (const auto &a : sortedDirs(folder)) {
      if (isRecording(a)) {
        candidates.push_back(a);
        continue;
      }
      for (const auto &b : sortedDirs(a))
        if (isRecording(b))
          candidates.push_back(b);
    }
  }
  if (candidates.empty())
    return R::failure(folder.string() + ": no recording.json here or in its subfolders");
  std::vector<Id> added;
  std::vector<std::string> problems;
  for (const auto &c : candidates) {
    auto r = m_store->addRecording(c);
    if (r)
      added.push_back(r->id);
    else
      problems.push_back(r.error());
  }
  refreshRecordings();
  R result(std::move(added));
  for (auto &p : problems)
    result.addWarning(std::move(p));
  return result;
}

Id ProjectSession::recordingAt(const std::filesystem::path &folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path want = fs::weakly_canonical(fs::absolute(folder), ec);
  auto recs = m_store->recordings();
  if (!recs)
    return 0;
  for (const auto &r : *recs)
    if (fs::weakly_canonical(m_store->absoluteFolder(r), ec) == want)
      return r.id;
  return 0;
}

Result<RecordingRecord> ProjectSession::relinkRecording(Id recordingId, const std::filesystem::path &folder) {
  auto r = m_store->relinkRecording(recordingId, folder);
  if (r)
    refreshRecordings();
  return r;
}

} // namespace tacit::project
