import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TableSpec } from '../../schemas/columns.ts';
import { writeArrow } from './arrow.ts';
import { writeCsv } from './csv.ts';
import { dataPackage } from './datapackage.ts';
import { writeDuckDb } from './duckdb.ts';

export interface TableRows {
  table: TableSpec;
  rows: readonly Record<string, unknown>[];
}

/** Writes every table as csv/<table>.csv, arrow/<table>.arrow, one hashkpi.duckdb and datapackage.json. */
export async function writeDataset(dir: string, tables: readonly TableRows[], version: string): Promise<void> {
  await mkdir(path.join(dir, 'csv'), { recursive: true });
  await mkdir(path.join(dir, 'arrow'), { recursive: true });
  for (const { table, rows } of tables) {
    await writeCsv(path.join(dir, 'csv', `${table.name}.csv`), table, rows);
    await writeArrow(path.join(dir, 'arrow', `${table.name}.arrow`), table, rows);
  }
  await writeDuckDb(path.join(dir, 'hashkpi.duckdb'), tables);
  const descriptor = dataPackage(tables.map(({ table, rows }) => ({ table, rows: rows.length })), version);
  await writeFile(path.join(dir, 'datapackage.json'), JSON.stringify(descriptor, null, 2) + '\n');
}
