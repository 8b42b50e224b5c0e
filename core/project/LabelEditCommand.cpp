#include "core/project/LabelEditCommand.h"

#include "core/project/TaxonomyModel.h"

namespace tacit::project {

LabelEditCommand::LabelEditCommand(TaxonomyModel *model, Kind kind, std::optional<Label> before,
                                   std::optional<Label> after, const QString &text)
    : QUndoCommand(text), m_model(model), m_kind(kind), m_before(std::move(before)), m_after(std::move(after)) {}

void LabelEditCommand::redo() {
  Status st = okStatus();
  switch (m_kind) {
  case Kind::Add: st = m_model->applyInsert(*m_after); break; // keeps the id for the next redo
  case Kind::Update: st = m_model->applyUpdate(*m_after); break;
  case Kind::Remove: {
    auto r = m_model->applyRemove(m_before->id);
    if (r)
      m_removal = r.takeValue();
    else
      st = Status::failure(r.error());
    break;
  }
  }
  if (!st.ok()) {
    m_model->reportError(st.error());
    setObsolete(true);
  }
}

void LabelEditCommand::undo() {
  Status st = okStatus();
  switch (m_kind) {
  case Kind::Add: {
    auto r = m_model->applyRemove(m_after->id);
    if (!r)
      st = Status::failure(r.error());
    break;
  }
  case Kind::Update: st = m_model->applyUpdate(*m_before); break;
  case Kind::Remove: st = m_model->applyRestore(m_removal); break;
  }
  if (!st.ok())
    m_model->reportError(st.error());
}

} // namespace tacit::project
