import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { TableSpec } from '../../schemas/columns.ts';
import { quoteIdent, quoteText } from './duckdb.ts';

/**
 * parquet/<table>.parquet for every table, copied out of the DuckDB file by DuckDB's own Parquet
 * writer. Its memory is bounded whatever the corpus: each table is copied by an instance of its
 * own (an instance keeps the blocks it read until it closes), under a memory limit, with one
 * thread (two threads in one instance hold twice the row groups and are no faster) and row
 * groups of 32,768 rows (a row group of paragraphs is otherwise tens of MB); rows stay in the
 * tables' order. `lanes` tables are copied at once, the largest first, each by its own instance:
 * the copy of one table runs on one core, so two lanes halve the time on two cores.
 */
export async function writeParquet(duckDbFile: string, dir: string, tables: readonly { table: TableSpec; rows: number }[], lanes = 2): Promise<void> {
  await mkdir(dir, { recursive: true });
  const queue = [...tables].sort((a, b) => b.rows - a.rows || a.table.name.localeCompare(b.table.name));
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) await copyTable(duckDbFile, dir, next.table);
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
}

async function copyTable(duckDbFile: string, dir: string, table: TableSpec): Promise<void> {
  const instance = await DuckDBInstance.create(duckDbFile, { access_mode: 'READ_ONLY', memory_limit: '256MB', threads: '1' });
  const connection = await instance.connect();
  try {
    const file = path.join(dir, `${table.name}.parquet`);
    await connection.run(`COPY ${quoteIdent(table.name)} TO ${quoteText(file)} (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 32768)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
