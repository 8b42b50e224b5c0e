#include "core/curation/QueueStateCommand.h"

#include <QCoreApplication>

namespace tacit::curation {

QueueStateCommand::QueueStateCommand(project::ProjectStore &store, project::QueueItemState before,
                                     project::QueueItemState after,
                                     std::function<void(const project::QueueItemState &)> applied,
                                     std::function<void(const std::string &)> failed, QUndoCommand *parent)
    : QUndoCommand(parent), m_store(store), m_before(std::move(before)), m_after(std::move(after)),
      m_applied(std::move(applied)), m_failed(std::move(failed)) {
  setText(QCoreApplication::translate("QueueStateCommand", "Queue item: %1")
              .arg(QString::fromLatin1(project::queueStateName(m_after.state))));
}

void QueueStateCommand::write(const project::QueueItemState &state) {
  const Status st = m_store.setQueueState(state);
  m_ok = st.ok();
  if (!m_ok) {
    if (m_failed)
      m_failed(st.error());
    setObsolete(true);
    return;
  }
  if (m_applied)
    m_applied(state);
}

void QueueStateCommand::redo() {
  write(m_after);
}

void QueueStateCommand::undo() {
  write(m_before);
}

} // namespace tacit::curation
