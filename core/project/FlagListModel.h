#pragma once
// List of one recording's quality flags, ordered (whole-recording first, then by start, id).
// setData on SeverityRole / NoteRole / ReasonCodeRole pushes an undo command via the document.
#include <QAbstractListModel>
#include <vector>

#include "core/project/AnnotationDocument.h"

namespace tacit::project {

class FlagListModel : public QAbstractListModel {
  Q_OBJECT
public:
  enum Roles {
    IdRole = Qt::UserRole + 1,
    ReasonCodeRole, // "hand_occluded"
    ReasonNameRole, // "Hand occluded"
    SeverityRole,   // 1-4
    WholeRecordingRole,
    StartNsRole,
    EndNsRole,
    NoteRole,
    AuthorRole,
  };

  explicit FlagListModel(AnnotationDocument *doc, QObject *parent = nullptr);
  int rowOf(Id flagId) const;
  Id idAt(int row) const;

  int rowCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  QHash<int, QByteArray> roleNames() const override;

private:
  static bool less(const QualityFlag &a, const QualityFlag &b);
  int insertPosition(const QualityFlag &f) const;
  void onReset();
  void onInserted(const QualityFlag &f);
  void onChanged(const QualityFlag &before, const QualityFlag &after);
  void onRemoved(const QualityFlag &f);

  AnnotationDocument *m_doc;
  std::vector<QualityFlag> m_rows;
};

} // namespace tacit::project
