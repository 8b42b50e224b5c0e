#pragma once
// The worst-first queue as an item model (one row per recording) for the queue panel: rank, the
// recording, its duration beside the score, the reasons, and the item's state. Sorted by a key
// (CurationQueue::sortQueue); edits of an item's state go through QueueStateCommand on the undo
// stack and reach the model through setState(). GUI thread only.
#include <QAbstractTableModel>
#include <vector>

#include "core/curation/CurationQueue.h"

namespace tacit::curation {

class QueueModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Rank, Recording, Duration, Score, Reasons, State, ColumnCount };
  enum Role {
    RecordingIdRole = Qt::UserRole + 1, // qint64
    WorstStartRole,                     // qint64 ns
    StateRole,                          // QString ("open", ...)
    ScoreRole,                          // double (the sort key's value)
  };

  explicit QueueModel(QObject *parent = nullptr);

  // Replaces the entries (already loaded from the project) and sorts them.
  void setEntries(std::vector<QueueEntry> entries);
  const std::vector<QueueEntry> &entries() const { return m_entries; }
  const QueueEntry *entry(int row) const;
  int rowOf(project::Id recordingId) const; // -1 when absent
  // Sort key: "combined", "duration" or a metric id; false (and unchanged) for an unknown key.
  bool setSortKey(const std::string &key);
  const std::string &sortKey() const { return m_sortKey; }
  // The first open item in the current order (-1 when none).
  int firstOpenRow() const;
  void setState(const project::QueueItemState &state);

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
  std::vector<QueueEntry> m_entries;
  std::string m_sortKey = "combined";
};

} // namespace tacit::curation
