#pragma once
// Per-stream time offsets (DESIGN §4 "time_offset_ns"): a sample stamped s in stream X is shown at
// global time s + offset(X). Views convert the playhead with toStreamTime before their latest-at query.
#include <map>
#include <string>

#include "core/time/Timestamp.h"

namespace tacit {

class StreamOffsets {
public:
  Timestamp offset(const std::string &streamId) const;
  void setOffset(const std::string &streamId, Timestamp offsetNs);
  void clear() { m_offsets.clear(); }
  const std::map<std::string, Timestamp> &all() const { return m_offsets; }

  // Global playhead -> the stream's own clock.
  Timestamp toStreamTime(const std::string &streamId, Timestamp globalTime) const {
    return globalTime - offset(streamId);
  }
  // The stream's own clock -> global playhead.
  Timestamp toGlobalTime(const std::string &streamId, Timestamp streamTime) const {
    return streamTime + offset(streamId);
  }
  TimeRange toGlobalRange(const std::string &streamId, TimeRange streamRange) const {
    const Timestamp o = offset(streamId);
    return {streamRange.begin + o, streamRange.end + o};
  }

private:
  std::map<std::string, Timestamp> m_offsets;
};

} // namespace tacit
