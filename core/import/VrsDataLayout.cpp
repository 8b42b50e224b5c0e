#include "core/import/VrsDataLayout.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace tacit::vrs {

namespace {

struct ElementType {
  Scalar scalar;
  std::size_t components;
  std::size_t size;
};

std::size_t scalarSize(Scalar s) {
  switch (s) {
  case Scalar::Int8:
  case Scalar::UInt8: return 1;
  case Scalar::Int16:
  case Scalar::UInt16: return 2;
  case Scalar::Int32:
  case Scalar::UInt32:
  case Scalar::Float: return 4;
  case Scalar::Int64:
  case Scalar::UInt64:
  case Scalar::Double: return 8;
  case Scalar::String: return 0;
  }
  return 0;
}

std::optional<ElementType> elementType(const std::string &t) {
  static const std::pair<const char *, Scalar> scalars[] = {
      {"Bool", Scalar::UInt8},      {"char", Scalar::Int8},       {"int8_t", Scalar::Int8},
      {"uint8_t", Scalar::UInt8},   {"int16_t", Scalar::Int16},   {"uint16_t", Scalar::UInt16},
      {"int32_t", Scalar::Int32},   {"uint32_t", Scalar::UInt32}, {"int64_t", Scalar::Int64},
      {"uint64_t", Scalar::UInt64}, {"float", Scalar::Float},     {"double", Scalar::Double},
      {"string", Scalar::String}};
  for (auto &[name, s] : scalars)
    if (t == name)
      return ElementType{s, 1, scalarSize(s)};
  // Point2Dd, Point3Df, Point4Di, Matrix2Dd, Matrix3Df, Matrix4Di: d = double, f = float, i = int32.
  auto compound = [&](const char *prefix, std::size_t dimsToCount(int)) -> std::optional<ElementType> {
    std::size_t n = std::strlen(prefix);
    if (t.size() != n + 3 || t.compare(0, n, prefix) != 0 || t[n + 1] != 'D')
      return std::nullopt;
    int dim = t[n] - '0';
    if (dim < 2 || dim > 4)
      return std::nullopt;
    Scalar s = t[n + 2] == 'd' ? Scalar::Double : t[n + 2] == 'f' ? Scalar::Float : Scalar::Int32;
    if (t[n + 2] != 'd' && t[n + 2] != 'f' && t[n + 2] != 'i')
      return std::nullopt;
    std::size_t c = dimsToCount(dim);
    return ElementType{s, c, c * scalarSize(s)};
  };
  if (auto e = compound("Point", [](int d) { return std::size_t(d); }))
    return e;
  return compound("Matrix", [](int d) { return std::size_t(d * d); });
}

template <typename T> double load(const std::uint8_t *p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return double(v);
}

double scalarAt(Scalar s, const std::uint8_t *p) {
  switch (s) {
  case Scalar::Int8: return load<std::int8_t>(p);
  case Scalar::UInt8: return load<std::uint8_t>(p);
  case Scalar::Int16: return load<std::int16_t>(p);
  case Scalar::UInt16: return load<std::uint16_t>(p);
  case Scalar::Int32: return load<std::int32_t>(p);
  case Scalar::UInt32: return load<std::uint32_t>(p);
  case Scalar::Int64: return load<std::int64_t>(p);
  case Scalar::UInt64: return load<std::uint64_t>(p);
  case Scalar::Float: return load<float>(p);
  case Scalar::Double: return load<double>(p);
  case Scalar::String: return 0;
  }
  return 0;
}

std::uint32_t u32(const std::uint8_t *p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

} // namespace

Result<DataLayout> DataLayout::fromJson(const std::string &text) {
  auto fail = [](const std::string &m) { return Result<DataLayout>::failure("data layout: " + m); };
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("data_layout") || !j["data_layout"].is_array())
    return fail("description is not a {\"data_layout\":[...]} JSON object");
  DataLayout dl;
  for (const auto &pj : j["data_layout"]) {
    if (!pj.is_object() || !pj.contains("name") || !pj.contains("type"))
      return fail("piece without name or type");
    DataPiece p;
    p.name = pj["name"].get<std::string>();
    p.typeName = pj["type"].get<std::string>();
    std::string inner;
    auto templ = [&](const char *prefix, PieceKind kind) {
      std::size_t n = std::strlen(prefix);
      if (p.typeName.size() > n + 1 && p.typeName.compare(0, n, prefix) == 0 && p.typeName[n] == '<' &&
          p.typeName.back() == '>') {
        p.kind = kind;
        inner = p.typeName.substr(n + 1, p.typeName.size() - n - 2);
        return true;
      }
      return false;
    };
    if (p.typeName == "DataPieceString") {
      p.kind = PieceKind::String;
      inner = "string";
    } else if (!templ("DataPieceValue", PieceKind::Value) && !templ("DataPieceArray", PieceKind::Array) &&
               !templ("DataPieceVector", PieceKind::Vector) && !templ("DataPieceStringMap", PieceKind::StringMap)) {
      return fail("piece '" + p.name + "' has unsupported type '" + p.typeName + "'");
    }
    auto et = elementType(inner);
    if (!et)
      return fail("piece '" + p.name + "' has unsupported element type '" + inner + "'");
    p.scalar = et->scalar;
    p.components = et->components;
    p.elementSize = et->size;
    if (p.fixed()) {
      if (!pj.contains("offset") || p.elementSize == 0)
        return fail("fixed piece '" + p.name + "' has no offset");
      p.offset = pj["offset"].get<std::size_t>();
      if (p.kind == PieceKind::Array)
        p.count = pj.value("size", std::size_t(0));
      dl.m_fixedSize = std::max(dl.m_fixedSize, p.offset + p.count * p.elementSize);
    } else {
      if (!pj.contains("index"))
        return fail("variable piece '" + p.name + "' has no index");
      p.varIndex = pj["index"].get<std::size_t>();
      dl.m_varCount = std::max(dl.m_varCount, p.varIndex + 1);
    }
    dl.m_pieces.push_back(std::move(p));
  }
  return dl;
}

