#pragma once
// Value types of the clean-room VRS reader (shared/docs/FORMATS.md §2). VRS is Apache-2.0
// (facebookresearch/vrs); nothing here is copied from it, it follows the documented layout.
#include <cstdint>
#include <map>
#include <string>

namespace tacit::vrs {

enum class RecordType : std::uint8_t { Undefined = 0, State = 1, Configuration = 2, Data = 3, Tags = 4 };
const char *recordTypeName(RecordType type); // "state", "configuration", "data", "tags", "undefined"

enum class Compression : std::uint8_t { None = 0, Lz4 = 1, Zstd = 2 };

struct StreamId {
  std::int32_t typeId = 0;
  std::uint16_t instanceId = 0;
  std::string str() const { return std::to_string(typeId) + "-" + std::to_string(instanceId); }
  auto operator<=>(const StreamId &) const = default;
};

// One entry of the (sorted) record index.
struct RecordInfo {
  double timestamp = 0;     // seconds; for Aria = device clock
  std::uint64_t offset = 0; // logical file offset of the record header
  std::uint32_t size = 0;   // header + stored payload
  RecordType type = RecordType::Undefined;
  StreamId stream;
};

struct StreamInfo {
  StreamId id;
  std::map<std::string, std::string> userTags;
  std::map<std::string, std::string> vrsTags; // RF:*, DL:*, VRS_Original_Recordable_Name, ...
  std::uint32_t configurationCount = 0, stateCount = 0, dataCount = 0;

  std::string name() const;   // VRS_Original_Recordable_Name, or "" when absent
  std::string flavor() const; // VRS_Recordable_Flavor
  std::uint32_t count(RecordType type) const;
  // RF:<Type>:<version> and DL:<Type>:<version>:<block>; empty when absent.
  std::string recordFormat(RecordType type, std::uint32_t formatVersion) const;
  std::string dataLayoutJson(RecordType type, std::uint32_t formatVersion, std::size_t block) const;
};

} // namespace tacit::vrs
