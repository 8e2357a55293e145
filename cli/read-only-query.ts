import { DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { plainNumber } from '../pipeline/write/cells.ts';

const numericTypes = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

export interface QueryResult {
  columns: string[];
  /** per column: whether it holds numbers (drawn right-aligned) */
  numeric: boolean[];
  /** every cell as text; NULL for a null */
  rows: string[][];
}

const cellText = (v: unknown): string =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? plainNumber(v) : typeof v === 'string' ? v : JSON.stringify(v);

/** Runs SQL on a DuckDB file opened read-only, so a query can never change the dataset. */
export async function queryReadOnly(file: string, sql: string): Promise<QueryResult> {
  if (!existsSync(file)) throw new Error(`${file}: no such DuckDB file (build the dataset first: hashkpi build --out DIR)`);
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return {
      columns: reader.columnNames(),
      numeric: reader.columnTypes().map((t) => numericTypes.has(t.typeId)),
      rows: reader.getRowsJson().map((row) => row.map(cellText)),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
