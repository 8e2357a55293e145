import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import { writeFile } from 'node:fs/promises';
import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';

const arrowTypes: Record<ColumnKind, () => DataType> = {
  string: () => new Utf8(),
  integer: () => new Int32(),
  double: () => new Float64(),
  boolean: () => new Bool(),
};

/** One record batch per this many rows: readers stream them, and building one never holds every row's copy at once. */
const rowsPerBatch = 65_536;

export function tableToArrow(table: TableSpec, rows: readonly Record<string, unknown>[]): Table {
  const columns = columnsOf(table);
  const batchOf = (part: readonly Record<string, unknown>[]) =>
    new Table(Object.fromEntries(columns.map(({ name, kind }) => [name, vectorFromArray(part.map((r) => r[name] ?? null), arrowTypes[kind]())])));
  if (rows.length <= rowsPerBatch) return batchOf(rows);
  const parts: Table[] = [];
  for (let i = 0; i < rows.length; i += rowsPerBatch) parts.push(batchOf(rows.slice(i, i + rowsPerBatch)));
  return parts[0].concat(...parts.slice(1));
}

/** An Arrow IPC file (random-access format), readable by pyarrow, DuckDB and apache-arrow. */
export async function writeArrow(file: string, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  await writeFile(file, tableToIPC(tableToArrow(table, rows), 'file'));
}
