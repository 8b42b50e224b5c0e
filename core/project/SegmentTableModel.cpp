#include "core/project/SegmentTableModel.h"

#include <QColor>
#include <algorithm>

#include "core/project/TaxonomyModel.h"

namespace tacit::project {

SegmentTableModel::SegmentTableModel(AnnotationDocument *doc, TaxonomyModel *taxonomy, QObject *parent)
    : QAbstractTableModel(parent), m_doc(doc), m_taxonomy(taxonomy) {
  connect(doc, &AnnotationDocument::reset, this, &SegmentTableModel::onReset);
  connect(doc, &AnnotationDocument::segmentInserted, this, &SegmentTableModel::onInserted);
  connect(doc, &AnnotationDocument::segmentChanged, this, &SegmentTableModel::onChanged);
  connect(doc, &AnnotationDocument::segmentRemoved, this, &SegmentTableModel::onRemoved);
  auto allChanged = [this] {
    if (!m_rows.empty())
      emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
  };
  if (taxonomy)
    connect(taxonomy, &QAbstractItemModel::modelReset, this, allChanged);
  connect(doc, &AnnotationDocument::timeBaseChanged, this, allChanged);
  onReset();
}

bool SegmentTableModel::less(const Segment &a, const Segment &b) const {
  const Track *ta = m_doc->track(a.trackId), *tb = m_doc->track(b.trackId);
  const int oa = ta ? ta->order : 0, ob = tb ? tb->order : 0;
  if (oa != ob)
    return oa < ob;
  if (a.trackId != b.trackId)
    return a.trackId < b.trackId;
  if (a.startNs != b.startNs)
    return a.startNs < b.startNs;
  return a.id < b.id;
}

int SegmentTableModel::insertPosition(const Segment &s) const {
  auto it = std::lower_bound(m_rows.begin(), m_rows.end(), s,
                             [this](const Segment &a, const Segment &b) { return less(a, b); });
  return static_cast<int>(it - m_rows.begin());
}

int SegmentTableModel::rowOf(Id segmentId) const {
  for (std::size_t i = 0; i < m_rows.size(); ++i)
    if (m_rows[i].id == segmentId)
      return static_cast<int>(i);
  return -1;
}

Id SegmentTableModel::idAt(int row) const {
  return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].id : 0;
}

void SegmentTableModel::onReset() {
  beginResetModel();
  m_rows = m_doc->segments();
  std::sort(m_rows.begin(), m_rows.end(), [this](const Segment &a, const Segment &b) { return less(a, b); });
  endResetModel();
}

void SegmentTableModel::onInserted(const Segment &s) {
  const int row = insertPosition(s);
  beginInsertRows({}, row, row);
  m_rows.insert(m_rows.begin() + row, s);
  endInsertRows();
}

void SegmentTableModel::onRemoved(const Segment &s) {
  const int row = rowOf(s.id);
  if (row < 0)
    return;
  beginRemoveRows({}, row, row);
  m_rows.erase(m_rows.begin() + row);
  endRemoveRows();
}

void SegmentTableModel::onChanged(const Segment &, const Segment &after) {
  const int from = rowOf(after.id);
  if (from < 0)
    return;
  m_rows.erase(m_rows.begin() + from);
  const int to = insertPosition(after);
  if (to == from) {
    m_rows.insert(m_rows.begin() + to, after);
    emit dataChanged(index(from, 0), index(from, ColumnCount - 1));
    return;
  }
  m_rows.insert(m_rows.begin() + from, after); // restore, then announce the move
  beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
  m_rows.erase(m_rows.begin() + from);
  m_rows.insert(m_rows.begin() + to, after);
  endMoveRows();
  emit dataChanged(index(to, 0), index(to, ColumnCount - 1));
}

int SegmentTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SegmentTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || index.row() >= rowCount())
    return {};
  const Segment &s = m_rows[static_cast<std::size_t>(index.row())];
  const Track *t = m_doc->track(s.trackId);
  const Label *l = m_taxonomy ? m_taxonomy->label(s.labelId) : nullptr;
  const QString labelPath = m_taxonomy ? QString::fromStdString(m_taxonomy->path(s.labelId)) : QString();
  switch (role) {
  case Qt::DisplayRole:
    switch (index.column()) {
    case TrackColumn: return t ? QString::fromStdString(t->name) : QString();
    case LabelColumn: return labelPath;
    case StartColumn: return QString::fromStdString(m_doc->timeBase().time(s.startNs));
    case EndColumn: return QString::fromStdString(m_doc->timeBase().time(s.endNs));
    case DurationColumn: return QString::fromStdString(m_doc->timeBase().duration(s.range()));
    case FramesColumn: {
      const RecordingTimeBase &tb = m_doc->timeBase();
      const auto first = tb.frameAt(s.startNs), last = tb.lastFrameIn(s.range());
      return first && last ? QStringLiteral("%1\u2013%2")
                                 .arg(QString::fromStdString(formatFrameNumber(*first)),
                                      QString::fromStdString(formatFrameNumber(*last)))
                           : QString();
    }
    case DeviceTimeColumn:
      return QStringLiteral("%1\u2013%2")
          .arg(QString::number(toSeconds(s.startNs), 'f', 3), QString::number(toSeconds(s.endNs), 'f', 3));
    case NoteColumn: return QString::fromStdString(s.note);
    case AuthorColumn: return QString::fromStdString(s.author);
    }
    return {};
  case Qt::EditRole:
    switch (index.column()) {
    case LabelColumn: return QVariant::fromValue<qint64>(s.labelId);
    case StartColumn: return QVariant::fromValue<qint64>(s.startNs);
    case EndColumn: return QVariant::fromValue<qint64>(s.endNs);
    case NoteColumn: return QString::fromStdString(s.note);
    }
    return data(index, Qt::DisplayRole);
  case Qt::DecorationRole:
    return index.column() == LabelColumn && l ? QVariant(QColor(QString::fromStdString(l->colour))) : QVariant();
  case IdRole: return QVariant::fromValue<qint64>(s.id);
  case RecordingIdRole: return QVariant::fromValue<qint64>(s.recordingId);
  case TrackIdRole: return QVariant::fromValue<qint64>(s.trackId);
  case TrackNameRole: return t ? QString::fromStdString(t->name) : QString();
  case LabelIdRole: return QVariant::fromValue<qint64>(s.labelId);
  case LabelPathRole: return labelPath;
  case ColourRole: return l ? QString::fromStdString(l->colour) : QString();
  case StartNsRole: return QVariant::fromValue<qint64>(s.startNs);
  case EndNsRole: return QVariant::fromValue<qint64>(s.endNs);
  case NoteRole: return QString::fromStdString(s.note);
  case AuthorRole: return QString::fromStdString(s.author);
  case CreatedAtMsRole: return QVariant::fromValue<qint64>(s.createdAtMs);
  case ModifiedAtMsRole: return QVariant::fromValue<qint64>(s.modifiedAtMs);
  }
  return {};
}

bool SegmentTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  if (!index.isValid() || index.row() >= rowCount())
    return false;
  const Id id = m_rows[static_cast<std::size_t>(index.row())].id;
  int field = role;
  if (role == Qt::EditRole)
    field = index.column() == LabelColumn   ? LabelIdRole
            : index.column() == StartColumn ? StartNsRole
            : index.column() == EndColumn   ? EndNsRole
            : index.column() == NoteColumn  ? NoteRole
                                            : -1;
  bool ok = false;
  switch (field) {
  case LabelIdRole: {
    const qint64 label = value.toLongLong(&ok);
    return ok && m_doc->relabelSegment(id, label).ok();
  }
  case StartNsRole: {
    const qint64 t = value.toLongLong(&ok);
    return ok && m_doc->moveSegmentEdge(id, SegmentEdge::Start, t).ok();
  }
  case EndNsRole: {
    const qint64 t = value.toLongLong(&ok);
    return ok && m_doc->moveSegmentEdge(id, SegmentEdge::End, t).ok();
  }
  case NoteRole: return m_doc->setSegmentNote(id, value.toString().toStdString()).ok();
  }
  return false;
}

Qt::ItemFlags SegmentTableModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  const int c = index.column();
  if (!m_doc->store().isReadOnly() && (c == LabelColumn || c == StartColumn || c == EndColumn || c == NoteColumn))
    f |= Qt::ItemIsEditable;
  return f;
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case TrackColumn: return tr("Track");
  case LabelColumn: return tr("Label");
  case StartColumn: return tr("Start");
  case EndColumn: return tr("End");
  case DurationColumn: return tr("Duration");
  case FramesColumn: return tr("Frames");
  case DeviceTimeColumn: return tr("Device time (s)");
  case NoteColumn: return tr("Note");
  case AuthorColumn: return tr("Author");
  }
  return {};
}

QHash<int, QByteArray> SegmentTableModel::roleNames() const {
  auto names = QAbstractTableModel::roleNames();
  names[IdRole] = "segmentId";
  names[RecordingIdRole] = "recordingId";
  names[TrackIdRole] = "trackId";
  names[TrackNameRole] = "trackName";
  names[LabelIdRole] = "labelId";
  names[LabelPathRole] = "labelPath";
  names[ColourRole] = "colour";
  names[StartNsRole] = "startNs";
  names[EndNsRole] = "endNs";
  names[NoteRole] = "note";
  names[AuthorRole] = "author";
  names[CreatedAtMsRole] = "createdAtMs";
  names[ModifiedAtMsRole] = "modifiedAtMs";
  return names;
}

} // namespace tacit::project
