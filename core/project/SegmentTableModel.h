#pragma once
// Table of one recording's segments, rows ordered by (track order, start, id). Follows the
// AnnotationDocument's signals with fine-grained inserts/moves/removes so views keep selection during
// drags. setData on Label/Note/Start/End (or the matching roles) pushes undo commands via the document.
// Times are shown in recording time with frame numbers (the document's time base), like the timeline.
#include <QAbstractTableModel>
#include <vector>

#include "core/project/AnnotationDocument.h"

namespace tacit::project {

class TaxonomyModel;

class SegmentTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Roles {
    IdRole = Qt::UserRole + 1,
    RecordingIdRole,
    TrackIdRole,
    TrackNameRole,
    LabelIdRole,
    LabelPathRole,
    ColourRole, // "#rrggbb" of the label ("" when unlabelled)
    StartNsRole,
    EndNsRole,
    NoteRole,
    AuthorRole,
    CreatedAtMsRole,
    ModifiedAtMsRole,
  };
  enum Columns {
    TrackColumn,
    LabelColumn,
    StartColumn,
    EndColumn,
    DurationColumn,
    FramesColumn, // "#30–#74": first and last video frame of the segment
    NoteColumn,
    AuthorColumn,
    DeviceTimeColumn, // the raw device clock, labelled as such (seconds)
    ColumnCount
  };

  explicit SegmentTableModel(AnnotationDocument *doc, TaxonomyModel *taxonomy = nullptr, QObject *parent = nullptr);

  int rowOf(Id segmentId) const;
  Id idAt(int row) const;

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;

private:
  bool less(const Segment &a, const Segment &b) const;
  int insertPosition(const Segment &s) const;
  void onReset();
  void onInserted(const Segment &s);
  void onChanged(const Segment &before, const Segment &after);
  void onRemoved(const Segment &s);

  AnnotationDocument *m_doc;
  TaxonomyModel *m_taxonomy;
  std::vector<Segment> m_rows;
};

} // namespace tacit::project
