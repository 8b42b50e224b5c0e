#pragma once
// The export dry run as a table: one row per candidate (a matching segment or a whole recording) with
// a check for the included ones and the gate's exact reasons for the excluded ones. Read-only.
// Episodes are numbered 1..n in export order (never database ids); times are recording time with
// frame numbers, like the timeline.
#include <QAbstractTableModel>
#include <map>
#include <string>

#include "core/export/EpisodeGate.h"
#include "core/time/RecordingTime.h"

namespace tacit {

class ExportCandidateModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { IncludedColumn, RecordingColumn, EpisodeColumn, LabelColumn, TimeColumn, ReasonColumn, ColumnCount };

  explicit ExportCandidateModel(QObject *parent = nullptr);

  // `recordingNames`: project recording id -> what to show (uuid, task).
  void setResult(const exporting::GateResult &result, const std::map<exporting::GateId, QString> &recordingNames,
                 const std::map<exporting::GateId, RecordingTimeBase> &timeBases = {});
  const exporting::GateCandidate &candidate(int row) const { return m_result.candidates.at(static_cast<size_t>(row)); }
  int includedCount() const;
  int episodeCount() const; // after redaction splits

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;

  // The reason column's text for a row: the reasons ("; ") when excluded, the notes when included.
  QString reasonText(int row) const;

private:
  exporting::GateResult m_result;
  std::map<exporting::GateId, QString> m_names;
  std::map<exporting::GateId, RecordingTimeBase> m_timeBases;
  std::vector<int> m_firstEpisode; // per row: 1-based number of its first episode, 0 when excluded
};

} // namespace tacit
