import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import { writeFile } from 'node:fs/promises';
import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';

const arrowTypes: Record<ColumnKind, () => DataType> = {
  string: () => new Utf8(),
  integer: () => new Int32(),
  double: () => new Float64(),
  boolean: () => new Bool(),
};

export function tableToArrow(table: TableSpec, rows: readonly Record<string, unknown>[]): Table {
  const vectors = Object.fromEntries(
    columnsOf(table).map(({ name, kind }) => [name, vectorFromArray(rows.map((r) => r[name] ?? null), arrowTypes[kind]())]),
  );
  return new Table(vectors);
}

/** An Arrow IPC file (random-access format), readable by pyarrow, DuckDB and apache-arrow. */
export async function writeArrow(file: string, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  await writeFile(file, tableToIPC(tableToArrow(table, rows), 'file'));
}
