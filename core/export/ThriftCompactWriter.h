#pragma once
// Minimal Apache Thrift compact-protocol encoder: just what a Parquet footer and page headers need
// (structs, i16/i32/i64, binary, lists, bools). Field ids must be written in increasing order.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tacit::exporting {

class ThriftCompactWriter {
public:
  enum Type : std::uint8_t {
    kBoolTrue = 1,
    kBoolFalse = 2,
    kByte = 3,
    kI16 = 4,
    kI32 = 5,
    kI64 = 6,
    kDouble = 7,
    kBinary = 8,
    kList = 9,
    kSet = 10,
    kMap = 11,
    kStruct = 12
  };

  void fieldI32(std::int16_t id, std::int32_t v);
  void fieldI64(std::int16_t id, std::int64_t v);
  void fieldBool(std::int16_t id, bool v);
  void fieldBinary(std::int16_t id, std::string_view v);
  // Starts a struct field; close it with endStruct().
  void beginStructField(std::int16_t id);
  // Starts a list field of `size` elements; struct elements each need beginStructElement/endStruct.
  void beginListField(std::int16_t id, Type elementType, std::size_t size);
  void beginStructElement();
  void endStruct(); // writes the stop byte and restores the enclosing field id
  // List elements.
  void elementI32(std::int32_t v) { varint(zigzag(v)); }
  void elementBinary(std::string_view v);

  // Writes the final stop byte of the top-level struct and returns the bytes.
  const std::string &finish();
  const std::string &bytes() const { return m_out; }

private:
  void fieldHeader(std::int16_t id, Type type);
  void varint(std::uint64_t v);
  static std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
  }

  std::string m_out;
  std::int16_t m_lastId = 0;
  std::vector<std::int16_t> m_stack;
};

} // namespace tacit::exporting
