#include "core/project/RecordingListModel.h"

#include <QUndoStack>
#include <filesystem>

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
    case SiteColumn: return QString::fromStdString(r.site);
    case StatusColumn: return QString::fromUtf8(reviewStatusDisplayName(r.status));
    case SegmentsColumn: return s->segmentCount;
    case FlagsColumn: return s->flagCount;
    case MediaColumn: return QString::fromUtf8(mediaStateName(s->media));
    case ConsentColumn: return data(index, ConsentRole);
    }
    return {};
  case Qt::EditRole:
    switch (index.column()) {
    case WorkerColumn: return QString::fromStdString(r.workerId);
    case TaskColumn: return QString::fromStdString(r.task);
    case SiteColumn: return QString::fromStdString(r.site);
    }
    return data(index, Qt::DisplayRole);
  case Qt::ToolTipRole:
    if (index.column() == WorkerColumn && r.workerId.empty())
      return tr("No worker: set one (double-click) so the recording can be consented and exported");
    return QString::fromStdString(r.relativePath);
  case IdRole: return QVariant::fromValue<qint64>(r.id);
  case UuidRole: return QString::fromStdString(r.uuid);
  case PathRole: return QString::fromStdString(r.relativePath);
  case WorkerIdRole: return QString::fromStdString(r.workerId);
  case WorkerNameRole: return QString::fromStdString(r.workerName);
  case TaskRole: return QString::fromStdString(r.task);
  case SiteRole: return QString::fromStdString(r.site);
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
  if (!s || !m_editor || !(flags(index) & Qt::ItemIsEditable))
    return false;
  RecordingMetadata m = RecordingMetadata::of(s->record);
  const std::string text = value.toString().trimmed().toStdString();
  const int field = role == Qt::EditRole ? (index.column() == WorkerColumn ? WorkerIdRole
                                            : index.column() == TaskColumn ? TaskRole
                                                                           : SiteRole)
                                         : role;
  switch (field) {
  case WorkerIdRole:
    if (text == m.workerId)
      return true;
    m.workerId = text;
    m.workerName.clear(); // a different worker: the old name is not theirs
    break;
  case WorkerNameRole: m.workerName = text; break;
  case TaskRole: m.task = text; break;
  case SiteRole: m.site = text; break;
  default: return false;
  }
  const Id id = s->record.id;
  if (auto st = m_editor(id, m); !st.ok()) {
    emit errorOccurred(QString::fromStdString(st.error()));
    return false;
  }
  return true;
}

Qt::ItemFlags RecordingListModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  const int c = index.column();
  if (m_editor && !m_store.isReadOnly() && (c == WorkerColumn || c == TaskColumn || c == SiteColumn))
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
  case SiteColumn: return tr("Site");
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
  names[SiteRole] = "site";
  names[StatusRole] = "status";
  names[SegmentCountRole] = "segmentCount";
  names[FlagCountRole] = "flagCount";
  names[MaxSeverityRole] = "maxSeverity";
  names[MediaStateRole] = "mediaState";
  names[ConsentRole] = "consent";
  return names;
}

} // namespace tacit::project
