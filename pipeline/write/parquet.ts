import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { TableSpec } from '../../schemas/columns.ts';

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** parquet/<table>.parquet for every table, copied out of the DuckDB file by DuckDB's own Parquet writer. */
export async function writeParquet(duckDbFile: string, dir: string, tables: readonly TableSpec[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const instance = await DuckDBInstance.create(duckDbFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      const file = path.join(dir, `${table.name}.parquet`);
      await connection.run(`COPY ${quoteIdent(table.name)} TO ${quoteText(file)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
