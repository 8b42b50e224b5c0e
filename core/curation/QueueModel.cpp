#include "core/curation/QueueModel.h"

#include <QColor>

namespace tacit::curation {

QueueModel::QueueModel(QObject *parent) : QAbstractTableModel(parent) {}

void QueueModel::setEntries(std::vector<QueueEntry> entries) {
  beginResetModel();
  m_entries = std::move(entries);
  sortQueue(m_entries, m_sortKey);
  endResetModel();
}

const QueueEntry *QueueModel::entry(int row) const {
  return row >= 0 && row < rowCount() ? &m_entries[static_cast<std::size_t>(row)] : nullptr;
}

int QueueModel::rowOf(project::Id id) const {
  for (std::size_t i = 0; i < m_entries.size(); ++i)
    if (m_entries[i].recording.id == id)
      return static_cast<int>(i);
  return -1;
}

bool QueueModel::setSortKey(const std::string &key) {
  std::vector<QueueEntry> probe;
  if (!sortQueue(probe, key))
    return false;
  beginResetModel();
  m_sortKey = key;
  sortQueue(m_entries, m_sortKey);
  endResetModel();
  return true;
}

int QueueModel::firstOpenRow() const {
  for (std::size_t i = 0; i < m_entries.size(); ++i)
    if (m_entries[i].analysed && m_entries[i].state.state == project::QueueState::Open)
      return static_cast<int>(i);
  return -1;
}

void QueueModel::setState(const project::QueueItemState &state) {
  const int row = rowOf(state.recordingId);
  if (row < 0)
    return;
  m_entries[static_cast<std::size_t>(row)].state = state;
  emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int QueueModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const {
  const QueueEntry *e = index.isValid() ? entry(index.row()) : nullptr;
  if (!e || index.column() >= ColumnCount)
    return {};
  switch (role) {
  case RecordingIdRole: return QVariant::fromValue<qint64>(e->recording.id);
  case WorstStartRole: return QVariant::fromValue<qint64>(e->worst.begin);
  case StateRole: return QString::fromLatin1(project::queueStateName(e->state.state));
  case ScoreRole: return e->combined;
  case Qt::ForegroundRole: return e->state.state == project::QueueState::Open ? QVariant() : QVariant(QColor(Qt::gray));
  case Qt::ToolTipRole:
  case Qt::DisplayRole: break;
  default: return {};
  }
  switch (index.column()) {
  case Rank: return index.row() + 1;
  case Recording:
    return QString::fromStdString(e->recording.relativePath.empty() ? e->recording.uuid : e->recording.relativePath);
  case Duration: return QStringLiteral("%1 s").arg(toSeconds(e->durationNs()), 0, 'f', 1);
  case Score: return e->analysed ? QString::number(e->combined, 'f', 2) : tr("not analysed");
  case Reasons: {
    QStringList parts;
    for (const QueueReason &r : e->reasons)
      parts << QString::fromStdString(r.text);
    return role == Qt::ToolTipRole ? parts.join(QLatin1Char('\n')) : parts.join(QStringLiteral("; "));
  }
  case State: {
    const QString s = QString::fromLatin1(project::queueStateName(e->state.state));
    return e->state.reviewer.empty() || e->state.state == project::QueueState::Open
               ? s
               : tr("%1 by %2").arg(s, QString::fromStdString(e->state.reviewer));
  }
  default: return {};
  }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return {};
  switch (section) {
  case Rank: return tr("#");
  case Recording: return tr("Recording");
  case Duration: return tr("Duration");
  case Score: return tr("Score");
  case Reasons: return tr("Reasons");
  case State: return tr("State");
  default: return {};
  }
}

} // namespace tacit::curation
