#include "core/time/StreamOffsets.h"

namespace tacit {

Timestamp StreamOffsets::offset(const std::string &streamId) const {
  auto it = m_offsets.find(streamId);
  return it == m_offsets.end() ? 0 : it->second;
}

void StreamOffsets::setOffset(const std::string &streamId, Timestamp offsetNs) {
  if (offsetNs == 0)
    m_offsets.erase(streamId);
  else
    m_offsets[streamId] = offsetNs;
}

} // namespace tacit
