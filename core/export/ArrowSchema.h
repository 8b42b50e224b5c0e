#pragma once
// The Arrow schema pyarrow stores in a Parquet footer under "ARROW:schema": an IPC-encapsulated
// Schema message (continuation marker 0xFFFFFFFF, int32 metadata length, the FlatBuffers Message
// padded to 8 bytes), base64-encoded. Readers use it to restore the Arrow types (e.g. list fields
// named "item", int64 vs timestamp) instead of guessing them from the Parquet schema.
#include <string>
#include <utility>
#include <vector>

#include "core/export/ParquetWriter.h"

namespace tacit::exporting {

struct ArrowColumn {
  std::string name;
  ParquetValueType type = ParquetValueType::Int64;
  bool list = false;     // list<type> with a child field named "item", as pyarrow names it
  bool nullable = false; // Tacit's Parquet columns are all required
};

// The encapsulated IPC message bytes (not base64). `metadata` becomes the schema's custom_metadata.
std::string arrowSchemaMessage(const std::vector<ArrowColumn> &columns,
                               const std::vector<std::pair<std::string, std::string>> &metadata);
// base64 of arrowSchemaMessage(): the "ARROW:schema" value.
std::string arrowSchemaBase64(const std::vector<ArrowColumn> &columns,
                              const std::vector<std::pair<std::string, std::string>> &metadata);

} // namespace tacit::exporting
