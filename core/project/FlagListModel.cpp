#include "core/project/FlagListModel.h"

#include <algorithm>

namespace tacit::project {

FlagListModel::FlagListModel(AnnotationDocument *doc, QObject *parent) : QAbstractListModel(parent), m_doc(doc) {
  connect(doc, &AnnotationDocument::reset, this, &FlagListModel::onReset);
  connect(doc, &AnnotationDocument::flagInserted, this, &FlagListModel::onInserted);
  connect(doc, &AnnotationDocument::flagChanged, this, &FlagListModel::onChanged);
  connect(doc, &AnnotationDocument::flagRemoved, this, &FlagListModel::onRemoved);
  connect(doc, &AnnotationDocument::timeBaseChanged, this, [this] {
    if (!m_rows.empty())
      emit dataChanged(index(0), index(rowCount() - 1));
  });
  onReset();
}

bool FlagListModel::less(const QualityFlag &a, const QualityFlag &b) {
  if (a.wholeRecording != b.wholeRecording)
    return a.wholeRecording;
  if (a.startNs != b.startNs)
    return a.startNs < b.startNs;
  return a.id < b.id;
}

int FlagListModel::insertPosition(const QualityFlag &f) const {
  return static_cast<int>(std::lower_bound(m_rows.begin(), m_rows.end(), f, &FlagListModel::less) - m_rows.begin());
}

int FlagListModel::rowOf(Id flagId) const {
  for (std::size_t i = 0; i < m_rows.size(); ++i)
    if (m_rows[i].id == flagId)
      return static_cast<int>(i);
  return -1;
}

Id FlagListModel::idAt(int row) const {
  return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].id : 0;
}

void FlagListModel::onReset() {
  beginResetModel();
  m_rows = m_doc->flags();
  std::sort(m_rows.begin(), m_rows.end(), &FlagListModel::less);
  endResetModel();
}

void FlagListModel::onInserted(const QualityFlag &f) {
  const int row = insertPosition(f);
  beginInsertRows({}, row, row);
  m_rows.insert(m_rows.begin() + row, f);
  endInsertRows();
}

void FlagListModel::onRemoved(const QualityFlag &f) {
  const int row = rowOf(f.id);
  if (row < 0)
    return;
  beginRemoveRows({}, row, row);
  m_rows.erase(m_rows.begin() + row);
  endRemoveRows();
}

void FlagListModel::onChanged(const QualityFlag &, const QualityFlag &after) {
  const int from = rowOf(after.id);
  if (from < 0)
    return;
  m_rows.erase(m_rows.begin() + from);
  const int to = insertPosition(after);
  m_rows.insert(m_rows.begin() + from, after);
  if (to != from) {
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_rows.erase(m_rows.begin() + from);
    m_rows.insert(m_rows.begin() + to, after);
    endMoveRows();
  }
  emit dataChanged(index(to), index(to));
}

int FlagListModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant FlagListModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || index.row() >= rowCount())
    return {};
  const QualityFlag &f = m_rows[static_cast<std::size_t>(index.row())];
  switch (role) {
  case Qt::DisplayRole: {
    QString text = tr("%1 (severity %2)").arg(QString::fromUtf8(flagReasonDisplayName(f.reason))).arg(f.severity);
    text += f.wholeRecording
                ? tr(" - whole recording")
                : QStringLiteral(" - ") + QString::fromStdString(m_doc->timeBase().span({f.startNs, f.endNs}));
    return text;
  }
  case Qt::ToolTipRole:
    return f.wholeRecording || f.note.empty()
               ? QString::fromStdString(f.note)
               : tr("%1\nDevice time: %2–%3 s")
                     .arg(QString::fromStdString(f.note), QString::number(toSeconds(f.startNs), 'f', 3),
                          QString::number(toSeconds(f.endNs), 'f', 3));
  case NoteRole: return QString::fromStdString(f.note);
  case IdRole: return QVariant::fromValue<qint64>(f.id);
  case ReasonCodeRole: return QString::fromUtf8(flagReasonCode(f.reason));
  case ReasonNameRole: return QString::fromUtf8(flagReasonDisplayName(f.reason));
  case SeverityRole: return f.severity;
  case WholeRecordingRole: return f.wholeRecording;
  case StartNsRole: return QVariant::fromValue<qint64>(f.startNs);
  case EndNsRole: return QVariant::fromValue<qint64>(f.endNs);
  case AuthorRole: return QString::fromStdString(f.author);
  }
  return {};
}

bool FlagListModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  if (!index.isValid() || index.row() >= rowCount())
    return false;
  QualityFlag f = m_rows[static_cast<std::size_t>(index.row())];
  switch (role) {
  case SeverityRole: {
    bool ok = false;
    f.severity = value.toInt(&ok);
    if (!ok || f.severity < kMinSeverity || f.severity > kMaxSeverity)
      return false;
    break;
  }
  case Qt::EditRole:
  case NoteRole: f.note = value.toString().toStdString(); break;
  case ReasonCodeRole: {
    auto r = flagReasonFromCode(value.toString().toStdString());
    if (!r)
      return false;
    f.reason = *r;
    break;
  }
  default: return false;
  }
  return m_doc->updateFlag(f).ok();
}

Qt::ItemFlags FlagListModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (!m_doc->store().isReadOnly())
    f |= Qt::ItemIsEditable;
  return f;
}

QHash<int, QByteArray> FlagListModel::roleNames() const {
  auto names = QAbstractListModel::roleNames();
  names[IdRole] = "flagId";
  names[ReasonCodeRole] = "reasonCode";
  names[ReasonNameRole] = "reasonName";
  names[SeverityRole] = "severity";
  names[WholeRecordingRole] = "wholeRecording";
  names[StartNsRole] = "startNs";
  names[EndNsRole] = "endNs";
  names[NoteRole] = "note";
  names[AuthorRole] = "author";
  return names;
}

} // namespace tacit::project
