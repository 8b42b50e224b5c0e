// Independent Parquet reader for Tacit's export tests: node read-parquet.mjs FILE
// Prints {"num_rows", "created_by", "metadata": {key: value}, "schema": [{name, type, repetition, converted}],
// "rows": [...]} as JSON (int64 values become numbers). Exit 1 with a message if the file cannot be read.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

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
  const out = { num_rows: Number(meta.num_rows), created_by: meta.created_by ?? null, metadata, schema, rows }
  process.stdout.write(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? Number(v) : v)))
} catch (e) {
  process.stderr.write(`${path}: ${e.message}\n`)
  process.exit(1)
}
