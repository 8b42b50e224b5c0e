#include "core/import/VrsTypes.h"

namespace tacit::vrs {

const char *recordTypeName(RecordType type) {
  switch (type) {
  case RecordType::State: return "state";
  case RecordType::Configuration: return "configuration";
  case RecordType::Data: return "data";
  case RecordType::Tags: return "tags";
  default: return "undefined";
  }
}

// The tag keys spell the record type with a capital letter ("RF:Data:1").
static const char *tagTypeName(RecordType type) {
  switch (type) {
  case RecordType::State: return "State";
  case RecordType::Configuration: return "Configuration";
  case RecordType::Data: return "Data";
  case RecordType::Tags: return "Tags";
  default: return "Undefined";
  }
}

static std::string lookup(const std::map<std::string, std::string> &m, const std::string &key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

std::string StreamInfo::name() const {
  return lookup(vrsTags, "VRS_Original_Recordable_Name");
}
std::string StreamInfo::flavor() const {
  return lookup(vrsTags, "VRS_Recordable_Flavor");
}

std::uint32_t StreamInfo::count(RecordType type) const {
  switch (type) {
  case RecordType::State: return stateCount;
  case RecordType::Configuration: return configurationCount;
  case RecordType::Data: return dataCount;
  default: return 0;
  }
}

std::string StreamInfo::recordFormat(RecordType type, std::uint32_t formatVersion) const {
  return lookup(vrsTags, std::string("RF:") + tagTypeName(type) + ":" + std::to_string(formatVersion));
}

std::string StreamInfo::dataLayoutJson(RecordType type, std::uint32_t formatVersion, std::size_t block) const {
  return lookup(vrsTags, std::string("DL:") + tagTypeName(type) + ":" + std::to_string(formatVersion) + ":" +
                             std::to_string(block));
}

} // namespace tacit::vrs
