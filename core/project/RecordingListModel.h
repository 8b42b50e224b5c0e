#pragma once
// The project's recordings as a filterable table (status, worker, task, site, flag count) with
// "next unreviewed". Worker, task and site cells are editable once an editor is set (ProjectSession
// sets its undoable setRecordingMetadata); review status is changed through ProjectSession only.
// Call refresh() after changes made elsewhere (e.g. AnnotationDocument::reviewChanged).
#include <QAbstractTableModel>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/project/ProjectStore.h"

class QUndoStack;

namespace tacit::project {

struct RecordingFilter {
  std::set<ReviewStatus> statuses; // empty = any
  QString worker;                  // substring of worker id or name, case-insensitive
  QString task;                    // substring of task, case-insensitive
  int minFlags = 0;
  int maxFlags = -1; // -1 = no limit
  bool operator==(const RecordingFilter &) const = default;
};

class RecordingListModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Roles {
    IdRole = Qt::UserRole + 1,
    UuidRole,
    PathRole,
    WorkerIdRole,
    WorkerNameRole,
    TaskRole,
    SiteRole,
    StatusRole, // "unreviewed" | "in_review" | "approved" | "rejected"
    SegmentCountRole,
    FlagCountRole,
    MaxSeverityRole,
    MediaStateRole, // "ok" | "missing" | "changed"
    ConsentRole,    // display text set by setConsent() ("" when unknown)
  };
  enum Columns {
    NameColumn,
    WorkerColumn,
    TaskColumn,
    SiteColumn,
    StatusColumn,
    SegmentsColumn,
    FlagsColumn,
    MediaColumn,
    ConsentColumn, // read-only: the worker's current consent, computed outside core/project
    ColumnCount
  };

  RecordingListModel(ProjectStore &store, QUndoStack *undoStack, QObject *parent = nullptr);

  Status refresh(bool checkMedia = true);
  void setFilter(const RecordingFilter &filter);
  // Consent column text per recording id (core/consent decides it; this module cannot depend on it).
  void setConsent(std::unordered_map<Id, QString> text);
  const RecordingFilter &filter() const { return m_filter; }
  const RecordingSummary *summaryAt(int row) const;
  int rowOf(Id recordingId) const;
  // First unreviewed row after `afterRow` (wrapping); -1 if none.
  int nextUnreviewed(int afterRow = -1) const;
  // Who applies worker/task/site edits made in the table (nullptr: the cells are read-only).
  using MetadataEditor = std::function<Status(Id, const RecordingMetadata &)>;
  void setMetadataEditor(MetadataEditor editor) { m_editor = std::move(editor); }

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;

signals:
  void errorOccurred(const QString &message);

private:
  bool accepts(const RecordingSummary &s) const;
  void applyFilter();

  ProjectStore &m_store;
  QUndoStack *m_undo;
  RecordingFilter m_filter;
  std::vector<RecordingSummary> m_all;
  std::vector<std::size_t> m_visible; // indices into m_all
  std::unordered_map<Id, QString> m_consent;
  MetadataEditor m_editor;
};

} // namespace tacit::project
