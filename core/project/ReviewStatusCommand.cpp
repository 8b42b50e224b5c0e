#include "core/project/ReviewStatusCommand.h"

namespace tacit::project {

ReviewStatusCommand::ReviewStatusCommand(ProjectStore &store, Id recordingId, ReviewStatus status, std::string reason,
                                         std::function<void(Id, const std::string &)> changed)
    : QUndoCommand(QStringLiteral("Set review status: %1").arg(QString::fromUtf8(reviewStatusDisplayName(status)))),
      m_store(store), m_recordingId(recordingId), m_status(status), m_reason(std::move(reason)),
      m_changed(std::move(changed)) {}

void ReviewStatusCommand::redo() {
  auto ev = m_store.addReview(m_recordingId, m_status, m_reason);
  if (!ev) {
    setObsolete(true);
    if (m_changed)
      m_changed(m_recordingId, ev.error());
    return;
  }
  m_eventId = ev->id;
  if (m_changed)
    m_changed(m_recordingId, {});
}

void ReviewStatusCommand::undo() {
  auto st = m_store.removeReview(m_eventId);
  if (m_changed)
    m_changed(m_recordingId, st.ok() ? std::string() : st.error());
}

} // namespace tacit::project
