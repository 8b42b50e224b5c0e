#include "core/export/ArrowSchema.h"

#include <QByteArray>
#include <cstring>

#include "core/export/FlatBufferWriter.h"

namespace tacit::exporting {
namespace {

// Arrow's Schema.fbs / Message.fbs enum values.
constexpr std::uint8_t kTypeInt = 2, kTypeFloatingPoint = 3, kTypeUtf8 = 5, kTypeList = 12;
constexpr std::int16_t kPrecisionSingle = 1, kPrecisionDouble = 2;
constexpr std::int16_t kMetadataV5 = 4;
constexpr std::uint8_t kHeaderSchema = 1;

// Field table slots: name 0, nullable 1, type_type 2, type 3, dictionary 4, children 5, custom_metadata 6.
std::shared_ptr<FbTable> field(const std::string &name, bool nullable, std::uint8_t typeType,
                               std::shared_ptr<FbTable> type, std::vector<std::shared_ptr<FbTable>> children) {
  auto f = std::make_shared<FbTable>();
  f->str(0, name).u8(1, nullable ? 1 : 0).u8(2, typeType).table(3, std::move(type)).tables(5, std::move(children));
  return f;
}

std::pair<std::uint8_t, std::shared_ptr<FbTable>> valueType(ParquetValueType t) {
  auto table = std::make_shared<FbTable>();
  switch (t) {
  case ParquetValueType::Int64: table->i32(0, 64).u8(1, 1); return {kTypeInt, table};
  case ParquetValueType::Float32: table->i16(0, kPrecisionSingle); return {kTypeFloatingPoint, table};
  case ParquetValueType::Float64: table->i16(0, kPrecisionDouble); return {kTypeFloatingPoint, table};
  case ParquetValueType::String: return {kTypeUtf8, table};
  }
  return {kTypeInt, table};
}

} // namespace

std::string arrowSchemaMessage(const std::vector<ArrowColumn> &columns,
                               const std::vector<std::pair<std::string, std::string>> &metadata) {
  std::vector<std::shared_ptr<FbTable>> fields;
  for (const auto &c : columns) {
    auto [typeType, type] = valueType(c.type);
    if (!c.list) {
      fields.push_back(field(c.name, c.nullable, typeType, type, {}));
      continue;
    }
    auto item = field("item", c.nullable, typeType, type, {});
    fields.push_back(field(c.name, c.nullable, kTypeList, std::make_shared<FbTable>(), {item}));
  }
  std::vector<std::shared_ptr<FbTable>> kvs;
  for (const auto &[k, v] : metadata) {
    auto kv = std::make_shared<FbTable>();
    kv->str(0, k).str(1, v);
    kvs.push_back(kv);
  }
  // Schema: endianness 0 (little), fields 1, custom_metadata 2.
  auto schema = std::make_shared<FbTable>();
  schema->i16(0, 0).tables(1, std::move(fields));
  if (!kvs.empty())
    schema->tables(2, std::move(kvs));
  // Message: version 0, header_type 1, header 2, bodyLength 3.
  FbTable message;
  message.i16(0, kMetadataV5).u8(1, kHeaderSchema).table(2, schema).i64(3, 0);
  const std::string fb = encodeFlatBuffer(message); // padded to 8 bytes

  std::string out(8, '\0');
  const std::uint32_t continuation = 0xFFFFFFFFu;
  const auto length = static_cast<std::int32_t>(fb.size());
  std::memcpy(out.data(), &continuation, 4);
  std::memcpy(out.data() + 4, &length, 4);
  return out + fb;
}

std::string arrowSchemaBase64(const std::vector<ArrowColumn> &columns,
                              const std::vector<std::pair<std::string, std::string>> &metadata) {
  const std::string bytes = arrowSchemaMessage(columns, metadata);
  return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())).toBase64().toStdString();
}

} // namespace tacit::exporting
