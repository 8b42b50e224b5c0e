#include "core/project/TaxonomyModel.h"

#include <QColor>
#include <QUndoStack>
#include <nlohmann/json.hpp>

#include "core/project/LabelEditCommand.h"
#include "core/project/TaxonomyJson.h"

namespace tacit::project {

TaxonomyModel::TaxonomyModel(ProjectStore &store, QUndoStack *undoStack, QObject *parent)
    : QAbstractItemModel(parent), m_store(store), m_undo(undoStack) {
  reload();
}

Status TaxonomyModel::reload() {
  auto labels = m_store.labels();
  if (!labels)
    return Status::failure(labels.error());
  rebuild(labels.takeValue());
  return okStatus();
}

void TaxonomyModel::rebuild(std::vector<Label> labels) {
  // Taxonomy edits are rare and small: a reset keeps the tree bookkeeping trivially correct.
  beginResetModel();
  m_labels = std::move(labels);
  m_children.clear();
  m_byId.clear();
  for (std::size_t i = 0; i < m_labels.size(); ++i) {
    m_byId[m_labels[i].id] = i;
    m_children[m_labels[i].parentId].push_back(m_labels[i].id);
  }
  endResetModel();
}

void TaxonomyModel::reportError(const std::string &message) {
  m_pendingError = message;
  emit errorOccurred(QString::fromStdString(message));
}

const Label *TaxonomyModel::label(Id id) const {
  auto it = m_byId.find(id);
  return it == m_byId.end() ? nullptr : &m_labels[it->second];
}

Id TaxonomyModel::labelForKey(int key) const {
  if (key < 1 || key > 9)
    return 0;
  for (const auto &l : m_labels)
    if (l.key == key)
      return l.id;
  return 0;
}

int TaxonomyModel::rowOf(Id id) const {
  const Label *l = label(id);
  if (!l)
    return -1;
  const auto &siblings = m_children.at(l->parentId);
  return static_cast<int>(std::find(siblings.begin(), siblings.end(), id) - siblings.begin());
}

QModelIndex TaxonomyModel::indexForId(Id id, int column) const {
  const int row = rowOf(id);
  return row < 0 ? QModelIndex() : createIndex(row, column, static_cast<quintptr>(id));
}

// --- edits ------------------------------------------------------------------------------------------------

namespace {
// Distinct, readable on the dark timeline, none of them the unlabelled grey.
constexpr const char *kPalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#edc948",
                                    "#76b7b2", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#8c6bb1"};

QString folded(const std::string &s) {
  return QString::fromStdString(s).trimmed().toCaseFolded();
}
} // namespace

Id TaxonomyModel::findLabel(Id parentId, const std::string &name) const {
  const QString want = folded(name);
  for (const auto &l : m_labels)
    if (l.parentId == parentId && folded(l.name) == want)
      return l.id;
  return 0;
}

QString TaxonomyModel::nameProblem(Id parentId, const std::string &name, Id self) const {
  const QString n = QString::fromStdString(name).trimmed();
  if (n.isEmpty())
    return tr("A label needs a name.");
  if (n.contains(QLatin1Char('/')))
    return tr("A label name cannot contain \"/\" (it separates parent and child: use Add Child).");
  const Id other = findLabel(parentId, name);
  if (other && other != self) {
    const Label *parent = label(parentId);
    return parent ? tr("There is already a label \"%1\" under \"%2\".").arg(n, QString::fromStdString(parent->name))
                  : tr("There is already a label \"%1\".").arg(n);
  }
  return {};
}

std::string TaxonomyModel::distinctColour() const {
  auto used = [this](const QString &c) {
    for (const auto &l : m_labels)
      if (QString::fromStdString(l.colour).compare(c, Qt::CaseInsensitive) == 0)
        return true;
    return false;
  };
  for (const char *c : kPalette)
    if (!used(QString::fromLatin1(c)))
      return c;
  // Past the palette: golden-angle hues keep neighbours apart.
  for (int i = 0;; ++i) {
    const QColor c = QColor::fromHsv(static_cast<int>((m_labels.size() + static_cast<std::size_t>(i)) * 137.508) % 360,
                                     150 + (i * 37) % 80, 220);
    if (!used(c.name()) || i > 720)
      return c.name().toStdString();
  }
}

int TaxonomyModel::nextFreeKey() const {
  for (int k = 1; k <= 9; ++k)
    if (!labelForKey(k))
      return k;
  return 0;
}

std::string TaxonomyModel::uniqueName(Id parentId, const std::string &base) const {
  if (!findLabel(parentId, base))
    return base;
  for (int i = 2;; ++i) {
    const std::string candidate = base + " " + std::to_string(i);
    if (!findLabel(parentId, candidate))
      return candidate;
  }
}

Result<Id> TaxonomyModel::createLabel(Id parentId, const std::string &name) {
  return addLabel(parentId, QString::fromStdString(name).trimmed().toStdString(), distinctColour(), nextFreeKey());
}

Result<Id> TaxonomyModel::addLabel(Id parentId, const std::string &name, const std::string &colour, int key,
                                   const std::string &description) {
  if (m_store.isReadOnly())
    return Result<Id>::failure(m_store.path().string() + ": project is read-only");
  if (const QString problem = nameProblem(parentId, name); !problem.isEmpty())
    return Result<Id>::failure(problem.toStdString());
  Label l;
  l.parentId = parentId;
  l.name = name;
  l.colour = colour;
  l.key = key;
  l.description = description;
  auto it = m_children.find(parentId);
  l.order = it == m_children.end() ? 0 : static_cast<int>(it->second.size());
  auto *cmd = new LabelEditCommand(this, LabelEditCommand::Kind::Add, std::nullopt, l,
                                   tr("Add label %1").arg(QString::fromStdString(name)));
  m_pendingError.clear();
  m_undo->push(cmd); // cmd may be deleted here if it failed
  if (!m_pendingError.empty())
    return Result<Id>::failure(std::exchange(m_pendingError, {}));
  Id newest = 0;
  for (const auto &x : m_labels)
    newest = std::max(newest, x.id);
  return newest;
}

Status TaxonomyModel::updateLabel(const Label &label) {
  const Label *old = this->label(label.id);
  if (!old)
    return Status::failure(m_store.path().string() + ": no label " + std::to_string(label.id));
  if (*old == label)
    return okStatus();
  if (old->name != label.name || old->parentId != label.parentId)
    if (const QString problem = nameProblem(label.parentId, label.name, label.id); !problem.isEmpty())
      return Status::failure(problem.toStdString());
  m_pendingError.clear();
  m_undo->push(new LabelEditCommand(this, LabelEditCommand::Kind::Update, *old, label,
                                    tr("Edit label %1").arg(QString::fromStdString(old->name))));
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

Status TaxonomyModel::removeLabel(Id id) {
  const Label *old = label(id);
  if (!old)
    return Status::failure(m_store.path().string() + ": no label " + std::to_string(id));
  m_pendingError.clear();
  m_undo->push(new LabelEditCommand(this, LabelEditCommand::Kind::Remove, *old, std::nullopt,
                                    tr("Remove label %1").arg(QString::fromStdString(old->name))));
  return m_pendingError.empty() ? okStatus() : Status::failure(std::exchange(m_pendingError, {}));
}

Status TaxonomyModel::importJson(const std::string &jsonText, const std::string &source) {
  auto labels = taxonomyFromJsonText(jsonText, source);
  if (!labels)
    return Status::failure(labels.error());
  if (auto st = m_store.replaceTaxonomy(*labels); !st.ok())
    return st;
  if (m_undo)
    m_undo->clear();
  auto st = reload();
  emit labelsChanged();
  return st;
}

std::string TaxonomyModel::exportJson() const {
  return taxonomyToJson(m_labels).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status TaxonomyModel::applyInsert(Label &label) {
  auto added = m_store.insertLabel(label);
  if (!added)
    return Status::failure(added.error());
  label = *added;
  auto st = reload();
  emit labelsChanged();
  return st;
}

Status TaxonomyModel::applyUpdate(const Label &label) {
  if (auto st = m_store.updateLabel(label); !st.ok())
    return st;
  auto st = reload();
  emit labelsChanged();
  return st;
}

Result<LabelRemoval> TaxonomyModel::applyRemove(Id id) {
  auto removal = m_store.removeLabel(id);
  if (removal) {
    reload();
    emit labelsChanged();
  }
  return removal;
}

Status TaxonomyModel::applyRestore(const LabelRemoval &removal) {
  if (auto st = m_store.restoreLabels(removal); !st.ok())
    return st;
  auto st = reload();
  emit labelsChanged();
  return st;
}

// --- QAbstractItemModel -----------------------------------------------------------------------------------

QModelIndex TaxonomyModel::index(int row, int column, const QModelIndex &parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount)
    return {};
  if (parent.isValid() && parent.column() != 0)
    return {};
  const Id parentId = parent.isValid() ? static_cast<Id>(parent.internalId()) : 0;
  auto it = m_children.find(parentId);
  if (it == m_children.end() || row >= static_cast<int>(it->second.size()))
    return {};
  return createIndex(row, column, static_cast<quintptr>(it->second[static_cast<std::size_t>(row)]));
}

QModelIndex TaxonomyModel::parent(const QModelIndex &child) const {
  if (!child.isValid())
    return {};
  const Label *l = label(static_cast<Id>(child.internalId()));
  if (!l || l->parentId == 0)
    return {};
  return indexForId(l->parentId, 0);
}

int TaxonomyModel::rowCount(const QModelIndex &parent) const {
  if (parent.isValid() && parent.column() != 0)
    return 0;
  auto it = m_children.find(parent.isValid() ? static_cast<Id>(parent.internalId()) : 0);
  return it == m_children.end() ? 0 : static_cast<int>(it->second.size());
}

int TaxonomyModel::columnCount(const QModelIndex &) const {
  return ColumnCount;
}

QVariant TaxonomyModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid())
    return {};
  const Label *l = label(static_cast<Id>(index.internalId()));
  if (!l)
    return {};
  switch (role) {
  case Qt::DisplayRole:
  case Qt::EditRole:
    switch (index.column()) {
    case NameColumn: return QString::fromStdString(l->name);
    case KeyColumn:
      return role == Qt::EditRole ? QVariant(l->key)
                                  : (l->key ? QVariant(QString::number(l->key)) : QVariant(QString()));
    case ColourColumn: return QString::fromStdString(l->colour);
    case DescriptionColumn: return QString::fromStdString(l->description);
    }
    return {};
  case Qt::DecorationRole:
    return index.column() == NameColumn ? QVariant(QColor(QString::fromStdString(l->colour))) : QVariant();
  case Qt::ToolTipRole: return QString::fromStdString(l->description);
  case IdRole: return QVariant::fromValue<qint64>(l->id);
  case ParentIdRole: return QVariant::fromValue<qint64>(l->parentId);
  case NameRole: return QString::fromStdString(l->name);
  case PathRole: return QString::fromStdString(path(l->id));
  case ColourRole: return QString::fromStdString(l->colour);
  case KeyRole: return l->key;
  case DescriptionRole: return QString::fromStdString(l->description);
  }
  return {};
}

