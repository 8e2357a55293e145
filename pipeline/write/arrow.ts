import { Bool, DateDay, Float64, Int32, RecordBatch, RecordBatchFileWriter, Schema, Table, Utf8, makeData, makeVector, type Data, type DataType } from 'apache-arrow';
import { FileBlock } from 'apache-arrow/ipc/metadata/file';
import { closeSync, openSync, writeSync } from 'node:fs';
import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';
import { epochDays, storedValue } from './cells.ts';

/** One record batch per this many rows: readers stream them, and building one never holds every row's copy at once. */
export const rowsPerBatch = 65_536;
const encoder = new TextEncoder();

/** Validity bitmap (1 = present) and null count of a column, or no bitmap when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (const v of values) if (v === null || v === undefined) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount };
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

/**
 * Column buffers written directly: a string column is one UTF-8 buffer and its offsets, encoded
 * in one pass, which is many times faster than appending cell by cell through a builder.
 */
const columnData: Record<ColumnKind, (values: readonly unknown[]) => Data<DataType>> = {
  string(values) {
    const valueOffsets = new Int32Array(values.length + 1);
    const texts = values.map((v) => (v === null || v === undefined ? '' : String(v)));
    // the exact UTF-8 size, so the buffer is allocated once and not three times over (a batch of long quotes is 100 MB)
    let room = 0;
    for (const t of texts) room += Buffer.byteLength(t, 'utf8');
    const buffer = new Uint8Array(room);
    let length = 0;
    texts.forEach((t, i) => {
      if (t) length += encoder.encodeInto(t, buffer.subarray(length)).written;
      valueOffsets[i + 1] = length;
    });
    if (length !== room) throw new Error(`arrow: expected ${room} bytes of UTF-8 in a string column, wrote ${length}`);
    return makeData({ type: new Utf8(), length: values.length, valueOffsets, data: buffer, ...validity(values) });
  },
  integer: (values) => makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values, (v) => (v as number | null) ?? 0), ...validity(values) }),
  double: (values) => makeData({ type: new Float64(), length: values.length, data: Float64Array.from(values, (v) => (v as number | null) ?? 0), ...validity(values) }),
  date: (values) => makeData({ type: new DateDay(), length: values.length, data: Int32Array.from(values, (v) => (v === null ? 0 : epochDays(v as string))), ...validity(values) }),
  boolean(values) {
    const data = new Uint8Array(Math.ceil(values.length / 8));
    values.forEach((v, i) => {
      if (v) data[i >> 3] |= 1 << (i & 7);
    });
    return makeData({ type: new Bool(), length: values.length, data, ...validity(values) });
  },
};

/** One record batch of rows, as a table of its own. */
export function arrowBatch(table: TableSpec, part: readonly Record<string, unknown>[]): Table {
  return new Table(Object.fromEntries(columnsOf(table).map((c) => [c.name, makeVector(columnData[c.kind](part.map((r) => storedValue(c, r[c.name]))))])));
}

export function tableToArrow(table: TableSpec, rows: readonly Record<string, unknown>[]): Table {
  const batchOf = (part: readonly Record<string, unknown>[]) => arrowBatch(table, part);
  if (rows.length <= rowsPerBatch) return batchOf(rows);
  const parts: Table[] = [];
  for (let i = 0; i < rows.length; i += rowsPerBatch) parts.push(batchOf(rows.slice(i, i + rowsPerBatch)));
  return parts[0].concat(...parts.slice(1));
}

/** An Arrow IPC file (random-access format), readable by pyarrow, DuckDB and apache-arrow: the bytes tableToIPC makes. */
export async function writeArrow(file: string, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    const writer = new EncodedArrowFileWriter(table, fd);
    writer.writeEncoded(encodeArrowBatches(table, rows));
    writer.finish();
  } finally {
    closeSync(fd);
  }
}

/**
 * A record batch as the bytes of its IPC message (metadata and body) and where each message sits
 * in them. The bytes do not depend on where in a file they go, so a worker can encode a
 * document's batches and the file writer, or a later build from the cache, copy them as they are.
 */
export interface EncodedBatches {
  bytes: Uint8Array;
  blocks: { metaDataLength: number; bodyLength: number; offset: number }[];
}

/** apache-arrow's own file writer, its output collected instead of streamed: the exact bytes it writes for each batch. */
class BatchEncoder extends RecordBatchFileWriter {
  private chunks: Uint8Array[] = [];

  protected override _write(chunk: ArrayBufferView): this {
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (bytes.byteLength > 0) {
      // the batch's buffers are not written to again: kept as they are until concatenated
      this.chunks.push(bytes);
      this._position += bytes.byteLength;
    }
    return this;
  }

  encode(batches: readonly RecordBatch[]): EncodedBatches {
    this.chunks = [];
    this._position = 0;
    this._recordBatchBlocks = [];
    for (const batch of batches) this._writeRecordBatch(batch);
    const bytes = Buffer.concat(this.chunks);
    const blocks = this._recordBatchBlocks.map((b) => ({ metaDataLength: b.metaDataLength, bodyLength: Number(b.bodyLength), offset: Number(b.offset) }));
    this.chunks = [];
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), blocks };
  }
}

const batchEncoder = new BatchEncoder();

/** Rows as record batches of at most rowsPerBatch rows each, encoded; no rows, no batch. */
export function encodeArrowBatches(table: TableSpec, rows: readonly Record<string, unknown>[]): EncodedBatches {
  const batches: RecordBatch[] = [];
  for (let i = 0; i < rows.length; i += rowsPerBatch) batches.push(...arrowBatch(table, rows.slice(i, i + rowsPerBatch)).batches);
  return batchEncoder.encode(batches);
}

/** A table's schema as every batch of it has it. */
function arrowSchema(table: TableSpec): Schema {
  return arrowBatch(table, []).schema;
}

/**
 * An Arrow IPC file written from encoded batches: apache-arrow's file writer, given the batches'
 * bytes instead of the batches, writes the same header, the bytes as they are, and a footer that
 * lists each batch where it now sits.
 */
export class EncodedArrowFileWriter extends RecordBatchFileWriter {
  private readonly tableSchema: Schema;

  /** Writes into `fd` as it goes, synchronously: nothing waits in memory for a stream to drain. */
  constructor(
    private readonly table: TableSpec,
    private readonly fd: number,
  ) {
    super();
    this.tableSchema = arrowSchema(table);
  }

  protected override _write(chunk: ArrayBufferView): this {
    if (!this._started || chunk.byteLength === 0) return this;
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this._position += bytes.byteLength;
    return this;
  }

  writeEncoded(encoded: EncodedBatches): void {
    if (encoded.blocks.length === 0) return;
    if (!this._started) this.reset(this._sink, this.tableSchema);
    for (const b of encoded.blocks) this._recordBatchBlocks.push(new FileBlock(b.metaDataLength, b.bodyLength, this._position + b.offset));
    this._write(encoded.bytes);
  }

  /** The footer; a table without a batch gets one empty batch, as tableToArrow writes it. */
  override finish(): this {
    if (!this._started) this.writeEncoded(batchEncoder.encode(arrowBatch(this.table, []).batches));
    return super.finish();
  }
}
