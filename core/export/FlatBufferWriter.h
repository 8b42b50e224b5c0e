#pragma once
// A minimal FlatBuffers encoder: enough to write Arrow's IPC Schema message (tables of scalars,
// strings, vectors of tables, vectors of int64). Objects are described as a small tree and laid out
// front to back: each table's vtable comes just before it, children follow their parent, and every
// offset field is patched once its child is placed (uoffsets only point forward, as the format wants).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tacit::exporting {

struct FbTable;

// One field value of a table.
struct FbField {
  enum class Kind { U8, I16, I32, I64, String, Table, TableVector, I64Vector };
  int id = 0; // slot in the vtable (union fields take two: the type byte, then the table)
  Kind kind = Kind::U8;
  std::int64_t scalar = 0;
  std::string text;
  std::vector<std::shared_ptr<FbTable>> tables; // Table: one; TableVector: many
  std::vector<std::int64_t> ints;
};

struct FbTable {
  std::vector<FbField> fields;

  FbTable &u8(int id, std::uint8_t v);
  FbTable &i16(int id, std::int16_t v);
  FbTable &i32(int id, std::int32_t v);
  FbTable &i64(int id, std::int64_t v);
  FbTable &str(int id, std::string v);
  FbTable &table(int id, std::shared_ptr<FbTable> t);
  FbTable &tables(int id, std::vector<std::shared_ptr<FbTable>> ts);
  FbTable &i64s(int id, std::vector<std::int64_t> vs);
};

// The finished buffer: root uoffset, then the objects; size padded to a multiple of 8.
std::string encodeFlatBuffer(const FbTable &root);

} // namespace tacit::exporting
