#pragma once
// VRS DataLayout: a JSON description (the stream's "DL:<Type>:<version>:<block>" tag) plus a byte
// block = fixed area (pieces at their offsets) + var index ({u32 offset, u32 length} per variable
// piece) + var data (FORMATS §2.2). Fields are read by name; missing fields give nullopt.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/Result.h"

namespace tacit::vrs {

enum class PieceKind { Value, Array, Vector, String, StringMap };
enum class Scalar { Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float, Double, String };

struct DataPiece {
  std::string name;
  PieceKind kind = PieceKind::Value;
  std::string typeName; // as in the JSON, e.g. "DataPieceArray<float>"
  Scalar scalar = Scalar::UInt8;
  std::size_t components = 1; // Point3Dd = 3, Matrix3Dd = 9, scalars 1
  std::size_t elementSize = 0;
  std::size_t offset = 0;   // fixed pieces
  std::size_t count = 1;    // array element count
  std::size_t varIndex = 0; // variable pieces
  bool fixed() const { return kind == PieceKind::Value || kind == PieceKind::Array; }
};

class DataLayout {
public:
  static Result<DataLayout> fromJson(const std::string &json);
  const std::vector<DataPiece> &pieces() const { return m_pieces; }
  const DataPiece *piece(const std::string &name) const;
  std::size_t fixedSize() const { return m_fixedSize; }
  std::size_t varCount() const { return m_varCount; }
  // Size of a block that starts at data: fixed + var index + var data. Fails when it does not fit.
  Result<std::size_t> blockSize(const std::uint8_t *data, std::size_t available) const;

private:
  std::vector<DataPiece> m_pieces;
  std::size_t m_fixedSize = 0, m_varCount = 0;
};

// One decoded block (owns a copy of its bytes).
class DataLayoutBlock {
public:
  DataLayoutBlock() = default;
  DataLayoutBlock(std::shared_ptr<const DataLayout> layout, const std::uint8_t *data, std::size_t size);
  bool valid() const { return m_layout != nullptr; }
  const DataLayout *layout() const { return m_layout.get(); }
  std::optional<double> number(const std::string &name) const; // first element of a numeric piece
  std::optional<std::int64_t> integer(const std::string &name) const;
  std::optional<std::string> string(const std::string &name) const;          // DataPieceString
  std::optional<std::vector<double>> numbers(const std::string &name) const; // array/vector, flattened

private:
  bool pieceBytes(const DataPiece &p, const std::uint8_t *&ptr, std::size_t &len) const;
  std::shared_ptr<const DataLayout> m_layout;
  std::vector<std::uint8_t> m_bytes;
};

} // namespace tacit::vrs
