#include "widgets/project/TaxonomyEditor.h"

#include <QColorDialog>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

#include "core/project/TaxonomyModel.h"
#include "core/util/AtomicFile.h"

namespace tacit {

using project::Id;
using project::Label;
using project::TaxonomyModel;

TaxonomyEditor::TaxonomyEditor(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("taxonomyEditor"));
  m_view = new QTreeView(this);
  m_view->setObjectName(QStringLiteral("taxonomyView"));
  m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  m_view->header()->setStretchLastSection(true);
  auto *tools = new QToolBar(this);
  tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  tools->addAction(tr("Add"), this, [this] { addLabel(false); })->setToolTip(tr("Add a sibling label"));
  tools->addAction(tr("Add Child"), this, [this] { addLabel(true); });
  tools->addAction(tr("Remove"), this, [this] { removeSelected(); });
  tools->addAction(tr("Up"), this, [this] { moveSelected(-1); });
  tools->addAction(tr("Down"), this, [this] { moveSelected(1); });
  tools->addAction(tr("Colour…"), this, &TaxonomyEditor::chooseColour);
  tools->addSeparator();
  tools->addAction(tr("Import…"), this, [this] {
    const QString f = QFileDialog::getOpenFileName(this, tr("Import Taxonomy"), {}, tr("Taxonomy JSON (*.json)"));
    if (!f.isEmpty())
      importFile(f);
  });
  tools->addAction(tr("Export…"), this, [this] {
    const QString f =
        QFileDialog::getSaveFileName(this, tr("Export Taxonomy"), tr("taxonomy.json"), tr("Taxonomy JSON (*.json)"));
    if (!f.isEmpty())
      exportFile(f);
  });
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(tools);
  layout->addWidget(m_view, 1);
  connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
    if (index.column() == TaxonomyModel::ColourColumn)
      chooseColour();
  });
}

void TaxonomyEditor::setModel(TaxonomyModel *model, QUndoStack *undoStack) {
  if (m_model)
    disconnect(m_model, nullptr, this, nullptr);
  m_model = model;
  m_undo = undoStack;
  m_view->setModel(model);
  if (model) {
    m_view->expandAll();
    // Every edit resets the model (TaxonomyModel::rebuild): keep the tree open and the selection by id.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keepSelection = selectedId(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
      m_view->expandAll();
      if (m_keepSelection)
        select(m_keepSelection);
    });
  }
}

Id TaxonomyEditor::selectedId() const {
  const QModelIndex i = m_view->selectionModel() ? m_view->selectionModel()->currentIndex() : QModelIndex();
  return i.isValid() ? static_cast<Id>(i.internalId()) : 0;
}

void TaxonomyEditor::select(Id id) {
  if (m_model)
    m_view->setCurrentIndex(m_model->indexForId(id));
}

bool TaxonomyEditor::report(const std::string &error) {
  emit errorOccurred(QString::fromStdString(error));
  return false;
}

bool TaxonomyEditor::addLabel(bool asChild) {
  if (!m_model)
    return false;
  const Label *sel = m_model->label(selectedId());
  const Id parent = asChild ? (sel ? sel->id : 0) : (sel ? sel->parentId : 0);
  auto id = m_model->createLabel(parent, m_model->uniqueName(parent, tr("New label").toStdString()));
  if (!id)
    return report(id.error());
  select(*id); // F2 or double-click renames it
  return true;
}

bool TaxonomyEditor::removeSelected() {
  if (!m_model || !selectedId())
    return false;
  if (auto st = m_model->removeLabel(selectedId()); !st.ok())
    return report(st.error());
  return true;
}

bool TaxonomyEditor::moveSelected(int delta) {
  const Label *sel = m_model ? m_model->label(selectedId()) : nullptr;
  if (!sel)
    return false;
  const Id id = sel->id;
  std::vector<Label> siblings; // labels() lists siblings in order
  for (const auto &l : m_model->labels())
    if (l.parentId == sel->parentId)
      siblings.push_back(l);
  auto it = std::find_if(siblings.begin(), siblings.end(), [id](const Label &l) { return l.id == id; });
  const auto pos = it - siblings.begin(), to = pos + delta;
  if (to < 0 || to >= static_cast<long>(siblings.size()))
    return false;
  std::swap(siblings[static_cast<std::size_t>(pos)], siblings[static_cast<std::size_t>(to)]);
  // Renumber the siblings 0..n-1; one macro so undo restores the old order in one step.
  std::vector<Label> changed;
  for (std::size_t i = 0; i < siblings.size(); ++i)
    if (siblings[i].order != static_cast<int>(i)) {
      siblings[i].order = static_cast<int>(i);
      changed.push_back(siblings[i]);
    }
  bool ok = true;
  if (m_undo)
    m_undo->beginMacro(tr("Move label"));
  for (const auto &l : changed)
    if (auto st = m_model->updateLabel(l); !st.ok()) {
      ok = report(st.error());
      break;
    }
  if (m_undo)
    m_undo->endMacro();
  select(id);
  return ok;
}

bool TaxonomyEditor::setSelectedColour(const QColor &colour) {
  const Label *sel = m_model ? m_model->label(selectedId()) : nullptr;
  if (!sel || !colour.isValid())
    return false;
  Label edited = *sel;
  edited.colour = colour.name().toStdString();
  if (auto st = m_model->updateLabel(edited); !st.ok())
    return report(st.error());
  return true;
}

void TaxonomyEditor::chooseColour() {
  const Label *sel = m_model ? m_model->label(selectedId()) : nullptr;
  if (!sel)
    return;
  const QColor c = QColorDialog::getColor(QColor(QString::fromStdString(sel->colour)), this, tr("Label Colour"));
  if (c.isValid())
    setSelectedColour(c);
}

bool TaxonomyEditor::importFile(const QString &path) {
  if (!m_model)
    return false;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return report(path.toStdString() + ": cannot read: " + f.errorString().toStdString());
  if (auto st = m_model->importJson(f.readAll().toStdString(), path.toStdString()); !st.ok())
    return report(st.error());
  return true;
}

bool TaxonomyEditor::exportFile(const QString &path) {
  if (!m_model)
    return false;
  if (auto st = writeFileAtomically(path.toStdString(), m_model->exportJson() + "\n"); !st.ok())
    return report(st.error());
  return true;
}

} // namespace tacit
