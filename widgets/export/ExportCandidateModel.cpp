#include "widgets/export/ExportCandidateModel.h"

#include <QBrush>
#include <QColor>

namespace tacit {

ExportCandidateModel::ExportCandidateModel(QObject *parent) : QAbstractTableModel(parent) {}

void ExportCandidateModel::setResult(const exporting::GateResult &result,
                                     const std::map<exporting::GateId, QString> &recordingNames,
                                     const std::map<exporting::GateId, RecordingTimeBase> &timeBases) {
  beginResetModel();
  m_result = result;
  m_names = recordingNames;
  m_timeBases = timeBases;
  m_firstEpisode.clear();
  int next = 1; // GateResult::episodes() order: candidates in order, their episodes in order
  for (const auto &c : m_result.candidates) {
    m_firstEpisode.push_back(c.included() ? next : 0);
    if (c.included())
      next += static_cast<int>(c.episodes.size());
  }
  endResetModel();
}

int ExportCandidateModel::includedCount() const {
  int n = 0;
  for (const auto &c : m_result.candidates)
    n += c.included() ? 1 : 0;
  return n;
}

int ExportCandidateModel::episodeCount() const {
  return static_cast<int>(m_result.episodes().size());
}

int ExportCandidateModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_result.candidates.size());
}

int ExportCandidateModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString ExportCandidateModel::reasonText(int row) const {
  const auto &c = candidate(row);
  QStringList parts;
  for (const auto &s : c.included() ? c.notes : c.reasons)
    parts << QString::fromStdString(s);
  if (!c.included() && parts.isEmpty())
    parts << tr("no episode left after redactions");
  return parts.join(QStringLiteral("; "));
}

QVariant ExportCandidateModel::data(const QModelIndex &index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const auto &c = candidate(index.row());
  const int col = index.column();
  if (role == Qt::CheckStateRole && col == IncludedColumn)
    return c.included() ? Qt::Checked : Qt::Unchecked;
  if (role == Qt::ForegroundRole && !c.included())
    return QBrush(QColor(150, 40, 40));
  if (role == Qt::ToolTipRole && (col == ReasonColumn || col == IncludedColumn))
    return reasonText(index.row());
  if (role == Qt::ToolTipRole && col == TimeColumn)
    return tr("Device time: %1–%2 s").arg(toSeconds(c.range.begin), 0, 'f', 3).arg(toSeconds(c.range.end), 0, 'f', 3);
  if (role != Qt::DisplayRole)
    return {};
  switch (col) {
  case IncludedColumn:
    if (!c.included())
      return tr("excluded");
    return c.episodes.size() > 1 ? tr("%n episode(s)", nullptr, static_cast<int>(c.episodes.size())) : tr("included");
  case RecordingColumn: {
    auto it = m_names.find(c.recordingId);
    return it != m_names.end() ? it->second : QString::fromStdString(c.recordingUuid);
  }
  case EpisodeColumn: {
    const int first = m_firstEpisode[static_cast<std::size_t>(index.row())];
    if (!first)
      return QStringLiteral("—");
    const int n = static_cast<int>(c.episodes.size());
    return n > 1 ? QStringLiteral("%1–%2").arg(first).arg(first + n - 1) : QString::number(first);
  }
  case LabelColumn: return QString::fromStdString(c.label);
  case TimeColumn: {
    auto it = m_timeBases.find(c.recordingId);
    const RecordingTimeBase base = it != m_timeBases.end() ? it->second : RecordingTimeBase();
    QString text = QString::fromStdString(base.span(c.range));
    if (!c.segmentId)
      text = tr("whole recording (%1)").arg(text);
    return text;
  }
  case ReasonColumn: return reasonText(index.row());
  default: return {};
  }
}

QVariant ExportCandidateModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case IncludedColumn: return tr("Export");
  case RecordingColumn: return tr("Recording");
  case EpisodeColumn: return tr("Episode #");
  case LabelColumn: return tr("Label");
  case TimeColumn: return tr("Time");
  case ReasonColumn: return tr("Reason excluded / notes");
  default: return {};
  }
}

Qt::ItemFlags ExportCandidateModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable; // the gate decides; the checks only show it
}

} // namespace tacit
