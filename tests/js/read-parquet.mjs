// Independent Parquet reader for Tacit's export tests: node read-parquet.mjs FILE
// Prints {"num_rows", "created_by", "metadata": {key: value}, "schema": [{name, type, repetition, converted}],
// "rows": [...], "arrow_schema": {fields, metadata} | null} as JSON (int64 values become numbers).
// "arrow_schema" is the footer's ARROW:schema decoded by Apache Arrow's own IPC reader (apache-arrow):
// fields as {name, type (Arrow's type string), nullable, children}. Exit 1 if the file cannot be read.
import { RecordBatchReader } from 'apache-arrow'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

function describeField(f) {
  return { name: f.name, type: String(f.type), nullable: f.nullable, children: (f.type.children ?? []).map(describeField) }
}

function decodeArrowSchema(base64) {
  const reader = RecordBatchReader.from(Buffer.from(base64, 'base64'))
  reader.open()
  const metadata = {}
  for (const [k, v] of reader.schema.metadata) metadata[k] = v
  return { fields: reader.schema.fields.map(describeField), metadata }
}

const path = process.argv[2]
try {
  const file = await asyncBufferFromFile(path)
  const meta = await parquetMetadataAsync(file)
  const rows = await parquetReadObjects({ file, compressors })
  const metadata = {}
  for (const kv of meta.key_value_metadata ?? []) metadata[kv.key] = kv.value
  const schema = meta.schema.map(s => ({
    name: s.name, type: s.type ?? null, repetition: s.repetition_type ?? null, converted: s.converted_type ?? null,
  }))
  const arrow_schema = metadata['ARROW:schema'] ? decodeArrowSchema(metadata['ARROW:schema']) : null
  const out = { num_rows: Number(meta.num_rows), created_by: meta.created_by ?? null, metadata, schema, rows, arrow_schema }
  process.stdout.write(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? Number(v) : v)))
} catch (e) {
  process.stderr.write(`${path}: ${e.message}\n`)
  process.exit(1)
}
