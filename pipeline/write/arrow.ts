import { Bool, DateDay, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Data, type DataType } from 'apache-arrow';
import { writeFile } from 'node:fs/promises';
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

/** An Arrow IPC file (random-access format), readable by pyarrow, DuckDB and apache-arrow. */
export async function writeArrow(file: string, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  await writeFile(file, tableToIPC(tableToArrow(table, rows), 'file'));
}
