#include "core/export/ThriftCompactWriter.h"

namespace tacit::exporting {

void ThriftCompactWriter::varint(std::uint64_t v) {
  while (v >= 0x80) {
    m_out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  m_out.push_back(static_cast<char>(v));
}

void ThriftCompactWriter::fieldHeader(std::int16_t id, Type type) {
  const int delta = id - m_lastId;
  if (delta > 0 && delta <= 15) {
    m_out.push_back(static_cast<char>((delta << 4) | type));
  } else {
    m_out.push_back(static_cast<char>(type));
    varint(zigzag(id));
  }
  m_lastId = id;
}

void ThriftCompactWriter::fieldI32(std::int16_t id, std::int32_t v) {
  fieldHeader(id, kI32);
  varint(zigzag(v));
}

void ThriftCompactWriter::fieldI64(std::int16_t id, std::int64_t v) {
  fieldHeader(id, kI64);
  varint(zigzag(v));
}

void ThriftCompactWriter::fieldBool(std::int16_t id, bool v) {
  fieldHeader(id, v ? kBoolTrue : kBoolFalse);
}

void ThriftCompactWriter::fieldBinary(std::int16_t id, std::string_view v) {
  fieldHeader(id, kBinary);
  elementBinary(v);
}

void ThriftCompactWriter::elementBinary(std::string_view v) {
  varint(v.size());
  m_out.append(v.data(), v.size());
}

void ThriftCompactWriter::beginStructField(std::int16_t id) {
  fieldHeader(id, kStruct);
  m_stack.push_back(m_lastId);
  m_lastId = 0;
}

void ThriftCompactWriter::beginListField(std::int16_t id, Type elementType, std::size_t size) {
  fieldHeader(id, kList);
  if (size < 15) {
    m_out.push_back(static_cast<char>((size << 4) | elementType));
  } else {
    m_out.push_back(static_cast<char>(0xf0 | elementType));
    varint(size);
  }
}

void ThriftCompactWriter::beginStructElement() {
  m_stack.push_back(m_lastId);
  m_lastId = 0;
}

void ThriftCompactWriter::endStruct() {
  m_out.push_back(0);
  m_lastId = m_stack.empty() ? 0 : m_stack.back();
  if (!m_stack.empty())
    m_stack.pop_back();
}

const std::string &ThriftCompactWriter::finish() {
  m_out.push_back(0);
  return m_out;
}

} // namespace tacit::exporting