const DataPiece *DataLayout::piece(const std::string &name) const {
  for (const auto &p : m_pieces)
    if (p.name == name)
      return &p;
  return nullptr;
}

Result<std::size_t> DataLayout::blockSize(const std::uint8_t *data, std::size_t available) const {
  std::size_t head = m_fixedSize + 8 * m_varCount;
  if (available < head)
    return Result<std::size_t>::failure("data layout block needs " + std::to_string(head) + " bytes, record has " +
                                        std::to_string(available));
  std::size_t varEnd = 0;
  for (std::size_t i = 0; i < m_varCount; ++i) {
    std::size_t off = u32(data + m_fixedSize + 8 * i), len = u32(data + m_fixedSize + 8 * i + 4);
    varEnd = std::max(varEnd, off + len);
  }
  if (varEnd > available - head)
    return Result<std::size_t>::failure("data layout variable data runs past the end of the record");
  return head + varEnd;
}

DataLayoutBlock::DataLayoutBlock(std::shared_ptr<const DataLayout> layout, const std::uint8_t *data, std::size_t size)
    : m_layout(std::move(layout)), m_bytes(data, data + size) {}

bool DataLayoutBlock::pieceBytes(const DataPiece &p, const std::uint8_t *&ptr, std::size_t &len) const {
  const std::size_t fixedSize = m_layout->fixedSize();
  if (p.fixed()) {
    len = p.count * p.elementSize;
    if (p.offset + len > m_bytes.size())
      return false;
    ptr = m_bytes.data() + p.offset;
    return true;
  }
  std::size_t head = fixedSize + 8 * m_layout->varCount();
  if (head > m_bytes.size())
    return false;
  std::size_t off = u32(m_bytes.data() + fixedSize + 8 * p.varIndex);
  len = u32(m_bytes.data() + fixedSize + 8 * p.varIndex + 4);
  if (off + len > m_bytes.size() - head)
    return false;
  ptr = m_bytes.data() + head + off;
  return true;
}

std::optional<std::vector<double>> DataLayoutBlock::numbers(const std::string &name) const {
  const DataPiece *p = m_layout ? m_layout->piece(name) : nullptr;
  if (!p || p->scalar == Scalar::String || p->kind == PieceKind::StringMap)
    return std::nullopt;
  const std::uint8_t *ptr = nullptr;
  std::size_t len = 0;
  if (!pieceBytes(*p, ptr, len))
    return std::nullopt;
  std::size_t step = scalarSize(p->scalar);
  std::vector<double> out;
  out.reserve(len / step);
  for (std::size_t i = 0; i + step <= len; i += step)
    out.push_back(scalarAt(p->scalar, ptr + i));
  return out;
}

std::optional<double> DataLayoutBlock::number(const std::string &name) const {
  auto v = numbers(name);
  if (!v || v->empty())
    return std::nullopt;
  return v->front();
}

std::optional<std::int64_t> DataLayoutBlock::integer(const std::string &name) const {
  // Read 64-bit integers exactly (a double would round nanosecond timestamps).
  const DataPiece *p = m_layout ? m_layout->piece(name) : nullptr;
  if (p && (p->scalar == Scalar::Int64 || p->scalar == Scalar::UInt64)) {
    const std::uint8_t *ptr = nullptr;
    std::size_t len = 0;
    if (!pieceBytes(*p, ptr, len) || len < 8)
      return std::nullopt;
    std::int64_t v;
    std::memcpy(&v, ptr, 8);
    return v;
  }
  auto d = number(name);
  if (!d)
    return std::nullopt;
  return static_cast<std::int64_t>(*d);
}

std::optional<std::string> DataLayoutBlock::string(const std::string &name) const {
  const DataPiece *p = m_layout ? m_layout->piece(name) : nullptr;
  if (!p || p->kind != PieceKind::String)
    return std::nullopt;
  const std::uint8_t *ptr = nullptr;
  std::size_t len = 0;
  if (!pieceBytes(*p, ptr, len))
    return std::nullopt;
  return std::string(reinterpret_cast<const char *>(ptr), len);
}

} // namespace tacit::vrs