bool TaxonomyModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  if (!index.isValid())
    return false;
  const Label *l = label(static_cast<Id>(index.internalId()));
  if (!l)
    return false;
  Label edited = *l;
  int field = role;
  if (role == Qt::EditRole)
    field = index.column() == NameColumn     ? NameRole
            : index.column() == KeyColumn    ? KeyRole
            : index.column() == ColourColumn ? ColourRole
                                             : DescriptionRole;
  switch (field) {
  case NameRole:
    edited.name = value.toString().trimmed().toStdString();
    if (edited.name == l->name)
      return true;
    if (const QString problem = nameProblem(l->parentId, edited.name, l->id); !problem.isEmpty()) {
      emit errorOccurred(problem); // an inline rename has nowhere else to say why it was refused
      return false;
    }
    break;
  case KeyRole: {
    bool ok = false;
    const int key = value.toInt(&ok);
    if (!ok || key < 0 || key > 9)
      return false;
    edited.key = key;
    break;
  }
  case ColourRole: {
    const QColor c(value.toString());
    if (!c.isValid())
      return false;
    edited.colour = c.name().toStdString();
    break;
  }
  case DescriptionRole: edited.description = value.toString().toStdString(); break;
  default: return false;
  }
  return updateLabel(edited).ok();
}

Qt::ItemFlags TaxonomyModel::flags(const QModelIndex &index) const {
  if (!index.isValid())
    return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (!m_store.isReadOnly())
    f |= Qt::ItemIsEditable;
  return f;
}

QVariant TaxonomyModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return {};
  switch (section) {
  case NameColumn: return tr("Label");
  case KeyColumn: return tr("Key");
  case ColourColumn: return tr("Colour");
  case DescriptionColumn: return tr("Description");
  }
  return {};
}

QHash<int, QByteArray> TaxonomyModel::roleNames() const {
  auto names = QAbstractItemModel::roleNames();
  names[IdRole] = "labelId";
  names[ParentIdRole] = "parentId";
  names[NameRole] = "name";
  names[PathRole] = "path";
  names[ColourRole] = "colour";
  names[KeyRole] = "key";
  names[DescriptionRole] = "description";
  return names;
}

} // namespace tacit::project
