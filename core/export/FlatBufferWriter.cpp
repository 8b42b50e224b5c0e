#include "core/export/FlatBufferWriter.h"

#include <algorithm>
#include <cstring>

namespace tacit::exporting {

FbTable &FbTable::u8(int id, std::uint8_t v) {
  fields.push_back({id, FbField::Kind::U8, v, {}, {}, {}});
  return *this;
}
FbTable &FbTable::i16(int id, std::int16_t v) {
  fields.push_back({id, FbField::Kind::I16, v, {}, {}, {}});
  return *this;
}
FbTable &FbTable::i32(int id, std::int32_t v) {
  fields.push_back({id, FbField::Kind::I32, v, {}, {}, {}});
  return *this;
}
FbTable &FbTable::i64(int id, std::int64_t v) {
  fields.push_back({id, FbField::Kind::I64, v, {}, {}, {}});
  return *this;
}
FbTable &FbTable::str(int id, std::string v) {
  fields.push_back({id, FbField::Kind::String, 0, std::move(v), {}, {}});
  return *this;
}
FbTable &FbTable::table(int id, std::shared_ptr<FbTable> t) {
  fields.push_back({id, FbField::Kind::Table, 0, {}, {std::move(t)}, {}});
  return *this;
}
FbTable &FbTable::tables(int id, std::vector<std::shared_ptr<FbTable>> ts) {
  fields.push_back({id, FbField::Kind::TableVector, 0, {}, std::move(ts), {}});
  return *this;
}
FbTable &FbTable::i64s(int id, std::vector<std::int64_t> vs) {
  fields.push_back({id, FbField::Kind::I64Vector, 0, {}, {}, std::move(vs)});
  return *this;
}

namespace {

class Encoder {
public:
  std::string out;

  void align(std::size_t n) {
    while (out.size() % n)
      out.push_back('\0');
  }
  template <typename T> void put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T)); // little-endian hosts, as FlatBuffers are
    out.append(b, sizeof(T));
  }
  template <typename T> void putAt(std::size_t pos, T v) { std::memcpy(out.data() + pos, &v, sizeof(T)); }
  void patchOffset(std::size_t at, std::size_t target) {
    putAt<std::uint32_t>(at, static_cast<std::uint32_t>(target - at));
  }

  static std::size_t inlineSize(FbField::Kind k) {
    switch (k) {
    case FbField::Kind::U8: return 1;
    case FbField::Kind::I16: return 2;
    case FbField::Kind::I64: return 8;
    default: return 4; // i32 and every uoffset
    }
  }

  // Writes the table (vtable first) and its children; returns the table's position.
  std::size_t table(const FbTable &t) {
    // Inline layout: soffset at 0, then fields largest first so each is naturally aligned
    // (the table itself starts 8-aligned).
    std::vector<const FbField *> order;
    for (const auto &f : t.fields)
      order.push_back(&f);
    std::stable_sort(order.begin(), order.end(),
                     [](const FbField *a, const FbField *b) { return inlineSize(a->kind) > inlineSize(b->kind); });
    std::vector<std::size_t> offsets(order.size());
    std::size_t cursor = 4;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::size_t sz = inlineSize(order[i]->kind);
      cursor = (cursor + sz - 1) / sz * sz;
      offsets[i] = cursor;
      cursor += sz;
    }
    const std::size_t tableSize = (cursor + 3) / 4 * 4;
    int slots = 0;
    for (const auto &f : t.fields)
      slots = std::max(slots, f.id + 1);

    // vtable, then pad so the table starts 8-aligned.
    align(2);
    const std::size_t vtablePos = out.size();
    put<std::uint16_t>(static_cast<std::uint16_t>(4 + 2 * slots));
    put<std::uint16_t>(static_cast<std::uint16_t>(tableSize));
    std::vector<std::uint16_t> slotOffsets(static_cast<std::size_t>(slots), 0);
    for (std::size_t i = 0; i < order.size(); ++i)
      slotOffsets[static_cast<std::size_t>(order[i]->id)] = static_cast<std::uint16_t>(offsets[i]);
    for (auto o : slotOffsets)
      put<std::uint16_t>(o);
    align(8);
    const std::size_t tablePos = out.size();
    out.append(tableSize, '\0');
    putAt<std::int32_t>(tablePos, static_cast<std::int32_t>(tablePos - vtablePos));
    for (std::size_t i = 0; i < order.size(); ++i) {
      const FbField &f = *order[i];
      const std::size_t at = tablePos + offsets[i];
      switch (f.kind) {
      case FbField::Kind::U8: putAt<std::uint8_t>(at, static_cast<std::uint8_t>(f.scalar)); break;
      case FbField::Kind::I16: putAt<std::int16_t>(at, static_cast<std::int16_t>(f.scalar)); break;
      case FbField::Kind::I32: putAt<std::int32_t>(at, static_cast<std::int32_t>(f.scalar)); break;
      case FbField::Kind::I64: putAt<std::int64_t>(at, f.scalar); break;
      default: break; // offsets are patched below, once the child is placed
      }
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      const FbField &f = *order[i];
      const std::size_t at = tablePos + offsets[i];
      switch (f.kind) {
      case FbField::Kind::String: patchOffset(at, string(f.text)); break;
      case FbField::Kind::Table: patchOffset(at, table(*f.tables.front())); break;
      case FbField::Kind::TableVector: patchOffset(at, tableVector(f.tables)); break;
      case FbField::Kind::I64Vector: patchOffset(at, int64Vector(f.ints)); break;
      default: break;
      }
    }
    return tablePos;
  }

  std::size_t string(const std::string &s) {
    align(4);
    const std::size_t pos = out.size();
    put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out += s;
    out.push_back('\0');
    return pos;
  }

  std::size_t tableVector(const std::vector<std::shared_ptr<FbTable>> &ts) {
    align(4);
    const std::size_t pos = out.size();
    put<std::uint32_t>(static_cast<std::uint32_t>(ts.size()));
    const std::size_t slots = out.size();
    out.append(4 * ts.size(), '\0');
    for (std::size_t i = 0; i < ts.size(); ++i)
      patchOffset(slots + 4 * i, table(*ts[i]));
    return pos;
  }

  std::size_t int64Vector(const std::vector<std::int64_t> &vs) {
    align(4);
    if (out.size() % 8 == 0)
      out.append(4, '\0'); // elements (after the 4-byte length) must be 8-aligned
    const std::size_t pos = out.size();
    put<std::uint32_t>(static_cast<std::uint32_t>(vs.size()));
    for (auto v : vs)
      put<std::int64_t>(v);
    return pos;
  }
};

} // namespace

std::string encodeFlatBuffer(const FbTable &root) {
  Encoder e;
  e.put<std::uint32_t>(0);
  e.patchOffset(0, e.table(root));
  e.align(8);
  return e.out;
}

} // namespace tacit::exporting
