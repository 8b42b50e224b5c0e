#pragma once
// Sets one stream's time offset of a recording (Offsets tab); undo restores the previous value.
// Consecutive nudges of the same stream merge into one undo step. `changed` is called after each
// redo/undo with the offset it wrote, or the error (then the store still holds the old value).
#include <QUndoCommand>
#include <functional>

#include "core/project/ProjectStore.h"

namespace tacit::project {

class StreamOffsetCommand : public QUndoCommand {
public:
  using Changed =
      std::function<void(Id recordingId, const std::string &streamId, Timestamp offsetNs, const std::string &error)>;
  StreamOffsetCommand(ProjectStore &store, Id recordingId, std::string streamId, Timestamp before, Timestamp after,
                      Changed changed);
  void redo() override;
  void undo() override;
  int id() const override { return 0x5701; }
  bool mergeWith(const QUndoCommand *other) override;

private:
  void apply(Timestamp value);

  ProjectStore &m_store;
  Id m_recordingId;
  std::string m_streamId;
  Timestamp m_before, m_after;
  Changed m_changed;
};

} // namespace tacit::project
