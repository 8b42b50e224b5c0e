#pragma once
// Tree model of the label taxonomy. Edits (add, rename, recolour, key, description, remove) are
// QUndoCommands on the injected stack; each commits through ProjectStore. Column 0 = name,
// 1 = key, 2 = colour, 3 = description. internalId() of an index is the label id.
#include <QAbstractItemModel>
#include <unordered_map>
#include <vector>

#include "core/project/ProjectStore.h"

class QUndoStack;

namespace tacit::project {

class TaxonomyModel : public QAbstractItemModel {
  Q_OBJECT
public:
  enum Roles {
    IdRole = Qt::UserRole + 1,
    ParentIdRole,
    NameRole,
    PathRole,   // "Parent/Child"
    ColourRole, // "#rrggbb" (Qt::DecorationRole gives a QColor)
    KeyRole,    // 0-9
    DescriptionRole,
  };
  enum Columns { NameColumn, KeyColumn, ColourColumn, DescriptionColumn, ColumnCount };

  TaxonomyModel(ProjectStore &store, QUndoStack *undoStack, QObject *parent = nullptr);

  Status reload();
  bool isReadOnly() const { return m_store.isReadOnly(); }
  const std::vector<Label> &labels() const { return m_labels; }
  const Label *label(Id id) const;
  std::string path(Id id) const { return labelPath(m_labels, id); }
  Id labelForKey(int key) const; // first label bound to key 1-9, 0 if none
  QModelIndex indexForId(Id id, int column = 0) const;

  // Why `name` cannot be a label under parentId (renaming label `self` there): empty, contains
  // "/", or a sibling already has it (case-insensitive). Empty when the name is fine. Friendly text
  // for the user, instead of the store's constraint messages.
  QString nameProblem(Id parentId, const std::string &name, Id self = 0) const;
  // A colour no label uses yet (a palette of distinct colours first), and the lowest free key 1-9
  // (0 when all nine are bound).
  std::string distinctColour() const;
  int nextFreeKey() const;
  // The label at parentId with this name (case-insensitive), 0 if none.
  Id findLabel(Id parentId, const std::string &name) const;
  // "New label", "New label 2", ...: a name no sibling has.
  std::string uniqueName(Id parentId, const std::string &base) const;

  // Undoable edits. addLabel/updateLabel refuse names nameProblem() objects to.
  // createLabel: addLabel with distinctColour() and nextFreeKey().
  Result<Id> createLabel(Id parentId, const std::string &name);
  Result<Id> addLabel(Id parentId, const std::string &name, const std::string &colour = "#808080", int key = 0,
                      const std::string &description = {});
  Status updateLabel(const Label &label);
  Status removeLabel(Id id);
  // Not undoable (ids change): replaces the taxonomy from JSON and clears the undo stack.
  Status importJson(const std::string &jsonText, const std::string &source);
  std::string exportJson() const;

  QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
  QModelIndex parent(const QModelIndex &child) const override;
  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;

  // Used by LabelEditCommand.
  Status applyInsert(Label &label);
  Status applyUpdate(const Label &label);
  Result<LabelRemoval> applyRemove(Id id);
  Status applyRestore(const LabelRemoval &removal);
  void reportError(const std::string &message);

signals:
  void labelsChanged(); // after any change; segments may have lost or regained labels
  void errorOccurred(const QString &message);

private:
  void rebuild(std::vector<Label> labels);
  int rowOf(Id id) const;

  ProjectStore &m_store;
  QUndoStack *m_undo;
  std::vector<Label> m_labels;
  std::unordered_map<Id, std::vector<Id>> m_children; // parent id (0 = root) -> ordered child ids
  std::unordered_map<Id, std::size_t> m_byId;
  std::string m_pendingError;
};

} // namespace tacit::project
