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
  /** every cell as a JSON value: null, a number, a string (a date, a big integer), an array or object */
  values: unknown[][];
}

const cellText = (v: unknown): string =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? plainNumber(v) : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * Read-only is not enough on its own: COPY, EXPORT DATABASE, ATTACH and read_text/read_csv reach
 * any file. With external access off the database can touch no file but its own, and with the
 * configuration locked no SET can turn access back on.
 */
const readOnlyConfig = { access_mode: 'READ_ONLY', enable_external_access: 'false', lock_configuration: 'true' };

/** Runs SQL on a DuckDB file that it can only read: a query can never change the dataset nor reach any other file. */
export async function queryReadOnly(file: string, sql: string, params?: Record<string, string>): Promise<QueryResult> {
  if (!existsSync(file)) throw new Error(`${file}: no such DuckDB file (build the dataset first: hashkpi build --out DIR)`);
  const instance = await DuckDBInstance.create(file, readOnlyConfig);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql, params).catch((error: Error) => {
      if (/disabled by configuration|configuration has been locked|read-only mode/i.test(error.message)) {
        throw new Error(`a query reads the tables and views of ${file} only: it cannot write, change settings or open other files (${error.message})`);
      }
      throw error;
    });
    const values = reader.getRowsJson() as unknown[][];
    return {
      columns: reader.columnNames(),
      numeric: reader.columnTypes().map((t) => numericTypes.has(t.typeId)),
      rows: values.map((row) => row.map(cellText)),
      values,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
