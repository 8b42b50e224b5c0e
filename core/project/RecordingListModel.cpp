#include "core/project/RecordingListModel.h"

#include <QUndoStack>
#include <filesystem>

#include "core/project/ReviewStatusCommand.h"

namespace tacit::project {

RecordingListModel::RecordingListModel(ProjectStore &store, QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_undo(undoStack) {
  refresh();
}

Status RecordingListModel::refresh(bool checkMedia) {
  auto all = m_store.recordingSummaries(checkMedia);
  if (!all)
    return Status::failure(all.error());
  beginResetModel();
  m_all = all.takeValue();
  m_visible.clear();
  for (std::size_t i = 0; i < m_all.size(); ++i)
    if (accepts(m_all[i]))
      m_visible.push_back(i);
  endResetModel();
  return okStatus();
}

bool RecordingListModel::accepts(const RecordingSummary &s) const {
  const auto &f = m_filter;
  if (!f.statuses.empty() && !f.statuses.count(s.record.status))
    return false;
  if (!f.worker.isEmpty() && !QString::fromStdString(s.record.workerId).contains(f.worker, Qt::CaseInsensitive) &&
      !QString::fromStdString(s.record.workerName).contains(f.worker, Qt::CaseInsensitive))
    return false;
  if (!f.task.isEmpty() && !QString::fromStdString(s.record.task).contains(f.task, Qt::CaseInsensitive))
    return false;
  if (s.flagCount < f.minFlags)
    return false;
  if (f.maxFlags >= 0 && s.flagCount > f.maxFlags)
    return false;
  return true;
}

void RecordingListModel::applyFilter() {
  beginResetModel();
  m_visible.clear();
  for (std::size_t i = 0; i < m_all.size(); ++i)
    if (accepts(m_all[i]))
      m_visible.push_back(i);
  endResetModel();
}

void RecordingListModel::setFilter(const RecordingFilter &filter) {
  if (filter == m_filter)
    return;
  m_filter = filter;
  applyFilter();
}

void RecordingListModel::setConsent(std::unordered_map<Id, QString> text) {
  m_consent = std::move(text);
  if (rowCount() > 0)
    emit dataChanged(index(0, ConsentColumn), index(rowCount() - 1, ConsentColumn));
}

const RecordingSummary *RecordingListModel::summaryAt(int row) const {
  return row >= 0 && row < rowCount() ? &m_all[m_visible[static_cast<std::size_t>(row)]] : nullptr;
}

int RecordingListModel::rowOf(Id recordingId) const {
  for (std::size_t r = 0; r < m_visible.size(); ++r)
    if (m_all[m_visible[r]].record.id == recordingId)
      return static_cast<int>(r);
  return -1;
}

int RecordingListModel::nextUnreviewed(int afterRow) const {
  const int n = rowCount();
  for (int k = 1; k <= n; ++k) {
    const int row = ((afterRow + k) % n + n) % n;
    if (summaryAt(row)->record.status == ReviewStatus::Unreviewed)
      return row;
  }
  return -1;
}

void RecordingListModel::onStatusChanged(Id recordingId, const std::string &error) {
  if (!error.empty()) {
    m_pendingError = error;
    emit errorOccurred(QString::fromStdString(error));
    return;
  }
  auto rec = m_store.recording(recordingId);
  if (!rec)
    return;
  for (std::size_t i = 0; i < m_all.size(); ++i) {
    if (m_all[i].record.id != recordingId)
      continue;
    const bool wasVisible = accepts(m_all[i]);
    m_all[i].record.status = rec->status;
    if (wasVisible != accepts(m_all[i])) {
      applyFilter(); // membership changed under the filter
    } else if (const int row = rowOf(recordingId); row >= 0) {
      emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    return;
  }
}

Status RecordingListModel::setReviewStatus(Id recordingId, ReviewStatus status, const std::string &reason) {
  if (m_store.isReadOnly())
    return Status::failure(m_store.path().string() + ": project is read-only");
  m_pendingError.clear();
  m_undo->push(new ReviewStatusCommand(m_store, recordingId, status, reason,
                                       [this](Id id, const std::string &error) { onStatusChanged(id, error); }));
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

int RecordingListModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int RecordingListModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordingListModel::data(const QModelIndex &index, int role) const {
  const RecordingSummary *s = index.isValid() ? summaryAt(index.row()) : nullptr;
  if (!s)
    return {};
  const auto &r = s->record;
  switch (role) {
  case Qt::DisplayRole:
    switch (index.column()) {
    case NameColumn: return QString::fromStdString(std::filesystem::path(r.relativePath).filename().string());
    case WorkerColumn: return QString::fromStdString(r.workerName.empty() ? r.workerId : r.workerName);
    case TaskColumn: return QString::fromStdString(r.task);
    case StatusColumn: return QString::fromUtf8(reviewStatusDisplayName(r.status));
    case SegmentsColumn: return s->segmentCount;
    case FlagsColumn: return s->flagCount;
    case MediaColumn: return QString::fromUtf8(mediaStateName(s->media));
    case ConsentColumn: return data(index, ConsentRole);
    }
    return {};
  case Qt::ToolTipRole: return QString::fromStdString(r.relativePath);
  case IdRole: return QVariant::fromValue<qint64>(r.id);
  case UuidRole: return QString::fromStdString(r.uuid);
  case PathRole: return QString::fromStdString(r.relativePath);
  case WorkerIdRole: return QString::fromStdString(r.workerId);
  case WorkerNameRole: return QString::fromStdString(r.workerName);
  case TaskRole: return QString::fromStdString(r.task);
  case StatusRole: return QString::fromUtf8(reviewStatusName(r.status));
  case SegmentCountRole: return s->segmentCount;
  case FlagCountRole: return s->flagCount;
  case MaxSeverityRole: return s->maxFlagSeverity;
  case MediaStateRole: return QString::fromUtf8(mediaStateName(s->media));
  case ConsentRole: {
    auto it = m_consent.find(r.id);
    return it == m_consent.end() ? QString() : it->second;
  }
  }
  return {};
}

bool RecordingListModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  const RecordingSummary *s = index.isValid() ? summaryAt(index.row()) : nullptr;
  if (!s || !(role == StatusRole || (role == Qt::EditRole && index.column() == StatusColumn)))
    return false;
  auto status = reviewStatusFromName(value.toString().toStdString());
  if (!status)
    return false;
  return setReviewStatus(s->record.id, *status).ok();
}

Qt::ItemFlags RecordingListModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (index.column() == StatusColumn && !m_store.isReadOnly())
    f |= Qt::ItemIsEditable;
  return f;
}

QVariant RecordingListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case NameColumn: return tr("Recording");
  case WorkerColumn: return tr("Worker");
  case TaskColumn: return tr("Task");
  case StatusColumn: return tr("Status");
  case SegmentsColumn: return tr("Segments");
  case FlagsColumn: return tr("Flags");
  case MediaColumn: return tr("Media");
  case ConsentColumn: return tr("Consent");
  }
  return {};
}

QHash<int, QByteArray> RecordingListModel::roleNames() const {
  auto names = QAbstractTableModel::roleNames();
  names[IdRole] = "recordingId";
  names[UuidRole] = "uuid";
  names[PathRole] = "path";
  names[WorkerIdRole] = "workerId";
  names[WorkerNameRole] = "workerName";
  names[TaskRole] = "task";
  names[StatusRole] = "status";
  names[SegmentCountRole] = "segmentCount";
  names[FlagCountRole] = "flagCount";
  names[MaxSeverityRole] = "maxSeverity";
  names[MediaStateRole] = "mediaState";
  names[ConsentRole] = "consent";
  return names;
}

} // namespace tacit::project
